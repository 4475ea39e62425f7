package nl.orgcoach.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Is a team score meaningful? Within-group agreement (rwg) and reliability of group means (ICC).
 * Show agreement beside every team mean: raters who disagree completely can produce an
 * ordinary-looking mean.
 *
 * <ul>
 *   <li>rwg = 1 − s²/σ²EU for one item, with the uniform null distribution σ²EU = (A² − 1)/12 for A
 *       answer options (James, Demaree &amp; Wolf 1984).
 *   <li>rwg(J) = J(1 − s̄²/σ²EU) / [J(1 − s̄²/σ²EU) + s̄²/σ²EU] over J items, s̄² the mean of the
 *       item variances (James, Demaree &amp; Wolf 1984); set to 0 when s̄² &gt; σ²EU, where the
 *       formula stops meaning anything (its raw value is kept for inspection). For J = 1 it is rwg.
 *   <li>r*wg(J) = 1 − s̄²/σ²EU (Lindell, Brandt &amp; Whitney 1999), not truncated: below 0 it says
 *       that the raters disagree more than random answering would.
 *   <li>ICC(1) = (MSB − MSW)/(MSB + (k − 1)MSW) and ICC(2) = (MSB − MSW)/MSB from a one-way ANOVA
 *       of individual scores on group (Bliese 2000). For unbalanced groups k is either N/J or k0 =
 *       (N − Σnⱼ²/N)/(J − 1) (the ANOVA convention); the caller chooses with {@link GroupSize} and
 *       the result says which. ICC(2) does not depend on k.
 * </ul>
 *
 * Variances use n − 1. Raw values are not truncated except rwg(J) as stated above.
 */
public final class RaterAgreement {

  private RaterAgreement() {}

  /** Uniform ("no agreement") variance of a scale with {@code options} answer options. */
  public static double expectedUniformVariance(int options) {
    if (options < 2) {
      throw new IllegalArgumentException("a scale needs at least 2 answer options: " + options);
    }
    return (options * (double) options - 1) / 12.0;
  }

  /** Within-group agreement, or why there is none. */
  public sealed interface WithinGroup permits Rwg, NotEnoughData {}

  /** Reliability of group means, or why there is none. */
  public sealed interface Reliability permits Icc, NotEnoughData {}

  /** No estimate: too few raters, items or groups, or no variance to compare. */
  public record NotEnoughData(String reason) implements WithinGroup, Reliability {}

  /**
   * Within-group agreement of one group on J items.
   *
   * @param rwgJ rwg(J), 0 when s̄² &gt; σ²EU; equals rwg when J = 1
   * @param rawRwgJ the formula's value before setting it to 0
   * @param rStarWgJ r*wg(J), not truncated
   * @param meanItemVariance s̄²
   * @param expectedVariance σ²EU
   * @param items J
   * @param fewestRaters the smallest number of ratings any item had
   */
  public record Rwg(
      double rwgJ,
      double rawRwgJ,
      double rStarWgJ,
      double meanItemVariance,
      double expectedVariance,
      int items,
      int fewestRaters)
      implements WithinGroup {

    public boolean truncated() {
      return rwgJ != rawRwgJ;
    }
  }

  /** rwg of a single item: the ratings of one group's raters on it. */
  public static WithinGroup rwg(double[] ratings, int options) {
    return rwgJ(List.of(ratings), options);
  }

  /**
   * rwg(J) and r*wg(J) of one group.
   *
   * @param itemRatings per item, the ratings the group's raters gave it (an item may have fewer
   *     ratings when a rater skipped it)
   * @param options A, the number of answer options of the scale
   */
  public static WithinGroup rwgJ(List<double[]> itemRatings, int options) {
    double sigmaEu = expectedUniformVariance(options);
    if (itemRatings.isEmpty()) {
      return new NotEnoughData("not enough data: no items");
    }
    double sumVariances = 0;
    int fewest = Integer.MAX_VALUE;
    for (double[] ratings : itemRatings) {
      checkOnScale(ratings, options);
      if (ratings.length < 2) {
        return new NotEnoughData(
            "not enough data: an item has "
                + ratings.length
                + " rating(s); agreement needs at least 2 raters");
      }
      sumVariances += variance(ratings);
      fewest = Math.min(fewest, ratings.length);
    }
    int j = itemRatings.size();
    double meanVariance = sumVariances / j;
    double ratio = meanVariance / sigmaEu;
    double raw = j * (1 - ratio) / (j * (1 - ratio) + ratio);
    double rwgJ = meanVariance > sigmaEu ? 0.0 : raw;
    return new Rwg(rwgJ, raw, 1 - ratio, meanVariance, sigmaEu, j, fewest);
  }

  /** Which k enters ICC(1) when groups differ in size. */
  public enum GroupSize {
    /** k = N/J, the mean group size. */
    MEAN,
    /** k0 = (N − Σnⱼ²/N)/(J − 1), the ANOVA's adjusted mean group size. */
    ADJUSTED_K0
  }

  /**
   * One-way ANOVA and the ICCs derived from it.
   *
   * @param k the group size used in ICC(1), according to {@code groupSize}
   * @param groups J, groups with at least one score
   * @param scores N
   */
  public record Icc(
      double icc1,
      double icc2,
      double msb,
      double msw,
      double k,
      GroupSize groupSize,
      int groups,
      int scores)
      implements Reliability {}

  /**
   * ICC(1) and ICC(2) of individual scale scores grouped by team. Groups without scores are left
   * out.
   */
  public static Reliability icc(List<double[]> scoresPerGroup, GroupSize groupSize) {
    List<double[]> groups = new ArrayList<>();
    int n = 0;
    double total = 0;
    for (double[] g : scoresPerGroup) {
      for (double y : g) {
        if (!Double.isFinite(y)) {
          throw new IllegalArgumentException("scores must be finite numbers");
        }
        total += y;
      }
      if (g.length > 0) {
        groups.add(g);
        n += g.length;
      }
    }
    int j = groups.size();
    if (j < 2) {
      return new NotEnoughData("not enough data: " + j + " group(s); an ICC needs at least 2");
    }
    if (n - j < 1) {
      return new NotEnoughData(
          "not enough data: every group has one score; no within-group variance");
    }
    double grand = total / n;
    double ssb = 0;
    double ssw = 0;
    double sumSquaredSizes = 0;
    for (double[] g : groups) {
      double m = mean(g);
      ssb += g.length * (m - grand) * (m - grand);
      for (double y : g) {
        ssw += (y - m) * (y - m);
      }
      sumSquaredSizes += (double) g.length * g.length;
    }
    double msb = ssb / (j - 1);
    double msw = ssw / (n - j);
    if (msb == 0) {
      return new NotEnoughData(
          "not enough data: all group means are equal, so the reliability of group means is"
              + " undefined");
    }
    double k = groupSize == GroupSize.MEAN ? (double) n / j : (n - sumSquaredSizes / n) / (j - 1);
    double icc1 = (msb - msw) / (msb + (k - 1) * msw);
    double icc2 = (msb - msw) / msb;
    return new Icc(icc1, icc2, msb, msw, k, groupSize, j, n);
  }

  private static void checkOnScale(double[] ratings, int options) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double r : ratings) {
      if (!Double.isFinite(r)) {
        throw new IllegalArgumentException("ratings must be finite numbers");
      }
      min = Math.min(min, r);
      max = Math.max(max, r);
    }
    if (ratings.length > 0 && max - min > options - 1) {
      throw new IllegalArgumentException(
          "ratings span " + (max - min) + ", wider than a scale of " + options + " options");
    }
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
