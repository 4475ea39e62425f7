package nl.orgcoach.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The say–do gap of one person on one behaviour: their own account ("how often do I do this?", one
 * rating on the 1–5 frequency scale of ADR 0005) beside the coaches' observed ratings of the same
 * behaviour, with the uncertainty of the observed mean.
 *
 * <p><b>Model.</b> The observed ratings y₁ … yₙ are taken as normal around the person's true mean
 * frequency μ with an unknown spread σ. Priors: μ uniform on the scale's range [1, 5] (a mean of
 * ratings cannot leave it), and σ² scaled-inverse-χ²(ν₀, σ₀²), a weak prior worth ν₀ ratings that
 * vary by σ₀ (default ν₀ = 2, σ₀ = 1 scale point). Then (Gelman et al., <i>Bayesian Data
 * Analysis</i>, 3rd ed. 2013, §3.2–3.3) the posterior of μ is Student's t with ν = ν₀ + n − 1
 * degrees of freedom, centred on the sample mean ȳ with scale σₙ/√n, where σₙ² = (ν₀σ₀² + (n −
 * 1)s²)/ν, truncated to [1, 5]. The interval is its highest-density credible interval: ȳ ± h, cut
 * off at the ends of the scale, with h such that it holds {@code level} of the posterior (an
 * equal-tailed interval would leave out ȳ itself when all ratings are 5). Why not the plain t
 * interval: with one rating it does not exist, and with ratings that are all equal it has width
 * zero — claiming certainty from three identical ratings. The σ prior keeps the interval honest for
 * small n and fades as n grows (for large n this is the classical t interval); the truncation keeps
 * it on the scale.
 *
 * <p><b>Gap.</b> D = self − ȳ; its interval is self minus the interval of μ (the self rating is the
 * person's statement, not a sample, so it carries no sampling error of its own). The reading: too
 * few observations below {@code minObservations} (default 3); otherwise higher (lower) than
 * observed when the whole interval of D lies above (below) 0, else within the uncertainty.
 * Observations of one person are not fully independent (the same coach, recurring meetings); the
 * interval is therefore a lower bound on the real uncertainty, which is one more reason for the
 * minimum of evidence.
 */
public final class SayDoGap {

  public static final int SCALE_MIN = 1;
  public static final int SCALE_MAX = 5;

  private SayDoGap() {}

  /**
   * The rule's parameters, printed beside every result ({@link #describe()}).
   *
   * @param minObservations fewer observed ratings than this: too few to say (at least 1)
   * @param level the credible level of the intervals, in (0, 1)
   * @param priorDegreesOfFreedom ν₀ &gt; 0, how many ratings the prior on the spread is worth
   * @param priorSd σ₀ &gt; 0, the spread the prior expects, in scale points
   */
  public record Settings(
      int minObservations, double level, double priorDegreesOfFreedom, double priorSd) {

    public static final Settings DEFAULT = new Settings(3, 0.95, 2, 1.0);

    public Settings {
      if (minObservations < 1) {
        throw new IllegalArgumentException("minObservations must be at least 1");
      }
      if (!(level > 0 && level < 1)) {
        throw new IllegalArgumentException("level must be in (0, 1), was " + level);
      }
      if (!(priorDegreesOfFreedom > 0) || !Double.isFinite(priorDegreesOfFreedom)) {
        throw new IllegalArgumentException("the prior degrees of freedom must be > 0");
      }
      if (!(priorSd > 0) || !Double.isFinite(priorSd)) {
        throw new IllegalArgumentException("the prior SD must be > 0");
      }
    }

    public String describe() {
      return "level = "
          + level
          + "; at least "
          + minObservations
          + " observations; prior on the spread: "
          + priorDegreesOfFreedom
          + " ratings with SD "
          + priorSd;
    }
  }

  /** What the comparison says, in plain language on the page. */
  public enum Reading {
    /** The person gave no rating of this behaviour. */
    NO_SELF_RATING,
    /** Fewer observed ratings than the minimum: nothing is said about the gap. */
    TOO_FEW,
    /** The person rates themself higher than observed, beyond the uncertainty. */
    HIGHER,
    /** The person rates themself lower than observed, beyond the uncertainty. */
    LOWER,
    /** The difference is within the uncertainty of what was observed. */
    WITHIN
  }

  /**
   * The comparison. Every figure that needs observations is null without them; the gap and its
   * interval are null without a self rating.
   *
   * @param distribution how many observed ratings had each value 1..5
   * @param lower lower end of the credible interval of the observed mean μ
   */
  public record Result(
      Integer self,
      int n,
      List<Integer> distribution,
      Double observedMean,
      Double observedSd,
      Double lower,
      Double upper,
      Double gap,
      Double gapLower,
      Double gapUpper,
      Reading reading) {}

  /** The gap between {@code self} (null: not rated) and the observed {@code ratings} (1..5). */
  public static Result of(Integer self, Collection<Integer> ratings, Settings settings) {
    if (self != null && (self < SCALE_MIN || self > SCALE_MAX)) {
      throw new IllegalArgumentException("the self rating must be 1..5, was " + self);
    }
    int[] counts = new int[SCALE_MAX - SCALE_MIN + 1];
    double sum = 0;
    for (Integer r : ratings) {
      if (r == null || r < SCALE_MIN || r > SCALE_MAX) {
        throw new IllegalArgumentException("an observed rating must be 1..5, was " + r);
      }
      counts[r - SCALE_MIN]++;
      sum += r;
    }
    List<Integer> distribution = new ArrayList<>();
    for (int c : counts) {
      distribution.add(c);
    }
    int n = ratings.size();
    if (n == 0) {
      return new Result(
          self,
          0,
          distribution,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          self == null ? Reading.NO_SELF_RATING : Reading.TOO_FEW);
    }
    double mean = sum / n;
    double squares = 0;
    for (Integer r : ratings) {
      squares += (r - mean) * (r - mean);
    }
    Double sd = n > 1 ? Math.sqrt(squares / (n - 1)) : null;
    double nu = settings.priorDegreesOfFreedom() + n - 1;
    double variance =
        (settings.priorDegreesOfFreedom() * settings.priorSd() * settings.priorSd() + squares) / nu;
    Posterior p = new Posterior(mean, Math.sqrt(variance / n), nu);
    double half = p.halfWidth(settings.level());
    double lower = Math.max(SCALE_MIN, mean - half);
    double upper = Math.min(SCALE_MAX, mean + half);
    if (self == null) {
      return new Result(
          null, n, distribution, mean, sd, lower, upper, null, null, null, Reading.NO_SELF_RATING);
    }
    Reading reading;
    if (n < settings.minObservations()) {
      reading = Reading.TOO_FEW;
    } else if (self > upper) {
      reading = Reading.HIGHER;
    } else if (self < lower) {
      reading = Reading.LOWER;
    } else {
      reading = Reading.WITHIN;
    }
    return new Result(
        self,
        n,
        distribution,
        mean,
        sd,
        lower,
        upper,
        self - mean,
        self - upper,
        self - lower,
        reading);
  }

  /** Student's t (location, scale, ν) truncated to the scale [1, 5]. */
  private static final class Posterior {
    private final double location;
    private final double scale;
    private final double nu;
    private final double atMin;
    private final double atMax;
    private final double logDensityConstant;

    Posterior(double location, double scale, double nu) {
      this.location = location;
      this.scale = scale;
      this.nu = nu;
      this.logDensityConstant =
          GammaFunctions.logGamma((nu + 1) / 2)
              - GammaFunctions.logGamma(nu / 2)
              - 0.5 * Math.log(nu * Math.PI);
      this.atMin = untruncated(SCALE_MIN);
      this.atMax = untruncated(SCALE_MAX);
    }

    private double untruncated(double mu) {
      return studentTCdf((mu - location) / scale, nu);
    }

    /** The posterior mass of location ± h within the scale. */
    private double mass(double h) {
      double from = location - h <= SCALE_MIN ? atMin : untruncated(location - h);
      double to = location + h >= SCALE_MAX ? atMax : untruncated(location + h);
      return (to - from) / (atMax - atMin);
    }

    /** The posterior density at μ before truncation (of μ, so divided by the scale). */
    private double density(double mu) {
      double t = (mu - location) / scale;
      return Math.exp(logDensityConstant - (nu + 1) / 2 * Math.log1p(t * t / nu)) / scale;
    }

    /**
     * The h for which location ± h (cut off at the scale's ends) holds {@code level} of the
     * posterior: the highest-density interval, as the density falls away from the location on both
     * sides. Newton's method on the mass, kept inside a bisection bracket on [0, 4], to about
     * 1e-12.
     */
    double halfWidth(double level) {
      double lo = 0;
      double hi = SCALE_MAX - SCALE_MIN;
      double h = Math.min(hi / 2, 2 * scale);
      for (int i = 0; i < 200 && hi - lo > 1e-12; i++) {
        double excess = mass(h) - level;
        if (excess < 0) {
          lo = h;
        } else {
          hi = h;
        }
        double slope =
            ((location + h < SCALE_MAX ? density(location + h) : 0)
                    + (location - h > SCALE_MIN ? density(location - h) : 0))
                / (atMax - atMin);
        double next = slope > 0 ? h - excess / slope : Double.NaN;
        if (!(next > lo && next < hi)) {
          next = (lo + hi) / 2;
        } else if (Math.abs(next - h) < 1e-13) {
          return next;
        }
        h = next;
      }
      return h;
    }
  }

  /** The distribution function of Student's t with ν &gt; 0 degrees of freedom. */
  static double studentTCdf(double t, double nu) {
    if (Double.isInfinite(t)) {
      return t > 0 ? 1 : 0;
    }
    double tail = 0.5 * GammaFunctions.regularisedBeta(nu / (nu + t * t), nu / 2, 0.5);
    return t > 0 ? 1 - tail : tail;
  }

  /** The p-quantile of Student's t with ν degrees of freedom (p in (0, 1)), to about 1e-10. */
  static double studentTQuantile(double p, double nu) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("p must be in (0, 1)");
    }
    double lo = -1;
    double hi = 1;
    while (studentTCdf(lo, nu) > p) {
      lo *= 2;
    }
    while (studentTCdf(hi, nu) < p) {
      hi *= 2;
    }
    while (hi - lo > 1e-11 * Math.max(1, Math.abs(hi))) {
      double mid = (lo + hi) / 2;
      if (studentTCdf(mid, nu) < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }
}
