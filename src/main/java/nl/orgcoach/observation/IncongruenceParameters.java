package nl.orgcoach.observation;

import java.math.BigDecimal;
import nl.orgcoach.stats.IncongruenceSettings;

/**
 * The parts of the evidence rule a coach may vary on the incongruence page and in the API, as the
 * query parameters carry them (text, so that a bad value gets a message rather than a 400). Each
 * left empty keeps its default ({@link IncongruenceSettings#defaults()}). The bounds never go below
 * the floor of METHODS.md §4 (at least 3 observations per compared constellation, a stated margin,
 * a high probability, repetition in at least 2 behaviours or 2 periods): a coach can ask for more
 * evidence, never for a flag on less (PRODUCT.md invariant 6).
 */
record IncongruenceParameters(
    String minObservations,
    String margin,
    String minProbability,
    String minBehaviours,
    String minPeriods) {

  static final int MIN_OBSERVATIONS_FROM = 3;
  static final int MIN_OBSERVATIONS_TO = 100;
  static final BigDecimal MARGIN_FROM = new BigDecimal("0.10");
  static final BigDecimal MARGIN_TO = new BigDecimal("0.50");
  static final BigDecimal PROBABILITY_FROM = new BigDecimal("0.90");
  static final BigDecimal PROBABILITY_TO = new BigDecimal("0.999");
  static final int MIN_BEHAVIOURS_FROM = 2;
  static final int MIN_BEHAVIOURS_TO = 20;
  static final int MIN_PERIODS_FROM = 2;
  static final int MIN_PERIODS_TO = 8;

  static final IncongruenceParameters NONE =
      new IncongruenceParameters(null, null, null, null, null);

  /**
   * The settings these parameters ask for.
   *
   * @throws nl.orgcoach.platform.UserError naming the first parameter out of its bounds
   */
  IncongruenceSettings settings() {
    IncongruenceSettings d = IncongruenceSettings.defaults();
    int observations =
        whole(
            "minObservations",
            minObservations,
            d.minObservations(),
            MIN_OBSERVATIONS_FROM,
            MIN_OBSERVATIONS_TO);
    double m = decimal("margin", margin, d.margin(), MARGIN_FROM, MARGIN_TO);
    double p =
        decimal(
            "minProbability", minProbability, d.minProbability(), PROBABILITY_FROM, PROBABILITY_TO);
    int behaviours =
        whole(
            "minBehaviours",
            minBehaviours,
            d.minBehaviours(),
            MIN_BEHAVIOURS_FROM,
            MIN_BEHAVIOURS_TO);
    int periods = whole("minPeriods", minPeriods, d.minPeriods(), MIN_PERIODS_FROM, MIN_PERIODS_TO);
    return new IncongruenceSettings(
        d.method(),
        observations,
        m,
        p,
        d.falseDiscoveryRate(),
        behaviours,
        periods,
        d.periodMonths(),
        d.minObservationsPerPeriod(),
        d.minNormObservations(),
        d.favourableFrom(),
        d.maxRating(),
        d.permutationLimit(),
        d.monteCarloDraws(),
        d.seed());
  }

  private static int whole(String field, String text, int otherwise, int from, int to) {
    if (blank(text)) {
      return otherwise;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= from && value <= to) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw Input.bad(field, "incongruence.error." + field, from, to);
  }

  /** A decimal with a point or (as Dutch users type it) a comma. */
  private static double decimal(
      String field, String text, double otherwise, BigDecimal from, BigDecimal to) {
    if (blank(text)) {
      return otherwise;
    }
    try {
      BigDecimal value = new BigDecimal(text.strip().replace(',', '.'));
      if (value.compareTo(from) >= 0 && value.compareTo(to) <= 0) {
        return value.doubleValue();
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw Input.bad(field, "incongruence.error." + field, from, to);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
