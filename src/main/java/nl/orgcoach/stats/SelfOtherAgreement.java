package nl.orgcoach.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Self–other agreement in multi-rater feedback: does a person see themselves as others see them?
 *
 * <p>Method: Atwater &amp; Yammarino (1992, <i>Personnel Psychology</i> 45:141–164; 1997), as
 * operationalised by Fleenor, McCauley &amp; Brutus (1996). For each ratee D = S − Ō, the
 * self-rating minus the mean of the others' ratings. With a centre c and a band half-width m·SD(D):
 *
 * <ul>
 *   <li>over-estimator: D &gt; c + m·SD(D);
 *   <li>under-estimator: D &lt; c − m·SD(D);
 *   <li>otherwise in agreement, <i>good</i> when Ō ≥ mean Ō of the reference sample, else
 *       <i>poor</i>.
 * </ul>
 *
 * Studies differ on c (mean D or 0) and m (usually ½), so both are a {@link Settings} value that
 * every report must print ({@link Settings#describe()}). SD(D) uses n − 1.
 *
 * <p>The band, the centre and mean Ō are properties of a <b>reference sample</b> of ratees, not of
 * one person. {@link #classify} uses the ratees it is given as their own reference. {@link
 * #placeOne} places a single ratee (for instance one person's successive rounds) against a
 * reference sample summarised by {@link ReferenceSample}, typically all ratees of the same
 * instrument in the same client organisation and round. With fewer than {@link
 * Settings#minimumReferenceSize()} ratees in that sample the answer is {@link NotEnoughData}; SD(D)
 * from a handful of ratees would make the band arbitrary.
 *
 * <p>Not implemented here: polynomial regression with response surfaces (Edwards &amp; Parry 1993;
 * Shanock et al. 2010), the stronger method when there are many ratees.
 */
public final class SelfOtherAgreement {

  private SelfOtherAgreement() {}

  /** Where the band is centred. */
  public enum Centre {
    /** c = mean D of the reference sample (Atwater &amp; Yammarino 1992). */
    MEAN_DIFFERENCE,
    /** c = 0: self and others agree in absolute terms. */
    ZERO
  }

  public enum Category {
    OVER_ESTIMATOR,
    UNDER_ESTIMATOR,
    IN_AGREEMENT_GOOD,
    IN_AGREEMENT_POOR
  }

  /**
   * How ratees are categorised. Print {@link #describe()} beside every categorisation.
   *
   * @param centre where the agreement band is centred
   * @param m half-width of the band in units of SD(D); ½ in most studies
   * @param minimumReferenceSize fewest ratees whose D the band may be based on (at least 2, since
   *     SD(D) needs two)
   */
  public record Settings(Centre centre, double m, int minimumReferenceSize) {

    /** Ten ratees: at n = 10 the standard error of SD(D) is already about a quarter of SD(D). */
    public static final int DEFAULT_MINIMUM_REFERENCE_SIZE = 10;

    public Settings {
      Objects.requireNonNull(centre, "centre");
      if (!Double.isFinite(m) || m < 0) {
        throw new IllegalArgumentException("m must be a finite number >= 0, was " + m);
      }
      if (minimumReferenceSize < 2) {
        throw new IllegalArgumentException(
            "minimumReferenceSize must be >= 2, was " + minimumReferenceSize);
      }
    }

    /** Atwater &amp; Yammarino's choice: centre = mean D, m = ½, at least ten ratees. */
    public static Settings standard() {
      return new Settings(Centre.MEAN_DIFFERENCE, 0.5, DEFAULT_MINIMUM_REFERENCE_SIZE);
    }

    public Settings withCentre(Centre newCentre) {
      return new Settings(newCentre, m, minimumReferenceSize);
    }

    public Settings withM(double newM) {
      return new Settings(centre, newM, minimumReferenceSize);
    }

    public Settings withMinimumReferenceSize(int newMinimum) {
      return new Settings(centre, m, newMinimum);
    }

    /** For reports, e.g. {@code centre = mean D, m = 0.5, reference n >= 10}. */
    public String describe() {
      return String.format(
          Locale.ROOT,
          "centre = %s, m = %s, reference n >= %d",
          centre == Centre.ZERO ? "0" : "mean D",
          stripZeros(m),
          minimumReferenceSize);
    }

    private static String stripZeros(double value) {
      return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
  }

  /**
   * One ratee's self-rating and the mean of the others' ratings (of one scale, one round).
   *
   * @param ratee opaque label, carried through to the result
   */
  public record Ratings(String ratee, double self, double othersMean) {
    public Ratings {
      if (!Double.isFinite(self) || !Double.isFinite(othersMean)) {
        throw new IllegalArgumentException("ratings must be finite numbers: " + ratee);
      }
    }

    public double difference() {
      return self - othersMean;
    }
  }

  /**
   * The summary of a reference sample that placing a ratee needs.
   *
   * @param size number of ratees in the sample
   * @param meanDifference mean D
   * @param sdDifference SD(D), n − 1
   * @param meanOthers mean Ō, the split between agreement-good and agreement-poor
   */
  public record ReferenceSample(
      int size, double meanDifference, double sdDifference, double meanOthers) {

    public ReferenceSample {
      if (size < 0
          || !Double.isFinite(meanDifference)
          || !Double.isFinite(sdDifference)
          || sdDifference < 0
          || !Double.isFinite(meanOthers)) {
        throw new IllegalArgumentException("not a reference sample summary");
      }
    }

    /** Summarises the given ratees; fewer than two give an unusable summary of size 0 or 1. */
    public static ReferenceSample of(List<Ratings> ratees) {
      int n = ratees.size();
      if (n < 2) {
        return new ReferenceSample(n, 0, 0, 0);
      }
      double[] d = ratees.stream().mapToDouble(Ratings::difference).toArray();
      double[] o = ratees.stream().mapToDouble(Ratings::othersMean).toArray();
      return new ReferenceSample(n, mean(d), Math.sqrt(variance(d)), mean(o));
    }
  }

  /** A categorisation, or why there is none. */
  public sealed interface Outcome permits Categorised, NotEnoughData {}

  /** Not enough ratees in the reference sample to draw a band. */
  public record NotEnoughData(Settings settings, int referenceSize, String reason)
      implements Outcome {}

  /**
   * The ratees categorised against the band.
   *
   * @param centre the centre actually used (mean D or 0)
   * @param lower c − m·SD(D)
   * @param upper c + m·SD(D)
   */
  public record Categorised(
      Settings settings,
      ReferenceSample reference,
      double centre,
      double lower,
      double upper,
      List<Placement> placements)
      implements Outcome {
    public Categorised {
      placements = List.copyOf(placements);
    }

    public List<Category> categories() {
      return placements.stream().map(Placement::category).toList();
    }
  }

  public record Placement(Ratings ratings, double difference, Category category) {}

  /** Categorises the ratees, using them as their own reference sample. */
  public static Outcome classify(List<Ratings> ratees, Settings settings) {
    return placeAll(ratees, ReferenceSample.of(ratees), settings);
  }

  /**
   * Places one ratee's ratings (for instance each of their rounds) against a reference sample of
   * other ratees, e.g. everyone in the client who was rated on the same instrument in that round.
   */
  public static Outcome placeOne(
      List<Ratings> roundsOfOneRatee, ReferenceSample reference, Settings settings) {
    return placeAll(roundsOfOneRatee, reference, settings);
  }

  private static Outcome placeAll(
      List<Ratings> ratees, ReferenceSample reference, Settings settings) {
    Objects.requireNonNull(settings, "settings");
    if (reference.size() < settings.minimumReferenceSize()) {
      return new NotEnoughData(
          settings,
          reference.size(),
          "not enough data: the reference sample has "
              + reference.size()
              + " ratees, the band needs at least "
              + settings.minimumReferenceSize());
    }
    double centre = settings.centre() == Centre.ZERO ? 0.0 : reference.meanDifference();
    double halfWidth = settings.m() * reference.sdDifference();
    double lower = centre - halfWidth;
    double upper = centre + halfWidth;
    List<Placement> placements = new ArrayList<>(ratees.size());
    for (Ratings r : ratees) {
      double d = r.difference();
      Category category;
      if (d > upper) {
        category = Category.OVER_ESTIMATOR;
      } else if (d < lower) {
        category = Category.UNDER_ESTIMATOR;
      } else if (r.othersMean() >= reference.meanOthers()) {
        category = Category.IN_AGREEMENT_GOOD;
      } else {
        category = Category.IN_AGREEMENT_POOR;
      }
      placements.add(new Placement(r, d, category));
    }
    return new Categorised(settings, reference, centre, lower, upper, placements);
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  private static double variance(double[] values) {
    double m = mean(values);
    double ss = 0;
    for (double v : values) {
      ss += (v - m) * (v - m);
    }
    return ss / (values.length - 1);
  }
}
