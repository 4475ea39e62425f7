package nl.orgcoach.stats;

import static nl.orgcoach.stats.Constellation.DIRECT_REPORTS_PRESENT;
import static nl.orgcoach.stats.Constellation.OUTSIDERS_PRESENT;
import static nl.orgcoach.stats.Constellation.PEERS_PRESENT;
import static nl.orgcoach.stats.Constellation.SUPERIORS_PRESENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import nl.orgcoach.stats.IncongruenceFinding.Direction;
import nl.orgcoach.stats.IncongruenceFinding.Outcome;
import nl.orgcoach.stats.IncongruenceFinding.PairEvidence;
import nl.orgcoach.stats.IncongruenceSettings.Method;
import org.junit.jupiter.api.Test;

/** The incongruence analysis on hand-made clients, the METHODS.md §4 vector among them. */
class IncongruenceAnalysisTest {

  static final double REL = 1e-7 * 100;
  static final LocalDate DAY = LocalDate.of(2026, 3, 2);

  /** A client's ratings, built up per person, behaviour and constellation. */
  static final class Client {
    final List<ObservedRating> ratings = new ArrayList<>();
    private int others;

    Client rate(String person, String behaviour, Constellation c, LocalDate date, int... values) {
      for (int v : values) {
        ratings.add(new ObservedRating(person, behaviour, c, v, date));
      }
      return this;
    }

    /** Ratings by as many other people (one rating each): they make the norm, never a finding. */
    Client others(String behaviour, Constellation c, int... values) {
      for (int v : values) {
        ratings.add(new ObservedRating("other-" + others++, behaviour, c, v, DAY));
      }
      return this;
    }

    IncongruenceReport analyse() {
      return IncongruenceAnalysis.analyse(ratings);
    }

    IncongruenceReport analyse(IncongruenceSettings settings) {
      return IncongruenceAnalysis.analyse(ratings, settings);
    }
  }

  static int[] ints(double[] values) {
    int[] result = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (int) values[i];
    }
    return result;
  }

  /**
   * The reference person of METHODS.md §4 (superiors 4,5,4; peers 3,4,3,4; subordinates — here
   * direct reports — 2,3,2,2,3) in a client whose norm is flat: in every constellation 10 of 20
   * ratings favourable and mean 3.0 (the person's own included). Then the normed comparison is the
   * raw one, and the analysis must reproduce the vector.
   */
  static Client referenceClient(String... behaviours) {
    Map<String, double[]> vector = ContextRatingsVector.ratings();
    Client client = new Client();
    for (String b : behaviours) {
      client
          .rate("p", b, SUPERIORS_PRESENT, DAY, ints(vector.get("superiors")))
          .rate("p", b, PEERS_PRESENT, DAY, ints(vector.get("peers")))
          .rate("p", b, DIRECT_REPORTS_PRESENT, DAY, ints(vector.get("subordinates")))
          // 17 more with superiors: 7 favourable, sum 47; 16 with peers: 8, 46; 15 with reports:
          // 10, 48
          .others(b, SUPERIORS_PRESENT, 4, 4, 4, 4, 4, 4, 4, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1)
          .others(b, PEERS_PRESENT, 4, 4, 4, 4, 4, 4, 4, 4, 2, 2, 2, 2, 2, 2, 1, 1)
          .others(b, DIRECT_REPORTS_PRESENT, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 2, 2, 2, 1, 1);
    }
    return client;
  }

  static IncongruenceFinding finding(IncongruenceReport report, String person, String behaviour) {
    return report.findings().stream()
        .filter(f -> f.person().equals(person) && f.behaviour().equals(behaviour))
        .findFirst()
        .orElseThrow();
  }

  static PairEvidence pair(IncongruenceFinding f, Constellation first, Constellation second) {
    return f.pairs().stream()
        .filter(p -> p.first() == first && p.second() == second)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void reproducesTheReferenceVectorAsEvidenceAndNeedsRepetitionToFlag() {
    IncongruenceReport report = referenceClient("asks-input").analyse();
    IncongruenceFinding f = finding(report, "p", "asks-input");

    // The norm is flat: every constellation 10/20 favourable, mean 3.0.
    assertThat(f.constellations())
        .allSatisfy(
            c -> {
              assertThat(c.clientN()).isEqualTo(20);
              assertThat(c.clientFavourableRate()).isEqualTo(0.5);
              assertThat(c.clientMeanRating()).isCloseTo(3.0, within(1e-12));
              assertThat(c.compared()).isTrue();
            });
    PairEvidence supVsReports = pair(f, SUPERIORS_PRESENT, DIRECT_REPORTS_PRESENT);
    assertThat(supVsReports.firstPosterior()).isEqualTo(new BetaBinomial.Posterior(3, 3));
    assertThat(supVsReports.secondPosterior()).isEqualTo(new BetaBinomial.Posterior(0, 5));
    assertThat(supVsReports.normGap()).isZero();
    assertThat(supVsReports.probabilityAbove()).isCloseTo(0.970979316, withinPercentage(REL));
    assertThat(supVsReports.shown()).isEqualTo(Direction.ABOVE_NORM);
    assertThat(supVsReports.gap()).isCloseTo(0.8 - 1.0 / 7, within(1e-12));

    // The rank test on normed ratings is the vector's test (all norms equal: a common shift).
    assertThat(f.test().h()).isCloseTo(8.07226463, withinPercentage(REL));
    assertThat(f.test().asymptoticP()).isCloseTo(0.0176656657, withinPercentage(REL));
    assertThat(f.test().permutationP()).isCloseTo(0.00505050505, withinPercentage(REL));
    assertThat(f.test().epsilonSquared()).isCloseTo(0.733842239, withinPercentage(REL));

    // One behaviour, one quarter: shown, but not repeated, so not flagged.
    assertThat(supVsReports.behavioursShown()).isEqualTo(1);
    assertThat(supVsReports.periodsShown()).isEqualTo(1);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_REPEATED);
    assertThat(report.flagged()).isEmpty();
  }

  @Test
  void theSameGapInASecondBehaviourIsRepetition() {
    IncongruenceReport report = referenceClient("asks-input", "explains-decisions").analyse();
    assertThat(report.flagged())
        .extracting(IncongruenceFinding::behaviour)
        .containsExactly("asks-input", "explains-decisions");
    PairEvidence evidence =
        pair(finding(report, "p", "asks-input"), SUPERIORS_PRESENT, DIRECT_REPORTS_PRESENT);
    assertThat(evidence.behavioursShown()).isEqualTo(2);
    double[] interval = evidence.credibleInterval(0.95);
    assertThat(interval[0]).isGreaterThan(0.0).isLessThan(evidence.normedGap());
    assertThat(interval[1]).isGreaterThan(evidence.normedGap()).isLessThanOrEqualTo(1.0);
    assertThat(report.settings()).isEqualTo(IncongruenceSettings.defaults());
    assertThat(report.settings().rule())
        .containsEntry("minObservations", 3)
        .containsEntry("margin", 0.20)
        .containsEntry("minProbability", 0.95)
        .containsEntry("minBehaviours", 2);
  }

  @Test
  void theSameGapInTwoQuartersIsRepetition() {
    Client client = new Client();
    LocalDate q1 = LocalDate.of(2026, 1, 15);
    LocalDate q2 = LocalDate.of(2026, 4, 15);
    for (LocalDate d : List.of(q1, q2)) {
      client
          .rate("p", "b", SUPERIORS_PRESENT, d, 5, 4, 4, 5)
          .rate("p", "b", DIRECT_REPORTS_PRESENT, d, 2, 1, 2, 2);
    }
    for (int i = 0; i < 4; i++) {
      client.others("b", SUPERIORS_PRESENT, 4, 3, 4, 3, 4, 2);
      client.others("b", DIRECT_REPORTS_PRESENT, 4, 3, 4, 3, 4, 2);
    }
    IncongruenceFinding f = finding(client.analyse(), "p", "b");
    PairEvidence evidence = pair(f, SUPERIORS_PRESENT, DIRECT_REPORTS_PRESENT);
    assertThat(evidence.shown()).isEqualTo(Direction.ABOVE_NORM);
    assertThat(evidence.behavioursShown()).isEqualTo(1);
    assertThat(evidence.periodsShown()).isEqualTo(2);
    assertThat(f.outcome()).isEqualTo(Outcome.FLAGGED);

    // Three periods demanded: not repeated enough.
    IncongruenceSettings three = IncongruenceSettings.defaults().withRepetition(2, 3);
    assertThat(finding(client.analyse(three), "p", "b").outcome()).isEqualTo(Outcome.NOT_REPEATED);
  }

  @Test
  void aGapThatIsUsualInTheClientIsNoIncongruence() {
    // Everyone is favourable with superiors and not with their reports: so is p. Normed, no gap.
    Client client = new Client();
    for (String b : List.of("b1", "b2")) {
      client
          .rate("p", b, SUPERIORS_PRESENT, DAY, 5, 4, 4, 5, 4)
          .rate("p", b, DIRECT_REPORTS_PRESENT, DAY, 2, 1, 2, 2, 2);
      for (int i = 0; i < 5; i++) {
        client.others(b, SUPERIORS_PRESENT, 4, 5, 4, 5);
        client.others(b, DIRECT_REPORTS_PRESENT, 2, 1, 2, 3);
      }
    }
    IncongruenceReport report = client.analyse();
    IncongruenceFinding f = finding(report, "p", "b1");
    PairEvidence evidence = pair(f, SUPERIORS_PRESENT, DIRECT_REPORTS_PRESENT);
    assertThat(evidence.normGap()).isCloseTo(1.0, within(1e-12));
    assertThat(evidence.shown()).isNull();
    assertThat(f.outcome()).isEqualTo(Outcome.NO_GAP_SHOWN);
    assertThat(report.flagged()).isEmpty();
  }

  @Test
  void aSingleConstellationGivesNoComparisonAndNoFlag() {
    Client client =
        new Client()
            .rate("p", "b", PEERS_PRESENT, DAY, 1, 1, 1, 5, 5, 5, 5, 5)
            .others("b", PEERS_PRESENT, IntStream.generate(() -> 3).limit(30).toArray());
    IncongruenceFinding f = finding(client.analyse(), "p", "b");
    assertThat(f.outcome()).isEqualTo(Outcome.TOO_FEW_OBSERVATIONS);
    assertThat(f.pairs()).isEmpty();
    assertThat(f.test()).isNull();
    assertThat(f.testQ()).isNaN();
    assertThat(f.constellations()).singleElement().satisfies(c -> assertThat(c.n()).isEqualTo(8));
  }

  @Test
  void belowTheMinimumCountsNothingIsCompared() {
    // A striking gap on two observations per constellation, in two behaviours: still no flag.
    Client client = new Client();
    for (String b : List.of("b1", "b2")) {
      client
          .rate("p", b, SUPERIORS_PRESENT, DAY, 5, 5)
          .rate("p", b, DIRECT_REPORTS_PRESENT, DAY, 1, 1);
      for (int i = 0; i < 10; i++) {
        client.others(b, SUPERIORS_PRESENT, 3, 4);
        client.others(b, DIRECT_REPORTS_PRESENT, 3, 4);
      }
    }
    IncongruenceReport report = client.analyse();
    assertThat(finding(report, "p", "b1").outcome()).isEqualTo(Outcome.TOO_FEW_OBSERVATIONS);
    assertThat(report.flagged()).isEmpty();
  }

  @Test
  void emptyInputAndConstellationsWithoutANormAreNotCompared() {
    assertThat(IncongruenceAnalysis.analyse(List.of()).findings()).isEmpty();

    // The reference person, but only 3 outsider ratings in the whole client: outsiders are shown,
    // not compared (no norm), and the other pairs are unaffected.
    Client client = referenceClient("b").rate("p", "b", OUTSIDERS_PRESENT, DAY, 1, 1, 1);
    IncongruenceFinding f = finding(client.analyse(), "p", "b");
    assertThat(f.constellations())
        .filteredOn(c -> c.constellation() == OUTSIDERS_PRESENT)
        .singleElement()
        .satisfies(c -> assertThat(c.compared()).isFalse());
    assertThat(f.pairs())
        .noneMatch(p -> p.first() == OUTSIDERS_PRESENT || p.second() == OUTSIDERS_PRESENT)
        .hasSize(3);
    assertThat(f.test().groups()).isEqualTo(3);
  }

  @Test
  void allRatingsEqualGiveNoGapAndNoFlag() {
    Client client = new Client();
    for (String b : List.of("b1", "b2", "b3")) {
      for (Constellation c : Constellation.values()) {
        client.rate("p", b, c, DAY, 3, 3, 3, 3, 3);
        client.rate("q", b, c, DAY.plusMonths(4), 3, 3, 3, 3, 3);
        client.others(b, c, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3);
      }
    }
    IncongruenceReport report = client.analyse();
    assertThat(report.flagged()).isEmpty();
    IncongruenceFinding f = finding(report, "p", "b2");
    assertThat(f.outcome()).isEqualTo(Outcome.NO_GAP_SHOWN);
    assertThat(f.pairs()).hasSize(6).allSatisfy(p -> assertThat(p.normGap()).isZero());
    assertThat(f.test().h()).isZero();
    assertThat(f.test().asymptoticP()).isEqualTo(1.0);
  }

  @Test
  void tiedRatingsAcrossConstellationsAreRankedAsTies() {
    // p's ratings are the same multiset with superiors and with peers: no gap either way.
    Client client = new Client();
    for (String b : List.of("b1", "b2")) {
      client
          .rate("p", b, SUPERIORS_PRESENT, DAY, 4, 4, 2, 2)
          .rate("p", b, PEERS_PRESENT, DAY, 2, 4, 2, 4);
      client.others(b, SUPERIORS_PRESENT, 4, 2, 4, 2, 4, 2, 4, 2, 4, 2, 4, 2, 4, 2, 4, 2, 4, 2);
      client.others(b, PEERS_PRESENT, 4, 2, 4, 2, 4, 2, 4, 2, 4, 2, 4, 2, 4, 2, 4, 2, 4, 2);
    }
    IncongruenceReport report = client.analyse();
    IncongruenceFinding f = finding(report, "p", "b1");
    PairEvidence evidence = pair(f, SUPERIORS_PRESENT, PEERS_PRESENT);
    assertThat(evidence.gap()).isZero();
    assertThat(evidence.probabilityAbove()).isEqualTo(evidence.probabilityBelow(), within(1e-12));
    assertThat(f.test().h()).isCloseTo(0, within(1e-12));
    assertThat(f.test().tieCorrection()).isLessThan(1);
    assertThat(report.flagged()).isEmpty();
  }

  @Test
  void theExactTestWithFalseDiscoveryControlFlagsTheClearCase() {
    IncongruenceSettings exact = IncongruenceSettings.defaults().withMethod(Method.EXACT_TEST_FDR);
    IncongruenceReport report = referenceClient("b1", "b2").analyse(exact);
    IncongruenceFinding f = finding(report, "p", "b1");
    // Two tests, p = 0.00505 each: q = 0.00505.
    assertThat(f.testQ()).isCloseTo(0.00505050505, withinPercentage(REL));
    assertThat(pair(f, SUPERIORS_PRESENT, DIRECT_REPORTS_PRESENT).shown())
        .isEqualTo(Direction.ABOVE_NORM);
    assertThat(f.outcome()).isEqualTo(Outcome.FLAGGED);
    assertThat(report.settings().rule()).containsEntry("falseDiscoveryRate", 0.05);
  }

  @Test
  void refusesRatingsOffTheScaleAndBadSettings() {
    Client client = new Client().rate("p", "b", PEERS_PRESENT, DAY, 6);
    assertThatThrownBy(client::analyse)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside 1..5");
    assertThatThrownBy(() -> IncongruenceSettings.defaults().withMargin(1.2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IncongruenceSettings.defaults().withMinProbability(0.4))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anObservationCountsForItsDominantConstellation() {
    assertThat(Constellation.dominant(EnumSet.of(PEERS_PRESENT, SUPERIORS_PRESENT)))
        .isEqualTo(SUPERIORS_PRESENT);
    assertThat(Constellation.dominant(EnumSet.of(OUTSIDERS_PRESENT, DIRECT_REPORTS_PRESENT)))
        .isEqualTo(DIRECT_REPORTS_PRESENT);
    assertThat(Constellation.dominant(EnumSet.of(OUTSIDERS_PRESENT, PEERS_PRESENT)))
        .isEqualTo(PEERS_PRESENT);
    assertThat(ObservedRating.of("p", "b", EnumSet.of(OUTSIDERS_PRESENT), 4, DAY).constellation())
        .isEqualTo(OUTSIDERS_PRESENT);
    assertThatThrownBy(() -> Constellation.dominant(EnumSet.noneOf(Constellation.class)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
