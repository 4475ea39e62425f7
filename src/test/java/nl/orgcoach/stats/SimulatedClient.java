package nl.orgcoach.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A simulated client for the false-alarm study of the incongruence rule (docs/
 * incongruence-false-alarms.md). Ratings come from a latent frequency on the 1–5 scale:
 *
 * <pre>latent = 3.2 + person level u + person × behaviour level v + constellation effect c
 *          (+ −effect for an incongruent person's affected behaviours with direct reports present)
 * rating = latent + rater noise e, rounded and clipped to 1..5</pre>
 *
 * with u ~ N(0, 0.4²), v ~ N(0, 0.4²), e ~ N(0, noise²), and constellation effects the same for
 * everyone (superiors +0.4, direct reports −0.3, peers 0, outsiders +0.2: the rater-source and
 * situation effects the norming removes). A <i>consistent</i> person has no effect of their own; an
 * <i>incongruent</i> one (“kiss up, kick down”) shows {@code affectedBehaviours} behaviours {@code
 * effect}/2 points more with superiors present and {@code effect}/2 points less with direct reports
 * present. Counts per person × behaviour × constellation are uniform in [minCount, maxCount]; dates
 * uniform over two years.
 *
 * @param consistent consistent people
 * @param incongruent incongruent people
 * @param behaviours behaviours per person
 * @param affectedBehaviours of an incongruent person's behaviours, how many carry the effect
 * @param effect the incongruent effect in rating points
 * @param noise the rater noise SD in rating points
 * @param minCount fewest ratings per person × behaviour × constellation
 * @param maxCount most
 * @param seed the random seed
 */
public record SimulatedClient(
    int consistent,
    int incongruent,
    int behaviours,
    int affectedBehaviours,
    double effect,
    double noise,
    int minCount,
    int maxCount,
    long seed) {

  static final double[] CONSTELLATION_EFFECT = {0.4, -0.3, 0.0, 0.2};
  static final LocalDate START = LocalDate.of(2025, 1, 1);

  /** The ratings, and which people and person × behaviours are truly incongruent. */
  public record Data(
      List<ObservedRating> ratings,
      Set<String> incongruentPeople,
      Set<String> affectedCells,
      double meanRateEffect) {}

  public static String cell(String person, String behaviour) {
    return person + "|" + behaviour;
  }

  public Data generate() {
    SplittableRandom random = new SplittableRandom(seed);
    List<ObservedRating> ratings = new ArrayList<>();
    Set<String> incongruentPeople = new HashSet<>();
    Set<String> affected = new HashSet<>();
    double rateEffect = 0;
    int people = consistent + incongruent;
    for (int p = 0; p < people; p++) {
      boolean isIncongruent = p >= consistent;
      String person = (isIncongruent ? "i" : "c") + p;
      if (isIncongruent) {
        incongruentPeople.add(person);
      }
      double u = 0.4 * gaussian(random);
      for (int b = 0; b < behaviours; b++) {
        String behaviour = "b" + b;
        boolean hit = isIncongruent && b < affectedBehaviours;
        if (hit) {
          affected.add(cell(person, behaviour));
        }
        double level = 3.2 + u + 0.4 * gaussian(random);
        if (hit) {
          rateEffect += rateEffect(level);
        }
        for (Constellation c : Constellation.values()) {
          double latent = level + CONSTELLATION_EFFECT[c.ordinal()];
          if (hit && c == Constellation.SUPERIORS_PRESENT) {
            latent += effect / 2;
          }
          if (hit && c == Constellation.DIRECT_REPORTS_PRESENT) {
            latent -= effect / 2;
          }
          int count = minCount + random.nextInt(maxCount - minCount + 1);
          for (int i = 0; i < count; i++) {
            int rating =
                (int) Math.max(1, Math.min(5, Math.round(latent + noise * gaussian(random))));
            LocalDate date = START.plusDays(random.nextInt(730));
            ratings.add(new ObservedRating(person, behaviour, c, rating, date));
          }
        }
      }
    }
    return new Data(
        ratings, incongruentPeople, affected, rateEffect / Math.max(1, affected.size()));
  }

  /**
   * What the effect does to the favourable-rate gap superiors − direct reports of a person at this
   * level, beyond a consistent person's gap: the size the rule's margin is measured against.
   */
  private double rateEffect(double level) {
    double sup = level + CONSTELLATION_EFFECT[0];
    double dir = level + CONSTELLATION_EFFECT[1];
    return favourable(sup + effect / 2)
        - favourable(dir - effect / 2)
        - (favourable(sup) - favourable(dir));
  }

  /** P(rating ≥ 4) = P(latent + e ≥ 3.5) = Φ((latent − 3.5)/noise). */
  private double favourable(double latent) {
    double z = (latent - 3.5) / noise;
    double half = 0.5 * GammaFunctions.regularisedGammaP(0.5, z * z / 2);
    return z >= 0 ? 0.5 + half : 0.5 - half;
  }

  /**
   * Flag rates of one run.
   *
   * @param falseAlarmPeople consistent people with at least one flag, as a share
   * @param falseAlarmCells consistent people's behaviours flagged, as a share
   * @param powerPeople incongruent people with a flag on an affected behaviour, as a share
   * @param powerCells affected behaviours flagged, as a share
   * @param meanRateEffect the mean true effect on the favourable-rate gap of affected behaviours
   */
  public record Rates(
      double falseAlarmPeople,
      double falseAlarmCells,
      double powerPeople,
      double powerCells,
      double meanRateEffect) {}

  public Rates rates(IncongruenceSettings settings) {
    Data data = generate();
    IncongruenceReport report = IncongruenceAnalysis.analyse(data.ratings(), settings);
    Set<String> flaggedConsistentPeople = new HashSet<>();
    Set<String> flaggedIncongruentPeople = new HashSet<>();
    int consistentCellsFlagged = 0;
    int affectedFlagged = 0;
    for (IncongruenceFinding f : report.flagged()) {
      if (data.incongruentPeople().contains(f.person())) {
        if (data.affectedCells().contains(cell(f.person(), f.behaviour()))) {
          affectedFlagged++;
          flaggedIncongruentPeople.add(f.person());
        }
      } else {
        consistentCellsFlagged++;
        flaggedConsistentPeople.add(f.person());
      }
    }
    return new Rates(
        share(flaggedConsistentPeople.size(), consistent),
        share(consistentCellsFlagged, (long) consistent * behaviours),
        share(flaggedIncongruentPeople.size(), incongruent),
        share(affectedFlagged, (long) incongruent * affectedBehaviours),
        data.meanRateEffect());
  }

  private static double share(long count, long of) {
    return of == 0 ? Double.NaN : (double) count / of;
  }

  private static double gaussian(SplittableRandom random) {
    // Box–Muller; SplittableRandom has no nextGaussian on Java 17.
    double u1 = 1 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
