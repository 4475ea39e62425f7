package nl.orgcoach.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import nl.orgcoach.organisation.Constellation.Attendee;
import nl.orgcoach.organisation.Constellation.Category;
import nl.orgcoach.organisation.ReportingSnapshot.Line;

/**
 * Chains, reports and constellations on random charts: trees (what the write paths allow), and
 * arbitrary "reports to" relations with loops (what a damaged history could hold).
 */
class ReportingSnapshotProperties {

  static final LocalDate DAY = LocalDate.of(2026, 11, 1);

  static UUID person(int i) {
    return new UUID(0, i);
  }

  /** Person i reports to person choices[i] % i - 1 when that is not negative: always a forest. */
  static ReportingSnapshot tree(List<Integer> choices) {
    var lines = new ArrayList<Line>();
    for (int i = 0; i < choices.size(); i++) {
      int manager = i == 0 ? -1 : choices.get(i) % (i + 1) - 1;
      lines.add(new Line(person(i), new UUID(1, i % 3), manager < 0 ? null : person(manager)));
    }
    return ReportingSnapshot.of(DAY, lines);
  }

  /** Person i reports to targets[i] if that is a person; loops and self-reports included. */
  static ReportingSnapshot anyRelation(List<Integer> targets) {
    var lines = new ArrayList<Line>();
    for (int i = 0; i < targets.size(); i++) {
      int t = targets.get(i);
      lines.add(new Line(person(i), new UUID(1, 0), t < 0 ? null : person(t)));
    }
    return ReportingSnapshot.of(DAY, lines);
  }

  @Property
  void aPersonsSuperiorsAndDirectReportsAreDisjoint(
      @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 1000) Integer> choices,
      @ForAll @IntRange(min = 0, max = 59) int who) {
    ReportingSnapshot chart = tree(choices);
    UUID p = person(who % choices.size());

    List<UUID> above = chart.chainAbove(p);
    Set<UUID> reports = chart.directReportsOf(p);

    assertThat(above).doesNotContain(p).doesNotHaveDuplicates();
    assertThat(reports).allSatisfy(r -> assertThat(above).doesNotContain(r));
    reports.forEach(r -> assertThat(chart.managerOf(r)).contains(p));
    if (!above.isEmpty()) {
      assertThat(chart.managerOf(above.get(above.size() - 1))).isEmpty();
    }
  }

  @Property
  void theChainAboveEndsEvenWhenTheLinesLoop(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = -3, max = 39) Integer> targets) {
    ReportingSnapshot chart = anyRelation(targets);
    for (int i = 0; i < targets.size(); i++) {
      List<UUID> above = chart.chainAbove(person(i));
      assertThat(above).doesNotHaveDuplicates().doesNotContain(person(i));
      assertThat(above.size()).isLessThan(targets.size() + 3);
    }
  }

  @Property
  void theDerivationClassifiesEveryAttendeeExactlyOnce(
      @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 1000) Integer> choices,
      @ForAll @IntRange(min = 0, max = 59) int who,
      @ForAll @Size(max = 20) List<@IntRange(min = 0, max = 70) Integer> present) {
    ReportingSnapshot chart = tree(choices);
    UUID observed = person(who % choices.size());
    // Indices past the chart are people the chart does not know.
    List<UUID> attendees = present.stream().map(ReportingSnapshotProperties::person).toList();

    Constellation c = ConstellationDerivation.derive(observed, attendees, chart);

    Set<UUID> expected = new LinkedHashSet<>(attendees);
    expected.remove(observed);
    assertThat(c.attendees()).extracting(Attendee::personId).containsExactlyElementsOf(expected);
    Set<UUID> seen = new HashSet<>();
    for (Category category : Category.values()) {
      for (UUID a : c.in(category)) {
        assertThat(seen.add(a)).as("%s classified twice", a).isTrue();
      }
    }
    for (Attendee a : c.attendees()) {
      assertThat(a.category()).isEqualTo(a.relation().category());
      boolean above = chart.isAbove(a.personId(), observed);
      assertThat(a.category() == Category.SUPERIORS_PRESENT).isEqualTo(above);
      assertThat(a.category() == Category.DIRECT_REPORTS_PRESENT)
          .isEqualTo(chart.isAbove(observed, a.personId()));
    }
  }
}
