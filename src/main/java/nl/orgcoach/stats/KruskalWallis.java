package nl.orgcoach.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Kruskal–Wallis rank test of whether k groups come from the same distribution (Kruskal &amp;
 * Wallis 1952, <i>JASA</i> 47:583–621), as METHODS.md §4 uses it for one person's ratings per
 * constellation.
 *
 * <ul>
 *   <li>H on mid-ranks, divided by the tie correction C = 1 − Σ(t³ − t)/(N³ − N);
 *   <li>the asymptotic p: the chi-square survival function with k − 1 degrees of freedom, Q((k −
 *       1)/2, H/2);
 *   <li>the permutation p: the share of all assignments of the N values to groups of the observed
 *       sizes (N!/(n₁!…n_k!) of them) whose H is at least the observed H — enumerated exactly when
 *       there are at most {@code exactLimit} assignments, otherwise estimated from a seeded
 *       Monte-Carlo sample of random assignments as (b + 1)/(m + 1) (Davison &amp; Hinkley 1997,
 *       §4.2.1) with its binomial standard error;
 *   <li>the effect size ε² = H/(N − 1) (Tomczak &amp; Tomczak 2014).
 * </ul>
 *
 * Empty groups are left out (they carry no ranks). When all N values are equal, every assignment
 * has the same ranks: H is 0 and both p-values are 1 (there is no evidence of a difference).
 */
public final class KruskalWallis {

  /** Up to this many assignments are enumerated; the reference vector has 27,720. */
  public static final long DEFAULT_EXACT_LIMIT = 200_000;

  public static final int DEFAULT_MONTE_CARLO_DRAWS = 20_000;
  public static final long DEFAULT_SEED = 20_261_127L;

  private KruskalWallis() {}

  /** How the permutation p-value was obtained. */
  public enum PermutationMethod {
    /** Every distinct assignment of the values to the groups was enumerated. */
    EXACT,
    /** Estimated from seeded random assignments; see {@link Result#permutationStandardError()}. */
    MONTE_CARLO,
    /** Not computed ({@link #asymptotic}): the permutation p is NaN. */
    NONE
  }

  /**
   * The test's outcome.
   *
   * @param groups the number of non-empty groups, k
   * @param n all values, N
   * @param h H, tie-corrected
   * @param tieCorrection C (1 without ties)
   * @param degreesOfFreedom k − 1
   * @param asymptoticP the chi-square approximation of P(H ≥ h)
   * @param permutationP the permutation p (exact or Monte-Carlo)
   * @param permutationMethod how {@code permutationP} was obtained
   * @param permutations the number of assignments enumerated, or of random draws
   * @param permutationStandardError 0 when exact, else the Monte-Carlo standard error
   * @param epsilonSquared ε² = H/(N − 1)
   */
  public record Result(
      int groups,
      int n,
      double h,
      double tieCorrection,
      int degreesOfFreedom,
      double asymptoticP,
      double permutationP,
      PermutationMethod permutationMethod,
      long permutations,
      double permutationStandardError,
      double epsilonSquared) {}

  /** The test with the default limits and seed. */
  public static Result test(double[]... groups) {
    return test(groups, DEFAULT_EXACT_LIMIT, DEFAULT_MONTE_CARLO_DRAWS, DEFAULT_SEED);
  }

  /** H, ε² and the asymptotic p only, for screening many tests cheaply. */
  public static Result asymptotic(double[]... groups) {
    return test(groups, 0, 0, DEFAULT_SEED);
  }

  /**
   * The test. With more than {@code exactLimit} assignments and {@code monteCarloDraws} = 0, the
   * permutation p is not computed.
   *
   * @throws IllegalArgumentException with fewer than two non-empty groups, or a non-finite value
   */
  public static Result test(double[][] groups, long exactLimit, int monteCarloDraws, long seed) {
    List<double[]> nonEmpty = new ArrayList<>();
    for (double[] g : groups) {
      if (g != null && g.length > 0) {
        for (double v : g) {
          if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("values must be finite");
          }
        }
        nonEmpty.add(g);
      }
    }
    int k = nonEmpty.size();
    if (k < 2) {
      throw new IllegalArgumentException("Kruskal–Wallis needs at least two non-empty groups");
    }
    if (monteCarloDraws < 0 || exactLimit < 0) {
      throw new IllegalArgumentException("limits must not be negative");
    }
    int[] sizes = new int[k];
    int n = 0;
    for (int i = 0; i < k; i++) {
      sizes[i] = nonEmpty.get(i).length;
      n += sizes[i];
    }
    double[] values = new double[n];
    int[] groupOf = new int[n];
    int at = 0;
    for (int i = 0; i < k; i++) {
      for (double v : nonEmpty.get(i)) {
        values[at] = v;
        groupOf[at++] = i;
      }
    }
    double[] ranks = new double[n];
    double tieSum = midRanks(values, ranks);
    double tieCorrection = 1 - tieSum / ((double) n * n * n - n);
    int df = k - 1;
    long assignments = assignments(sizes);
    if (tieCorrection <= 1e-12) {
      // All values equal: every assignment has the same ranks, so each is "at least as extreme".
      return new Result(
          k, n, 0, 0, df, 1, 1, PermutationMethod.EXACT, Math.max(1, assignments), 0, 0);
    }
    double[] rankSums = new double[k];
    for (int i = 0; i < n; i++) {
      rankSums[groupOf[i]] += ranks[i];
    }
    double statistic = statistic(rankSums, sizes);
    double h = hFrom(statistic, n, tieCorrection);
    double asymptotic = GammaFunctions.regularisedGammaQ(df / 2.0, h / 2);
    // H is a monotone function of Σ R²/n for fixed N and ties: compare that, with a tolerance.
    double threshold = statistic - 1e-9 * Math.max(1, Math.abs(statistic));
    Result result;
    if (assignments > 0 && assignments <= exactLimit) {
      long atLeast = new Enumeration(ranks, sizes, threshold).count();
      result =
          new Result(
              k,
              n,
              h,
              tieCorrection,
              df,
              asymptotic,
              (double) atLeast / assignments,
              PermutationMethod.EXACT,
              assignments,
              0,
              h / (n - 1));
    } else if (monteCarloDraws == 0) {
      result =
          new Result(
              k,
              n,
              h,
              tieCorrection,
              df,
              asymptotic,
              Double.NaN,
              PermutationMethod.NONE,
              0,
              Double.NaN,
              h / (n - 1));
    } else {
      SplittableRandom random = new SplittableRandom(seed);
      double[] shuffled = ranks.clone();
      long atLeast = 0;
      for (int draw = 0; draw < monteCarloDraws; draw++) {
        for (int i = n - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          double t = shuffled[i];
          shuffled[i] = shuffled[j];
          shuffled[j] = t;
        }
        double s = 0;
        int from = 0;
        for (int g = 0; g < k; g++) {
          double sum = 0;
          for (int i = from; i < from + sizes[g]; i++) {
            sum += shuffled[i];
          }
          s += sum * sum / sizes[g];
          from += sizes[g];
        }
        if (s >= threshold) {
          atLeast++;
        }
      }
      double p = (atLeast + 1.0) / (monteCarloDraws + 1.0);
      result =
          new Result(
              k,
              n,
              h,
              tieCorrection,
              df,
              asymptotic,
              p,
              PermutationMethod.MONTE_CARLO,
              monteCarloDraws,
              Math.sqrt(p * (1 - p) / monteCarloDraws),
              h / (n - 1));
    }
    return result;
  }

  private static double statistic(double[] rankSums, int[] sizes) {
    double s = 0;
    for (int g = 0; g < sizes.length; g++) {
      s += rankSums[g] * rankSums[g] / sizes[g];
    }
    return s;
  }

  private static double hFrom(double statistic, int n, double tieCorrection) {
    double h = (12.0 / ((double) n * (n + 1)) * statistic - 3.0 * (n + 1)) / tieCorrection;
    return Math.max(0, h);
  }

  /** Fills mid-ranks (1-based) and returns Σ(t³ − t) over tie groups. */
  static double midRanks(double[] values, double[] ranks) {
    int n = values.length;
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double tieSum = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && sorted[j + 1] == sorted[i]) {
        j++;
      }
      double t = j - i + 1;
      tieSum += t * t * t - t;
      i = j + 1;
    }
    for (int v = 0; v < n; v++) {
      int first = lowerBound(sorted, values[v]);
      int last = lowerBound(sorted, Math.nextUp(values[v])) - 1;
      ranks[v] = (first + last) / 2.0 + 1;
    }
    return tieSum;
  }

  private static int lowerBound(double[] sorted, double value) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** N!/(n₁!…n_k!), or −1 when it does not fit in a long. */
  static long assignments(int[] sizes) {
    long result = 1;
    int placed = 0;
    for (int size : sizes) {
      for (int i = 1; i <= size; i++) {
        placed++;
        // result·placed/i stays an integer: it is a product of binomial coefficients so far.
        long gcd = gcd(placed, i);
        long num = placed / gcd;
        long den = i / gcd;
        result /= den;
        if (result > Long.MAX_VALUE / num) {
          return -1;
        }
        result *= num;
      }
    }
    return result;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /** Depth-first enumeration of every assignment of the ranks to groups of the given sizes. */
  private static final class Enumeration {
    private final double[] ranks;
    private final int[] left;
    private final double[] sums;
    private final int[] sizes;
    private final double threshold;
    private long atLeast;

    Enumeration(double[] ranks, int[] sizes, double threshold) {
      this.ranks = ranks;
      this.sizes = sizes;
      this.left = sizes.clone();
      this.sums = new double[sizes.length];
      this.threshold = threshold;
    }

    long count() {
      place(0);
      return atLeast;
    }

    private void place(int index) {
      if (index == ranks.length) {
        if (statistic(sums, sizes) >= threshold) {
          atLeast++;
        }
        return;
      }
      for (int g = 0; g < left.length; g++) {
        if (left[g] > 0) {
          left[g]--;
          sums[g] += ranks[index];
          place(index + 1);
          sums[g] -= ranks[index];
          left[g]++;
        }
      }
    }
  }
}
