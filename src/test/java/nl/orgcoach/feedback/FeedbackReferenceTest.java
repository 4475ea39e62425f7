package nl.orgcoach.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import nl.orgcoach.feedback.FeedbackReference.Row;
import nl.orgcoach.feedback.FeedbackReference.Sample;
import nl.orgcoach.feedback.FeedbackReference.Source;
import nl.orgcoach.stats.AnonymityRule;
import nl.orgcoach.stats.SelfOtherAgreement;
import org.junit.jupiter.api.Test;

/**
 * The client's reference sample: which rounds and behaviours it takes (through the anonymity rule
 * of the results), and s₁, ICC(2) and the self–other norm against hand-worked numbers and the
 * METHODS.md vectors.
 */
class FeedbackReferenceTest {

  static final double TOLERANCE = 1e-9;

  final FeedbackAnonymity anonymity = new FeedbackAnonymity(AnonymityRule.minimum());

  static FeedbackSettings settings(int minimumRatees) {
    return new FeedbackSettings(
        3,
        90,
        100,
        Duration.ofMinutes(10),
        20,
        Duration.ofHours(1),
        20000,
        "",
        0.8,
        0.7,
        SelfOtherAgreement.Centre.MEAN_DIFFERENCE,
        0.5,
        10,
        0.09,
        0.6,
        3.66,
        false,
        Duration.ofMinutes(15),
        List.of(3, 0),
        2,
        minimumRatees);
  }

  /** Rows of one behaviour of one round: the self rating (null: none), then raters → rating. */
  private final List<Row> rows = new ArrayList<>();

  private final Map<String, UUID> ids = new LinkedHashMap<>();

  private UUID id(String name) {
    return ids.computeIfAbsent(name, n -> UUID.randomUUID());
  }

  private void behaviour(
      String ratee, String round, String text, String identity, Integer self, Object... raters) {
    UUID behaviour = id(round + "/" + text);
    UUID ident = identity == null ? null : id(identity);
    if (self != null) {
      rows.add(
          new Row(
              id(ratee), id(round), behaviour, text, ident, ratee, RaterGroup.SELF, false, self));
    }
    for (int i = 0; i < raters.length; i += 2) {
      rows.add(
          new Row(
              id(ratee),
              id(round),
              behaviour,
              text,
              ident,
              (String) raters[i],
              RaterGroup.PEER,
              false,
              (Integer) raters[i + 1]));
    }
  }

  private Sample sample() {
    var sampler = new FeedbackReference.Sampler(anonymity);
    rows.forEach(sampler::accept);
    return sampler.finish();
  }

  /**
   * Three ratees. A: round 1 shows "Luistert" (framework F1; self 4, others 3, 4, 5) and a free
   * text (self 2, others 2, 2, 3); round 2 asks the same three raters plus one on F1 — four
   * ratings, enough by count, but "all others" then differs from round 1's group by one person, so
   * the results hide it and the reference must too (A's pair stays round 1's). B: round 1 has two
   * raters (hidden), so round 2 is B's first for reliable change: F1 self 5, others 2, 3, 4; F2
   * without a self rating, others 1, 1, 1. C: round 1 F1 self 1, others 2, 3, 4, 5 and agreement R1
   * self 4, others 4, 4, 5; round 2 F1 with new raters, self 3, others 3, 3, 4 (C's latest pair on
   * F1).
   */
  private void threeRatees() {
    behaviour("A", "A1", "Luistert", "F1", 4, "a1", 3, "a2", 4, "a3", 5);
    behaviour("A", "A1", "Eigen tekst", null, 2, "a1", 2, "a2", 2, "a3", 3);
    behaviour("A", "A2", "Luistert", "F1", 2, "a1", 5, "a2", 5, "a3", 5, "a4", 5);
    behaviour("B", "B1", "Luistert", "F1", 3, "b1", 5, "b2", 5);
    behaviour("B", "B2", "Luistert", "F1", 5, "b1", 2, "b2", 3, "b3", 4);
    behaviour("B", "B2", "Vat samen", "F2", null, "b1", 1, "b2", 1, "b3", 1);
    behaviour("C", "C1", "Luistert", "F1", 1, "c1", 2, "c2", 3, "c3", 4, "c4", 5);
    behaviour("C", "C1", "Mijn afspraak", "R1", 4, "c1", 4, "c2", 4, "c3", 5);
    behaviour("C", "C2", "Luistert", "F1", 3, "c5", 3, "c6", 3, "c7", 4);
  }

  @Test
  void theSampleTakesWhatTheResultsShowAndNothingTheyHide() {
    threeRatees();
    // The premise: round A2's "all others" has four raters and is hidden by the results' rule.
    var a1 =
        anonymity.decide(
            List.of(
                new FeedbackAnonymity.Answer("a1", RaterGroup.PEER, false, 3, null),
                new FeedbackAnonymity.Answer("a2", RaterGroup.PEER, false, 4, null),
                new FeedbackAnonymity.Answer("a3", RaterGroup.PEER, false, 5, null)),
            List.of());
    var a2 =
        anonymity.decide(
            List.of(
                new FeedbackAnonymity.Answer("a1", RaterGroup.PEER, false, 5, null),
                new FeedbackAnonymity.Answer("a2", RaterGroup.PEER, false, 5, null),
                new FeedbackAnonymity.Answer("a3", RaterGroup.PEER, false, 5, null),
                new FeedbackAnonymity.Answer("a4", RaterGroup.PEER, false, 5, null)),
            a1.visible());
    assertThat(a2.result().allOthers().shown()).isFalse();

    Sample sample = sample();
    // Pairs (self, mean of others): A F1 (4, 4), B F1 (5, 3), C F1 (3, 10/3), C R1 (4, 13/3).
    assertThat(sample.normRatees()).isEqualTo(3);
    assertThat(sample.pairs())
        .extracting(SelfOtherAgreement.Ratings::self, SelfOtherAgreement.Ratings::othersMean)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(4.0, 4.0),
            org.assertj.core.groups.Tuple.tuple(5.0, 3.0),
            org.assertj.core.groups.Tuple.tuple(3.0, 10 / 3.0),
            org.assertj.core.groups.Tuple.tuple(4.0, 13 / 3.0));
    // First rounds: A1 (both behaviours), B2 (B1 showed nothing), C1.
    assertThat(sample.changeRatees()).isEqualTo(3);
    assertThat(sample.firstRoundGroups())
        .containsExactly(
            new double[] {3, 4, 5},
            new double[] {2, 2, 3},
            new double[] {2, 3, 4},
            new double[] {1, 1, 1},
            new double[] {2, 3, 4, 5},
            new double[] {4, 4, 5});
  }

  @Test
  void handWorkedReference() {
    threeRatees();
    var reference = FeedbackReference.estimate(sample(), settings(10), LocalDate.of(2026, 11, 1));
    // Too few ratees (3 of 10): both are the configured placeholders, with the count.
    assertThat(reference.norm().source()).isEqualTo(Source.PLACEHOLDER);
    assertThat(reference.norm().sampleSize()).isEqualTo(3);
    assertThat(reference.norm().sample().meanDifference()).isEqualTo(0.09);
    assertThat(reference.change().source()).isEqualTo(Source.PLACEHOLDER);
    assertThat(reference.change().reference().sd()).isEqualTo(0.8);
    assertThat(reference.change().reference().reliability()).isEqualTo(0.7);
    assertThat(reference.change().usable()).isFalse();
    assertThat(FeedbackReference.basis(Source.PLACEHOLDER, 3, 10, reference.change().through()))
        .isEqualTo("placeholder (this client has 3 of the 10 ratees needed)");

    // The same numbers as a client of enough ratees (the minimum only decides the source).
    Sample s = sample();
    Sample enough = new Sample(s.pairs(), 10, s.firstRoundGroups(), 10);
    var client = FeedbackReference.estimate(enough, settings(10), LocalDate.of(2026, 11, 1));
    // D = 0, 2, -1/3, -1/3: mean 1/3; deviations -1/3, 5/3, -2/3, -2/3, squares sum 34/9, over
    // n - 1 = 3: SD(D) = sqrt(34/27) = 1.1221672; mean of others (4 + 3 + 10/3 + 13/3)/4 = 11/3.
    var norm = client.norm();
    assertThat(norm.source()).isEqualTo(Source.CLIENT);
    assertThat(norm.sample().size()).isEqualTo(4);
    assertThat(norm.sample().meanDifference()).isCloseTo(1 / 3.0, within(TOLERANCE));
    assertThat(norm.sample().sdDifference()).isCloseTo(Math.sqrt(34 / 27.0), within(TOLERANCE));
    assertThat(norm.sample().meanOthers()).isCloseTo(11 / 3.0, within(TOLERANCE));
    assertThat(norm.through()).isEqualTo(LocalDate.of(2026, 11, 1));
    // Group means 4, 7/3, 3, 1, 7/2, 13/3: SD 1.2220960. N = 19 ratings in J = 6 groups; SSW =
    // 2 + 2/3 + 2 + 0 + 5 + 2/3 = 31/3, MSW = 31/39; MSB = 4.5228070; ICC(2) = (MSB - MSW)/MSB =
    // 0.8242526; k0 = (19 - 69/19)/5 = 3.1578947; ICC(1) = 0.5976116.
    var change = client.change();
    assertThat(change.source()).isEqualTo(Source.CLIENT);
    assertThat(change.usable()).isTrue();
    assertThat(change.groups()).isEqualTo(6);
    assertThat(change.reference().sd()).isCloseTo(1.2220959530734559, within(TOLERANCE));
    assertThat(change.reference().reliability()).isCloseTo(0.8242525511726443, within(TOLERANCE));
    assertThat(change.k0()).isCloseTo(60 / 19.0, within(TOLERANCE));
    assertThat(change.icc1()).isCloseTo(0.5976116303219107, within(TOLERANCE));
    assertThat(FeedbackReference.basis(Source.CLIENT, 10, 10, change.through()))
        .isEqualTo("from this client's 10 ratees, rounds closed up to 2026-11-01");
  }

  @Test
  void iccAndSdOfGroupsAgainstTheMethodsVector() {
    // rwg_icc_example_scale_scores.csv: ICC(2) = 0.969142857, ICC(1) = 0.887029289 (k0 = 4,
    // balanced); s1 = SD of the team means 4.4167, 2.8333, 3.0, 3.5 = 0.71159380 (MSB/4 = its
    // variance).
    Map<String, List<Double>> teams = new LinkedHashMap<>();
    for (String[] row : csv("rwg_icc_example_scale_scores.csv")) {
      teams.computeIfAbsent(row[0], k -> new ArrayList<>()).add(Double.parseDouble(row[1]));
    }
    List<double[]> groups =
        teams.values().stream()
            .map(v -> v.stream().mapToDouble(Double::doubleValue).toArray())
            .toList();
    var e = FeedbackReference.changeEstimate(groups);
    assertThat(e.reference()).isNotNull();
    assertThat(e.reference().reliability()).isCloseTo(0.969142857, within(1e-8));
    assertThat(e.icc().icc1()).isCloseTo(0.887029289, within(1e-8));
    assertThat(e.icc().msb()).isCloseTo(2.02546296, within(1e-7));
    assertThat(e.icc().k()).isCloseTo(4.0, within(TOLERANCE));
    assertThat(e.reference().sd()).isCloseTo(Math.sqrt(2.02546296 / 4), within(1e-7));
    assertThat(e.reference().sd()).isCloseTo(0.7115938031916386, within(TOLERANCE));
  }

  @Test
  void selfOtherNormAgainstTheMethodsVector() {
    // self_other_example.csv: mean D 0.09, SD(D) 0.600832755, mean of others 3.66.
    List<SelfOtherAgreement.Ratings> pairs = new ArrayList<>();
    for (String[] row : csv("self_other_example.csv")) {
      pairs.add(
          new SelfOtherAgreement.Ratings(
              row[0], Double.parseDouble(row[1]), Double.parseDouble(row[2])));
    }
    var reference =
        FeedbackReference.estimate(
            new Sample(pairs, 10, List.of(), 0), settings(10), LocalDate.of(2026, 1, 1));
    assertThat(reference.norm().source()).isEqualTo(Source.CLIENT);
    assertThat(reference.norm().sample().size()).isEqualTo(10);
    assertThat(reference.norm().sample().meanDifference()).isCloseTo(0.09, within(1e-9));
    assertThat(reference.norm().sample().sdDifference()).isCloseTo(0.600832755, within(1e-9));
    assertThat(reference.norm().sample().meanOthers()).isCloseTo(3.66, within(1e-9));
    // No first rounds: reliable change stays the placeholder.
    assertThat(reference.change().source()).isEqualTo(Source.PLACEHOLDER);
  }

  @Test
  void enoughRateesWithoutSpreadGiveNoUsableEstimate() {
    List<double[]> groups = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      groups.add(new double[] {2, 3, 4});
    }
    var reference =
        FeedbackReference.estimate(
            new Sample(List.of(), 0, groups, 12), settings(10), LocalDate.of(2026, 1, 1));
    assertThat(reference.change().source()).isEqualTo(Source.PLACEHOLDER);
    assertThat(reference.change().usable()).isFalse();
    assertThat(reference.change().sampleSize()).isEqualTo(12);
    assertThat(reference.change().reference().sd()).isEqualTo(0.8);
    assertThat(FeedbackReference.basis(Source.PLACEHOLDER, 12, 10, null))
        .startsWith("placeholder (this client's 12 ratees give no usable estimate");
  }

  @Test
  void theMinimumIsNeverBelowTen() {
    assertThatThrownBy(() -> settings(9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 10");
    assertThat(settings(10).referenceMinimumRatees()).isEqualTo(10);
  }

  @Test
  void aRateeCountsAsChangedExactlyWhenTheirPartOfTheSampleChanged() {
    threeRatees();
    Map<UUID, String> before = sample().digests();
    assertThat(before).containsOnlyKeys(id("A"), id("B"), id("C"));
    assertThat(sample().digests()).isEqualTo(before);
    // C gets a third round on F1 (new latest pair); D is new; A's and B's parts stay as they were.
    behaviour("C", "C3", "Luistert", "F1", 5, "c8", 2, "c9", 2, "c10", 3);
    behaviour("D", "D1", "Luistert", "F1", 3, "d1", 3, "d2", 3, "d3", 3);
    Map<UUID, String> after = sample().digests();
    assertThat(after.get(id("A"))).isEqualTo(before.get(id("A")));
    assertThat(after.get(id("B"))).isEqualTo(before.get(id("B")));
    assertThat(after.get(id("C"))).isNotEqualTo(before.get(id("C")));
    assertThat(FeedbackReference.changed(before, after)).isEqualTo(2);
    // A ratee gone from the sample counts as well.
    Map<UUID, String> withoutA = new LinkedHashMap<>(after);
    withoutA.remove(id("A"));
    assertThat(FeedbackReference.changed(before, withoutA)).isEqualTo(3);
    assertThat(FeedbackReference.changed(after, after)).isZero();
  }

  @Test
  void theCutOffIsTheStartOfTheDayInDutchTime() {
    // 23:30 UTC on 31 March 2026 is 1 April 01:30 in Amsterdam (summer time): the day is 1 April.
    var cut = FeedbackReference.cutOff(java.time.OffsetDateTime.parse("2026-03-31T23:30:00Z"));
    assertThat(cut).isEqualTo(java.time.OffsetDateTime.parse("2026-03-31T22:00:00Z"));
    assertThat(FeedbackReference.lastDay(cut)).isEqualTo(LocalDate.of(2026, 3, 31));
  }

  @Test
  void rowsOfARateeMustComeTogether() {
    behaviour("A", "A1", "Luistert", "F1", 4, "a1", 3, "a2", 4, "a3", 5);
    behaviour("B", "B1", "Luistert", "F1", 4, "b1", 3, "b2", 4, "b3", 5);
    behaviour("A", "A2", "Luistert", "F1", 4, "a1", 3, "a2", 4, "a3", 5);
    assertThatThrownBy(this::sample).isInstanceOf(IllegalStateException.class);
  }

  static List<String[]> csv(String file) {
    var in =
        Objects.requireNonNull(
            FeedbackReferenceTest.class.getResourceAsStream("/reference-data/" + file), file);
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
