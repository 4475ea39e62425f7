package nl.orgcoach.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters of the evidence rule of {@link IncongruenceAnalysis} (METHODS.md §4). Every report
 * carries the settings it was made with, so they can be printed beside the flags.
 *
 * @param method how a gap between two constellations counts as shown
 * @param minObservations at least this many ratings in each of the two compared constellations
 * @param margin the gap in favourable rate, beyond what is usual for the two constellations in the
 *     client, that must be exceeded (0.20 = 20 percentage points)
 * @param minProbability {@link Method#POSTERIOR}: the posterior probability that the gap exceeds
 *     the margin must be at least this
 * @param falseDiscoveryRate {@link Method#EXACT_TEST_FDR}: the Benjamini–Hochberg q of the person ×
 *     behaviour's permutation test must be at most this
 * @param minBehaviours repetition: the same gap (same pair, same direction) shown in at least this
 *     many of the person's behaviours …
 * @param minPeriods … or, for this behaviour, seen in at least this many periods
 * @param periodMonths the length of a period in months (3: quarters)
 * @param minObservationsPerPeriod ratings needed in each constellation for a period to count
 * @param minNormObservations the client's ratings needed for a behaviour in a constellation before
 *     it serves as a norm; without a norm that constellation is not compared
 * @param favourableFrom a rating at least this is favourable (4 = often, on the 1–5 scale)
 * @param maxRating the top of the rating scale (ratings run from 1)
 * @param permutationLimit permutation tests enumerate up to this many assignments, above it …
 * @param monteCarloDraws … they draw this many random ones
 * @param seed the seed of those draws (results are reproducible)
 */
public record IncongruenceSettings(
    Method method,
    int minObservations,
    double margin,
    double minProbability,
    double falseDiscoveryRate,
    int minBehaviours,
    int minPeriods,
    int periodMonths,
    int minObservationsPerPeriod,
    int minNormObservations,
    int favourableFrom,
    int maxRating,
    long permutationLimit,
    int monteCarloDraws,
    long seed) {

  /** When a gap between two constellations counts as shown. */
  public enum Method {
    /**
     * Beta-binomial posterior: P(normed gap in favourable rate beyond the margin) ≥ minProbability.
     */
    POSTERIOR,
    /**
     * The exact (or Monte-Carlo) Kruskal–Wallis test on normed ratings, with Benjamini–Hochberg
     * control across all people × behaviours tested, and the posterior-mean normed gap beyond the
     * margin.
     */
    EXACT_TEST_FDR
  }

  public IncongruenceSettings {
    Objects.requireNonNull(method, "method");
    require(minObservations >= 2, "minObservations must be at least 2");
    require(margin >= 0 && margin < 1, "margin must be in [0, 1)");
    require(minProbability > 0.5 && minProbability < 1, "minProbability must be in (0.5, 1)");
    require(
        falseDiscoveryRate > 0 && falseDiscoveryRate < 1, "falseDiscoveryRate must be in (0, 1)");
    require(minBehaviours >= 1, "minBehaviours must be at least 1");
    require(minPeriods >= 1, "minPeriods must be at least 1");
    require(periodMonths >= 1 && periodMonths <= 12, "periodMonths must be in 1..12");
    require(minObservationsPerPeriod >= 1, "minObservationsPerPeriod must be at least 1");
    require(minNormObservations >= 1, "minNormObservations must be at least 1");
    require(maxRating >= 2, "maxRating must be at least 2");
    require(
        favourableFrom > 1 && favourableFrom <= maxRating,
        "favourableFrom must be in 2..maxRating");
    require(permutationLimit >= 1, "permutationLimit must be positive");
    require(monteCarloDraws >= 1, "monteCarloDraws must be positive");
  }

  /**
   * The defaults: at least 3 ratings per compared constellation, a margin of 0.20, posterior
   * probability 0.95, repetition in 2 behaviours or 2 quarters (2 ratings per constellation in a
   * quarter), norms from at least 20 ratings, favourable from 4 on 1–5; permutation tests exact up
   * to 30,000 assignments (the 27,720 of METHODS.md's vector among them), else 2,000 draws. The
   * simulation of docs/incongruence-false-alarms.md keeps consistent people's flag rate under 5%
   * with these.
   */
  public static IncongruenceSettings defaults() {
    return new IncongruenceSettings(
        Method.POSTERIOR, 3, 0.20, 0.95, 0.05, 2, 2, 3, 2, 20, 4, 5, 30_000, 2_000, 20_261_127L);
  }

  public IncongruenceSettings withMethod(Method newMethod) {
    return new IncongruenceSettings(
        newMethod,
        minObservations,
        margin,
        minProbability,
        falseDiscoveryRate,
        minBehaviours,
        minPeriods,
        periodMonths,
        minObservationsPerPeriod,
        minNormObservations,
        favourableFrom,
        maxRating,
        permutationLimit,
        monteCarloDraws,
        seed);
  }

  public IncongruenceSettings withMargin(double newMargin) {
    return new IncongruenceSettings(
        method,
        minObservations,
        newMargin,
        minProbability,
        falseDiscoveryRate,
        minBehaviours,
        minPeriods,
        periodMonths,
        minObservationsPerPeriod,
        minNormObservations,
        favourableFrom,
        maxRating,
        permutationLimit,
        monteCarloDraws,
        seed);
  }

  public IncongruenceSettings withMinProbability(double newMinProbability) {
    return new IncongruenceSettings(
        method,
        minObservations,
        margin,
        newMinProbability,
        falseDiscoveryRate,
        minBehaviours,
        minPeriods,
        periodMonths,
        minObservationsPerPeriod,
        minNormObservations,
        favourableFrom,
        maxRating,
        permutationLimit,
        monteCarloDraws,
        seed);
  }

  public IncongruenceSettings withRepetition(int newMinBehaviours, int newMinPeriods) {
    return new IncongruenceSettings(
        method,
        minObservations,
        margin,
        minProbability,
        falseDiscoveryRate,
        newMinBehaviours,
        newMinPeriods,
        periodMonths,
        minObservationsPerPeriod,
        minNormObservations,
        favourableFrom,
        maxRating,
        permutationLimit,
        monteCarloDraws,
        seed);
  }

  public IncongruenceSettings withMinNormObservations(int newMinNormObservations) {
    return new IncongruenceSettings(
        method,
        minObservations,
        margin,
        minProbability,
        falseDiscoveryRate,
        minBehaviours,
        minPeriods,
        periodMonths,
        minObservationsPerPeriod,
        newMinNormObservations,
        favourableFrom,
        maxRating,
        permutationLimit,
        monteCarloDraws,
        seed);
  }

  /**
   * The parameters that decide a flag, under stable keys (for the report's legend; the keys can
   * serve as message keys), in the order a reader needs them.
   */
  public Map<String, Object> rule() {
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("method", method);
    rule.put("minObservations", minObservations);
    rule.put("margin", margin);
    if (method == Method.POSTERIOR) {
      rule.put("minProbability", minProbability);
    } else {
      rule.put("falseDiscoveryRate", falseDiscoveryRate);
    }
    rule.put("minBehaviours", minBehaviours);
    rule.put("minPeriods", minPeriods);
    rule.put("periodMonths", periodMonths);
    rule.put("minObservationsPerPeriod", minObservationsPerPeriod);
    rule.put("minNormObservations", minNormObservations);
    rule.put("favourableFrom", favourableFrom);
    return rule;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
