package nl.orgcoach.stats;

/**
 * Beta-binomial comparison of two favourable rates (METHODS.md §4). With a uniform prior, x
 * favourable ratings out of n give the posterior Beta(1 + x, 1 + n − x) for the person's favourable
 * rate in that constellation.
 *
 * <ul>
 *   <li>P(p₁ &gt; p₂) in closed form (Evan Miller 2015, “Formulas for Bayesian A/B testing”):
 *       Σ_{i=0}^{α₁−1} B(α₂ + i, β₁ + β₂) / ((β₁ + i) B(1 + i, β₁) B(α₂, β₂)), summed in logs;
 *   <li>P(p₁ − p₂ &gt; δ) for any margin δ in (−1, 1): ∫ f₂(y) (1 − I_{y+δ}(α₁, β₁)) dy. With
 *       integer parameters the integrand is a polynomial of degree n₁ + n₂ + 1 on the interval
 *       where it is not 0 or 1, so a Gauss–Legendre rule with enough nodes integrates it exactly
 *       (only rounding error remains; well below 1e-10);
 *   <li>quantiles of p₁ − p₂ (a credible interval) by bisection on that distribution function.
 * </ul>
 */
public final class BetaBinomial {

  private BetaBinomial() {}

  /**
   * The posterior Beta(1 + favourable, 1 + n − favourable) of a favourable rate.
   *
   * @param favourable x, the favourable ratings
   * @param n all ratings
   */
  public record Posterior(int favourable, int n) {
    public Posterior {
      if (n < 0 || favourable < 0 || favourable > n) {
        throw new IllegalArgumentException("need 0 <= favourable <= n");
      }
    }

    public int alpha() {
      return 1 + favourable;
    }

    public int beta() {
      return 1 + n - favourable;
    }

    /** The posterior mean (x + 1)/(n + 2). */
    public double mean() {
      return (double) alpha() / (alpha() + beta());
    }

    double logDensity(double p) {
      return (alpha() - 1) * Math.log(p)
          + (beta() - 1) * Math.log1p(-p)
          - GammaFunctions.logBeta(alpha(), beta());
    }

    /** P(rate ≤ p). */
    double cdf(double p) {
      return GammaFunctions.regularisedBeta(p, alpha(), beta());
    }
  }

  /** The posterior of x favourable ratings out of n. */
  public static Posterior posterior(int favourable, int n) {
    return new Posterior(favourable, n);
  }

  /** P(p₁ &gt; p₂), closed form. */
  public static double probabilityGreater(Posterior first, Posterior second) {
    // Sum over the smaller α: P(p₁ > p₂) = 1 − P(p₂ > p₁) (ties have probability 0).
    if (first.alpha() <= second.alpha()) {
      return clamp(millerSum(first, second));
    }
    return clamp(1 - millerSum(second, first));
  }

  /** Evan Miller's P(p_b &gt; p_a), a sum of α_b terms. */
  private static double millerSum(Posterior b, Posterior a) {
    double logDenominatorA = GammaFunctions.logBeta(a.alpha(), a.beta());
    double sum = 0;
    for (int i = 0; i < b.alpha(); i++) {
      sum +=
          Math.exp(
              GammaFunctions.logBeta(a.alpha() + i, a.beta() + b.beta())
                  - Math.log(b.beta() + i)
                  - GammaFunctions.logBeta(1 + i, b.beta())
                  - logDenominatorA);
    }
    return sum;
  }

  /** P(p₁ − p₂ &gt; δ), for δ in (−1, 1). */
  public static double probabilityDifferenceAbove(Posterior first, Posterior second, double delta) {
    if (Double.isNaN(delta)) {
      throw new IllegalArgumentException("delta is NaN");
    }
    if (delta >= 1) {
      return 0;
    }
    if (delta <= -1) {
      return 1;
    }
    // For y below −δ the first rate exceeds y + δ ≤ 0 surely: that part is F₂(−δ).
    double certain = delta < 0 ? second.cdf(-delta) : 0;
    double lo = Math.max(0, -delta);
    double hi = Math.min(1, 1 - delta);
    int degree = first.n() + second.n() + 1;
    double[][] rule = GammaFunctions.gaussLegendre(Math.max(2, (degree + 2) / 2));
    double[] nodes = rule[0];
    double[] weights = rule[1];
    double half = (hi - lo) / 2;
    double mid = (hi + lo) / 2;
    Survival survival = new Survival(first);
    int a2 = second.alpha() - 1;
    int b2 = second.beta() - 1;
    double logB2 = GammaFunctions.logBeta(second.alpha(), second.beta());
    double integral = 0;
    for (int i = 0; i < nodes.length; i++) {
      double y = mid + half * nodes[i];
      double density = Math.exp(a2 * Math.log(y) + b2 * Math.log1p(-y) - logB2);
      integral += weights[i] * density * survival.at(y + delta);
    }
    return clamp(certain + half * integral);
  }

  /**
   * 1 − I_x(α, β) for integer α, β: the binomial sum P(Bin(α + β − 1, x) ≤ α − 1), evaluated from
   * its largest term outwards (one exp per point, no underflow of the terms that matter).
   */
  private static final class Survival {
    private final int a;
    private final int total;
    private final double[] logChoose;

    Survival(Posterior posterior) {
      a = posterior.alpha();
      total = posterior.alpha() + posterior.beta() - 1;
      logChoose = new double[total + 1];
      for (int j = 0; j < total; j++) {
        logChoose[j + 1] = logChoose[j] + Math.log((double) (total - j) / (j + 1));
      }
    }

    double at(double x) {
      if (x <= 0) {
        return 1;
      }
      if (x >= 1) {
        return 0;
      }
      double logX = Math.log(x);
      double log1mX = Math.log1p(-x);
      int top = Math.min(a - 1, (int) Math.floor((total + 1) * x));
      double peak = Math.exp(logChoose[top] + top * logX + (total - top) * log1mX);
      double ratio = x / (1 - x);
      double sum = peak;
      double term = peak;
      for (int j = top; j > 0 && term > peak * 1e-17; j--) {
        term *= j / ((total - j + 1) * ratio);
        sum += term;
      }
      term = peak;
      for (int j = top; j < a - 1 && term > peak * 1e-17; j++) {
        term *= (total - j) * ratio / (j + 1);
        sum += term;
      }
      return Math.min(1, sum);
    }
  }

  /** The q-quantile of p₁ − p₂ (q in (0, 1)), to about 1e-9. */
  public static double differenceQuantile(Posterior first, Posterior second, double q) {
    if (!(q > 0 && q < 1)) {
      throw new IllegalArgumentException("q must be in (0, 1)");
    }
    double lo = -1;
    double hi = 1;
    while (hi - lo > 1e-9) {
      double mid = (lo + hi) / 2;
      // P(D ≤ mid) = 1 − P(D > mid)
      if (1 - probabilityDifferenceAbove(first, second, mid) < q) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  private static double clamp(double p) {
    return Math.min(1, Math.max(0, p));
  }
}
