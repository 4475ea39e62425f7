package nl.orgcoach.stats;

import java.util.List;

/**
 * The outcome for one person × behaviour: flagged or not, and always the evidence behind it.
 *
 * @param person the person
 * @param behaviour the behaviour
 * @param outcome flagged, or which part of the evidence rule was not met
 * @param constellations the ratings per constellation beside the client's norm, for every
 *     constellation the person was observed in
 * @param test the Kruskal–Wallis test on normed ratings (rating minus the client's mean for that
 *     behaviour in that constellation) across the compared constellations; null when fewer than two
 *     constellations could be compared
 * @param testQ the Benjamini–Hochberg q of that test's permutation p across all people × behaviours
 *     tested ({@link IncongruenceSettings.Method#EXACT_TEST_FDR}); NaN otherwise or without a test
 * @param pairs every pair of compared constellations, in the order of {@link Constellation}
 */
public record IncongruenceFinding(
    String person,
    String behaviour,
    Outcome outcome,
    List<ConstellationEvidence> constellations,
    KruskalWallis.Result test,
    double testQ,
    List<PairEvidence> pairs) {

  public IncongruenceFinding {
    constellations = List.copyOf(constellations);
    pairs = List.copyOf(pairs);
  }

  public boolean flagged() {
    return outcome == Outcome.FLAGGED;
  }

  /** The evidence rule's verdict, or the first part of it that was not met. */
  public enum Outcome {
    /** A gap is shown and repeated. */
    FLAGGED,
    /** Fewer than two constellations with enough ratings of the person and a norm of the client. */
    TOO_FEW_OBSERVATIONS,
    /** Comparable, but no gap beyond the margin with enough probability (or FDR control). */
    NO_GAP_SHOWN,
    /** A gap is shown, but neither in other behaviours nor in other periods. */
    NOT_REPEATED
  }

  /** Which way a person's gap departs from the client's usual gap. */
  public enum Direction {
    /** first − second is larger than usual in the client (by more than the margin). */
    ABOVE_NORM,
    /** first − second is smaller than usual in the client (by more than the margin). */
    BELOW_NORM
  }

  /**
   * A person's ratings of one behaviour in one constellation, beside the client's.
   *
   * @param constellation the constellation
   * @param n the person's ratings
   * @param favourable of which favourable
   * @param meanRating their mean
   * @param clientN the client's ratings of this behaviour in this constellation (the person's
   *     included)
   * @param clientFavourableRate the client's favourable rate there, the norm
   * @param clientMeanRating the client's mean rating there
   * @param compared whether this constellation entered the comparison (enough ratings of the
   *     person, and a norm)
   */
  public record ConstellationEvidence(
      Constellation constellation,
      int n,
      int favourable,
      double meanRating,
      int clientN,
      double clientFavourableRate,
      double clientMeanRating,
      boolean compared) {

    public BetaBinomial.Posterior posterior() {
      return BetaBinomial.posterior(favourable, n);
    }

    /** The person's mean minus the client's: what the rank test compares. */
    public double normedMeanRating() {
      return meanRating - clientMeanRating;
    }
  }

  /**
   * The comparison of two constellations: the person's gap in favourable rate against the client's
   * usual gap between them.
   *
   * @param first the constellation first in {@link Constellation} order
   * @param second the other
   * @param firstPosterior the person's favourable count in the first, as a Beta posterior
   * @param secondPosterior likewise for the second
   * @param gap the posterior-mean favourable rate in first minus that in second
   * @param normGap the client's favourable rate in first minus that in second
   * @param probabilityAbove P(p_first − p_second &gt; normGap + margin)
   * @param probabilityBelow P(p_first − p_second &lt; normGap − margin)
   * @param shown the direction in which the gap is shown by the rule's method, or null
   * @param behavioursShown the person's behaviours (this one included) where this pair shows a gap
   *     in the same direction; 0 when not shown
   * @param periodsShown periods in which this behaviour's normed gap, on that period's ratings
   *     alone, lies beyond the margin in the same direction; 0 when not shown
   */
  public record PairEvidence(
      Constellation first,
      Constellation second,
      BetaBinomial.Posterior firstPosterior,
      BetaBinomial.Posterior secondPosterior,
      double gap,
      double normGap,
      double probabilityAbove,
      double probabilityBelow,
      Direction shown,
      int behavioursShown,
      int periodsShown) {

    /** The person's gap minus the client's usual gap. */
    public double normedGap() {
      return gap - normGap;
    }

    /**
     * The equal-tailed credible interval of the normed gap, (p_first − p_second) − normGap, at the
     * given level (e.g. 0.95). Computed on demand: each bound is a root search.
     */
    public double[] credibleInterval(double level) {
      if (!(level > 0 && level < 1)) {
        throw new IllegalArgumentException("level must be in (0, 1)");
      }
      double tail = (1 - level) / 2;
      return new double[] {
        BetaBinomial.differenceQuantile(firstPosterior, secondPosterior, tail) - normGap,
        BetaBinomial.differenceQuantile(firstPosterior, secondPosterior, 1 - tail) - normGap
      };
    }
  }
}
