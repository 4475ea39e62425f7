package nl.orgcoach.organisation;

import static nl.orgcoach.organisation.Constellation.Category.DIRECT_REPORTS_PRESENT;
import static nl.orgcoach.organisation.Constellation.Category.OUTSIDERS_PRESENT;
import static nl.orgcoach.organisation.Constellation.Category.PEERS_PRESENT;
import static nl.orgcoach.organisation.Constellation.Category.SUPERIORS_PRESENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.orgcoach.organisation.Constellation.Relation;
import nl.orgcoach.organisation.ReportingSnapshot.Line;
import org.junit.jupiter.api.Test;

/** The tricky org charts of issue 4, derived without a database. */
class ConstellationDerivationTest {

  static final LocalDate DAY = LocalDate.of(2026, 10, 14);

  /** A chart written as "person in unit reports to manager", with readable names for ids. */
  static final class Chart {
    private final Map<String, UUID> ids = new HashMap<>();
    private final List<Line> lines = new ArrayList<>();

    Chart person(String name, String unit, String manager) {
      lines.add(new Line(id(name), id("unit " + unit), manager == null ? null : id(manager)));
      return this;
    }

    UUID id(String name) {
      return ids.computeIfAbsent(name, n -> UUID.nameUUIDFromBytes(n.getBytes()));
    }

    List<UUID> ids(String... names) {
      return java.util.Arrays.stream(names).map(this::id).toList();
    }

    ReportingSnapshot on(LocalDate date) {
      return ReportingSnapshot.of(date, lines);
    }

    Constellation derive(String observed, String... attendees) {
      return ConstellationDerivation.derive(id(observed), ids(attendees), on(DAY));
    }
  }

  /** Board member above a director above a manager above Petra, who leads two team members. */
  static Chart careGroup() {
    return new Chart()
        .person("Bestuurder", "RvB", null)
        .person("Directeur", "Zorg", "Bestuurder")
        .person("Manager", "Wijk", "Directeur")
        .person("Petra", "Team 1", "Manager")
        .person("Quinten", "Team 2", "Manager")
        .person("Tim", "Team 1", "Petra")
        .person("Tara", "Team 1", "Petra")
        .person("Ties", "Team 1", "Tim")
        .person("Collega", "Team 3", "Manager2")
        .person("Manager2", "Revalidatie", "Directeur");
  }

  @Test
  void aSkipLevelManagerPresentIsASuperiorEvenWithoutTheManagerInBetween() {
    Chart chart = careGroup();

    Constellation c = chart.derive("Petra", "Directeur", "Tim");

    assertThat(c.present()).containsExactlyInAnyOrder(SUPERIORS_PRESENT, DIRECT_REPORTS_PRESENT);
    assertThat(c.in(SUPERIORS_PRESENT)).containsExactly(chart.id("Directeur"));
    assertThat(c.relationOf(chart.id("Directeur"))).contains(Relation.HIGHER_MANAGER);
    assertThat(chart.derive("Petra", "Manager", "Bestuurder").attendees())
        .extracting(Constellation.Attendee::relation)
        .containsExactly(Relation.MANAGER, Relation.HIGHER_MANAGER);
  }

  @Test
  void aPersonWhoseManagerIsAbsentStillHasPeersSuperiorsAndReportsThroughThatManager() {
    Chart chart = careGroup();

    // Manager is not there; Quinten shares her, the director is above her, Ties reports to Tim.
    Constellation c = chart.derive("Petra", "Quinten", "Directeur", "Ties");

    assertThat(c.in(PEERS_PRESENT)).containsExactly(chart.id("Quinten"));
    assertThat(c.in(SUPERIORS_PRESENT)).containsExactly(chart.id("Directeur"));
    assertThat(c.in(DIRECT_REPORTS_PRESENT)).containsExactly(chart.id("Ties"));
    assertThat(c.relationOf(chart.id("Ties"))).contains(Relation.INDIRECT_REPORT);
  }

  @Test
  void aPersonWithoutAManagerInTheChartHasNoPeers() {
    Chart chart =
        new Chart()
            .person("Interim", "Project", null)
            .person("Zzp'er", "Project", null)
            .person("Medewerker", "Project", "Interim");

    Constellation c = chart.derive("Interim", "Zzp'er", "Medewerker");

    assertThat(c.relationOf(chart.id("Zzp'er"))).contains(Relation.NO_REPORTING_LINE);
    assertThat(c.in(DIRECT_REPORTS_PRESENT)).containsExactly(chart.id("Medewerker"));
    assertThat(c.present()).doesNotContain(PEERS_PRESENT, SUPERIORS_PRESENT);
  }

  @Test
  void aPeerFromAnotherUnitIsAPeerButTheSameLevelElsewhereIsAnOutsider() {
    Chart chart = careGroup();

    // Quinten leads Team 2 under the same manager; Collega is at Petra's level under another one.
    Constellation c = chart.derive("Petra", "Quinten", "Collega");

    assertThat(c.in(PEERS_PRESENT)).containsExactly(chart.id("Quinten"));
    assertThat(c.attendees().get(0).unitId()).isNotEqualTo(c.personUnitId());
    assertThat(c.in(OUTSIDERS_PRESENT)).containsExactly(chart.id("Collega"));
    assertThat(c.relationOf(chart.id("Collega"))).contains(Relation.NO_REPORTING_LINE);
  }

  @Test
  void aPersonWhoChangedUnitLastMonthIsSeenInTheChartOfTheObservationsDate() {
    LocalDate beforeTheMove = LocalDate.of(2026, 9, 20);
    LocalDate afterTheMove = LocalDate.of(2026, 10, 20);
    Chart before =
        new Chart()
            .person("Oude manager", "Oud", null)
            .person("Nieuwe manager", "Nieuw", null)
            .person("Verhuisd", "Oud", "Oude manager")
            .person("Oud teamlid", "Oud", "Oude manager")
            .person("Nieuw teamlid", "Nieuw", "Nieuwe manager");
    Chart after =
        new Chart()
            .person("Oude manager", "Oud", null)
            .person("Nieuwe manager", "Nieuw", null)
            .person("Verhuisd", "Nieuw", "Nieuwe manager")
            .person("Oud teamlid", "Oud", "Oude manager")
            .person("Nieuw teamlid", "Nieuw", "Nieuwe manager");
    List<UUID> present =
        before.ids("Oude manager", "Nieuwe manager", "Oud teamlid", "Nieuw teamlid");

    Constellation then =
        ConstellationDerivation.derive(before.id("Verhuisd"), present, before.on(beforeTheMove));
    Constellation now =
        ConstellationDerivation.derive(after.id("Verhuisd"), present, after.on(afterTheMove));

    assertThat(then.date()).isEqualTo(beforeTheMove);
    assertThat(then.personUnitId()).isEqualTo(before.id("unit Oud"));
    assertThat(then.in(SUPERIORS_PRESENT)).containsExactly(before.id("Oude manager"));
    assertThat(then.in(PEERS_PRESENT)).containsExactly(before.id("Oud teamlid"));
    assertThat(then.in(OUTSIDERS_PRESENT))
        .containsExactly(before.id("Nieuwe manager"), before.id("Nieuw teamlid"));
    assertThat(now.in(SUPERIORS_PRESENT)).containsExactly(after.id("Nieuwe manager"));
    assertThat(now.in(PEERS_PRESENT)).containsExactly(after.id("Nieuw teamlid"));
  }

  @Test
  void someoneUnknownOnTheDateIsAnOutsiderAndTheObservedPersonAndDuplicatesAreLeftOut() {
    Chart chart = careGroup();
    UUID guest = UUID.randomUUID();

    Constellation c =
        ConstellationDerivation.derive(
            chart.id("Petra"),
            List.of(guest, chart.id("Petra"), chart.id("Tim"), chart.id("Tim")),
            chart.on(DAY));

    assertThat(c.attendees())
        .extracting(Constellation.Attendee::personId)
        .containsExactly(guest, chart.id("Tim"));
    assertThat(c.relationOf(guest)).contains(Relation.NOT_OF_CLIENT);
    assertThat(c.attendees().get(0).unitId()).isNull();
    assertThat(c.attendees().get(0).category()).isEqualTo(OUTSIDERS_PRESENT);
  }

  @Test
  void aSnapshotAroundSomePeopleRefusesToGuessTheReportsOfOthers() {
    Chart chart = careGroup();
    ReportingSnapshot around =
        ReportingSnapshot.around(DAY, chart.on(DAY).lines(), Set.of(chart.id("Petra")));

    assertThat(around.directReportsOf(chart.id("Petra")))
        .containsExactlyInAnyOrder(chart.id("Tim"), chart.id("Tara"));
    assertThatThrownBy(() -> around.directReportsOf(chart.id("Manager")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
