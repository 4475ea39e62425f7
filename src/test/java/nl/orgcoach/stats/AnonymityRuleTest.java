package nl.orgcoach.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.orgcoach.stats.AnonymityRule.Group;
import nl.orgcoach.stats.AnonymityRule.Outcome;
import nl.orgcoach.stats.AnonymityRule.Reason;
import org.junit.jupiter.api.Test;

class AnonymityRuleTest {

  static Group<Long> group(String label, int fromInclusive, int toExclusive) {
    return new Group<>(
        label,
        IntStream.range(fromInclusive, toExclusive)
            .mapToObj(i -> (long) i)
            .collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
  }

  @Test
  void theThresholdIsNeverBelowThree() {
    assertThatThrownBy(() -> new AnonymityRule(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never below 3");
    assertThatThrownBy(() -> new AnonymityRule(0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new AnonymityRule(5).threshold()).isEqualTo(5);
    assertThat(AnonymityRule.minimum().threshold()).isEqualTo(3);
  }

  @Test
  void denningsNewcomerIsNotRevealed() {
    // Twelve answers, mean 3.75; the eleven with tenure > 1 year have mean 3.90909091.
    double[] answers = {4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3, 2};
    double all = java.util.Arrays.stream(answers).sum() / 12;
    double tenured = java.util.Arrays.stream(answers, 0, 11).sum() / 11;
    assertThat(all).isEqualTo(3.75);
    assertThat(tenured).isCloseTo(3.90909091, within(1e-8));
    assertThat(12 * all - 11 * tenured).isCloseTo(2.0, within(1e-9)); // the attack works

    var decision =
        AnonymityRule.minimum()
            .decide(List.of(group("tenure > 1 year", 0, 11)), List.of(group("all", 0, 12)));

    var verdict = decision.verdicts().get(0);
    assertThat(verdict.outcome()).isEqualTo(Outcome.HIDDEN);
    assertThat(verdict.reason()).isEqualTo(Reason.SMALL_DIFFERENCE);
    assertThat(verdict.conflictsWith()).contains("all");
    assertThat(verdict.exposed()).isEqualTo(1);
    assertThat(decision.shown()).isEmpty();
  }

  @Test
  void theSameDefenceWhenBothGroupsAreCandidates() {
    var decision =
        AnonymityRule.minimum()
            .decide(List.of(group("tenure > 1 year", 0, 11), group("all", 0, 12)), List.of());

    // Larger first: "all" is shown, the slice that would expose one person is not.
    assertThat(decision.shown()).extracting(Group::label).containsExactly("all");
    assertThat(decision.verdicts().get(0).reason()).isEqualTo(Reason.SMALL_DIFFERENCE);
  }

  @Test
  void smallGroupsAreHiddenAndMergedIntoOthersWhenThatIsSafe() {
    var unit = group("unit", 0, 12);
    var a = group("team A", 0, 6);
    var b = group("team B", 6, 11);
    var c = group("team C", 11, 12);

    var decision = AnonymityRule.minimum().decide(List.of(a, b, c), List.of(unit), "overig");

    // A is shown; B would reveal C as unit − A − B; C is below the threshold.
    assertThat(decision.verdicts())
        .extracting(AnonymityRule.Verdict::outcome)
        .containsExactly(Outcome.SHOWN, Outcome.MERGED_INTO_OTHERS, Outcome.MERGED_INTO_OTHERS);
    assertThat(decision.verdicts().get(1).reason()).isEqualTo(Reason.REVEALS_SMALL_SET);
    assertThat(decision.verdicts().get(1).exposed()).isEqualTo(1);
    assertThat(decision.verdicts().get(2).reason()).isEqualTo(Reason.BELOW_THRESHOLD);
    assertThat(decision.others())
        .hasValueSatisfying(o -> assertThat(o.label()).isEqualTo("overig"));
    assertThat(decision.others().get().respondents()).hasSize(6);
  }

  @Test
  void siblingsAreSuppressedWhenTheRestWouldBeDerivable() {
    // Without the unit visible, the three teams are disjoint and nothing can be derived.
    var a = group("team A", 0, 6);
    var b = group("team B", 6, 11);
    var c = group("team C", 11, 14);
    assertThat(AnonymityRule.minimum().decide(List.of(a, b, c), List.of()).shown()).hasSize(3);

    // With the unit (incl. its manager, id 14) visible, showing all three teams reveals the
    // manager.
    var decision = AnonymityRule.minimum().decide(List.of(a, b, c), List.of(group("unit", 0, 15)));
    assertThat(decision.shown()).extracting(Group::label).containsExactly("team A", "team B");
    assertThat(decision.verdicts().get(2).reason()).isEqualTo(Reason.REVEALS_SMALL_SET);
    assertThat(decision.others()).isEmpty();
    assertThat(decision.verdicts().get(2).outcome()).isEqualTo(Outcome.HIDDEN);
  }

  @Test
  void aFilterCrossingTheHierarchyCannotIsolateAFewPeople() {
    // Two units of 6; a filter "women" of 3 in each unit. Unit totals, the filter organisation-wide
    // and within unit 1 are shown; "women in unit 2" would then follow anyway, and "men in unit 2"
    // = unit 2 − women in unit 2: all sets of at least 3, so everything is safe.
    var unit1 = group("unit 1", 0, 6);
    var unit2 = group("unit 2", 6, 12);
    var women = new Group<>("women", Set.of(0L, 1L, 2L, 6L, 7L, 8L));
    var decision =
        AnonymityRule.minimum()
            .decide(List.of(women, group("women in unit 1", 0, 3)), List.of(unit1, unit2));
    assertThat(decision.shown()).hasSize(2);

    // A second filter, crossing both: "over 50" = 3, 4 of unit 1 and 6, 7, 8 of unit 2. No pair
    // is nested, yet (over 50) − (women − women in unit 1) isolates 3 and 4, and then unit 1 minus
    // the women in it minus 3 and 4 isolates 5.
    var over50 = new Group<>("over 50", Set.of(3L, 4L, 6L, 7L, 8L));
    var exposing =
        AnonymityRule.minimum()
            .decide(List.of(over50), List.of(unit1, unit2, women, group("women in unit 1", 0, 3)));
    assertThat(exposing.verdicts().get(0).reason()).isEqualTo(Reason.REVEALS_SMALL_SET);
    assertThat(exposing.verdicts().get(0).exposed()).isEqualTo(1);
  }

  @Test
  void identicalGroupsMayBothBeShown() {
    var decision =
        AnonymityRule.minimum()
            .decide(List.of(group("team", 0, 5)), List.of(group("same team, other label", 0, 5)));
    assertThat(decision.shown()).hasSize(1);
  }

  @Test
  void aHigherThresholdSuppressesMore() {
    var candidates = List.of(group("team A", 0, 4), group("team B", 4, 12));
    assertThat(AnonymityRule.minimum().decide(candidates, List.of()).shown()).hasSize(2);
    var strict = new AnonymityRule(5).decide(candidates, List.of());
    assertThat(strict.shown()).extracting(Group::label).containsExactly("team B");
    assertThat(strict.verdicts().get(0).reason()).isEqualTo(Reason.BELOW_THRESHOLD);
  }

  @Test
  void leaksAmongTheGroupsAlreadyVisibleAreReportedNotBlamedOnTheCandidates() {
    var decision =
        AnonymityRule.minimum()
            .decide(
                List.of(group("team B", 20, 26)),
                List.of(group("all", 0, 10), group("most", 0, 9)));

    assertThat(decision.priorExposures()).containsExactly(Set.of(9L));
    assertThat(decision.shown()).hasSize(1);
  }

  @Test
  void aManagerRatingShownOnPurposeCountsAsVisible() {
    var manager = new Group<>("manager (not anonymous)", Set.of("m-1"));
    var decision =
        AnonymityRule.minimum()
            .decide(
                List.of(
                    new Group<>("manager and two peers", Set.of("m-1", "p-1", "p-2")),
                    new Group<>("manager and three peers", Set.of("m-1", "p-1", "p-2", "p-3"))),
                List.of(manager));

    assertThat(decision.priorExposures()).containsExactly(Set.of("m-1"));
    assertThat(decision.shown())
        .extracting(Group::label)
        .containsExactly("manager and three peers");
    assertThat(decision.verdicts().get(0).reason()).isEqualTo(Reason.SMALL_DIFFERENCE);
  }

  @Test
  void respondentIdsAreOpaque() {
    var decision =
        AnonymityRule.minimum()
            .decide(
                List.of(new Group<>("peers", Set.of("p-17", "p-4", "p-99"))),
                List.of(new Group<>("peers and manager", Set.of("p-17", "p-4", "p-99", "m-1"))));
    assertThat(decision.verdicts().get(0).reason()).isEqualTo(Reason.SMALL_DIFFERENCE);
  }

  @Test
  void unanimousAnswersRevealEveryAnswer() {
    assertThat(AnonymityRule.revealsEveryAnswer(List.of(4, 4, 4, 4))).isTrue();
    assertThat(AnonymityRule.revealsEveryAnswer(List.of(4, 4, 3, 4))).isFalse();
    assertThat(AnonymityRule.revealsEveryAnswer(List.of())).isFalse();
  }

  @Test
  void theExactSearchGivesUpRatherThanGuessing() {
    var family =
        List.<Set<Integer>>of(Set.of(1, 2, 3, 4), Set.of(1, 2, 3), Set.of(5, 6), Set.of(5));
    assertThat(DerivableSets.of(family, 3, 1).small()).isNull();

    var analysis = DerivableSets.of(family, 3, 1_000);
    // Every small derivable set is a disjoint union of the sets found.
    assertThat(analysis.small()).containsExactlyInAnyOrder(Set.of(4), Set.of(5), Set.of(6));
    assertThat(analysis.derivable(Set.of(4, 6))).isTrue();
    assertThat(analysis.derivable(Set.of(1, 2, 3))).isTrue();
    assertThat(analysis.derivable(Set.of(1, 2))).isFalse();
    assertThat(analysis.derivable(Set.of(7))).isFalse();
  }
}
