package nl.orgcoach.organisation.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.organisation.Constellation;
import nl.orgcoach.organisation.Constellation.Category;
import nl.orgcoach.organisation.ImportKind;
import nl.orgcoach.organisation.PersonLookup;
import nl.orgcoach.organisation.ReportingLines;
import nl.orgcoach.organisation.StructureImport;
import nl.orgcoach.organisation.UnitLookup;
import nl.orgcoach.platform.UserError;
import nl.orgcoach.support.CsvBuilder;
import nl.orgcoach.support.IntegrationTest;
import nl.orgcoach.support.TestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** person_history as the imports write it, and the reporting lines read back as on a date. */
@IntegrationTest
class PersonHistoryTest {

  @Autowired StructureImport imports;
  @Autowired AccessAdministration admin;
  @Autowired PersonHistory history;
  @Autowired ReportingLines reportingLines;
  @Autowired PersonLookup people;
  @Autowired JdbcClient jdbc;
  @Autowired UnitLookup units;

  ClientScope scope;
  LocalDate today = LocalDate.now(PersonHistory.ZONE);

  record Period(
      String person, String unit, String manager, LocalDate validFrom, LocalDate validTo) {}

  @BeforeEach
  void careGroup() {
    scope = TestClients.scope(admin, "Historie");
    run(
        ImportKind.UNITS,
        CsvBuilder.units()
            .row("RVB", "Raad van bestuur", "", "directie")
            .row("T1", "Team Wijk 1", "RVB", "team")
            .row("T2", "Team Wijk 2", "RVB", "team"));
    run(ImportKind.PEOPLE, chart("T1"));
  }

  /** Anna at the top, Bram leads team 1, Cor leads team 2; Dewi is in {@code dewisTeam}. */
  static CsvBuilder chart(String dewisTeam) {
    String dewisManager = dewisTeam.equals("T1") ? "P2" : "P3";
    return CsvBuilder.people()
        .row("P1", "Anna", "de Vries", "", "bestuurder", "RVB", "")
        .row("P2", "Bram", "Jansen", "", "teamleider", "T1", "P1")
        .row("P3", "Cor", "Bakker", "", "teamleider", "T2", "P1")
        .row("P4", "Dewi", "Pinas", "", "verpleegkundige", dewisTeam, dewisManager)
        .row("P5", "Eva", "Smit", "", "verpleegkundige", "T1", "P2")
        .row("P6", "Fenna", "Kok", "", "verpleegkundige", "T2", "P3");
  }

  void run(ImportKind kind, CsvBuilder csv) {
    imports.importCsv(scope, kind, new ByteArrayInputStream(csv.bytes()), "x.csv");
  }

  UUID id(String externalId) {
    return people.idOfExternal(scope, externalId).orElseThrow();
  }

  List<Period> periods() {
    return jdbc.sql(
            """
            SELECT p.external_id AS person, u.external_id AS unit, m.external_id AS manager, h.valid_from, h.valid_to
            FROM person_history h JOIN person p ON p.id = h.person_id JOIN unit u ON u.id = h.unit_id
            LEFT JOIN person m ON m.id = h.manager_person_id
            WHERE h.client_id = :client ORDER BY p.external_id, h.valid_from
            """)
        .param("client", scope.id())
        .query(Period.class)
        .list();
  }

  @Test
  void anImportGivesEveryNewPersonAFirstPeriodSinceAlways() {
    assertThat(periods())
        .containsExactly(
            new Period("P1", "RVB", null, PersonHistory.SINCE_ALWAYS, null),
            new Period("P2", "T1", "P1", PersonHistory.SINCE_ALWAYS, null),
            new Period("P3", "T2", "P1", PersonHistory.SINCE_ALWAYS, null),
            new Period("P4", "T1", "P2", PersonHistory.SINCE_ALWAYS, null),
            new Period("P5", "T1", "P2", PersonHistory.SINCE_ALWAYS, null),
            new Period("P6", "T2", "P3", PersonHistory.SINCE_ALWAYS, null));
  }

  @Test
  void anImportThatMovesSomeoneClosesTheirPeriodAndOpensOneFromToday() {
    run(ImportKind.PEOPLE, chart("T2"));
    run(ImportKind.PEOPLE, chart("T2"));

    assertThat(periods())
        .filteredOn(p -> p.person().equals("P4"))
        .containsExactly(
            new Period("P4", "T1", "P2", PersonHistory.SINCE_ALWAYS, today),
            new Period("P4", "T2", "P3", today, null));
    assertThat(periods()).hasSize(7);
    assertThat(reportingLines.asOn(scope, today.minusDays(1)).unitOf(id("P4")))
        .contains(unit("T1"));
    assertThat(reportingLines.asOn(scope, today).unitOf(id("P4"))).contains(unit("T2"));
  }

  @Test
  void aBadImportLeavesTheHistoryAsItWas() {
    var before = periods();
    assertThatThrownBy(
            () ->
                run(
                    ImportKind.PEOPLE,
                    chart("T2").row("P7", "Gijs", "Vos", "", "", "T2", "NIEMAND")))
        .isInstanceOf(UserError.class);
    assertThat(periods()).isEqualTo(before);
  }

  @Test
  void changesOnDifferentDaysMakePeriodsAndASecondChangeOnOneDayReplacesTheFirst() {
    LocalDate firstMove = LocalDate.of(2026, 3, 1);
    LocalDate secondMove = LocalDate.of(2026, 6, 1);
    move("P4", "T2", "P3", firstMove);
    move("P4", "RVB", "P1", secondMove);
    move("P4", "T1", "P2", secondMove);

    assertThat(periods())
        .filteredOn(p -> p.person().equals("P4"))
        .containsExactly(
            new Period("P4", "T1", "P2", PersonHistory.SINCE_ALWAYS, firstMove),
            new Period("P4", "T2", "P3", firstMove, secondMove),
            new Period("P4", "T1", "P2", secondMove, null));
    assertThat(reportingLines.asOn(scope, firstMove.minusDays(1)).managerOf(id("P4")))
        .contains(id("P2"));
    assertThat(reportingLines.asOn(scope, firstMove).managerOf(id("P4"))).contains(id("P3"));
    assertThat(reportingLines.asOn(scope, secondMove.minusDays(1)).managerOf(id("P4")))
        .contains(id("P3"));
    assertThat(reportingLines.asOn(scope, secondMove).managerOf(id("P4"))).contains(id("P2"));
  }

  @Test
  void everyMoveAndNoUnchangedImportChangesThePeopleVersion() {
    ClientScope other = TestClients.scope(admin, "Ander");
    long start = units.peopleVersion(scope);
    run(ImportKind.PEOPLE, chart("T1"));
    assertThat(units.peopleVersion(scope)).as("nothing changed").isEqualTo(start);
    run(ImportKind.PEOPLE, chart("T2"));
    long moved = units.peopleVersion(scope);
    assertThat(moved).isGreaterThan(start);
    // A second change on the same day replaces the first period instead of closing it: still a
    // change.
    run(ImportKind.PEOPLE, chart("T1"));
    assertThat(units.peopleVersion(scope)).isGreaterThan(moved);
    move("P5", "T2", "P3", today);
    assertThat(units.peopleVersion(scope)).isGreaterThan(moved + 1);
    assertThat(units.peopleVersion(other)).isZero();
  }

  @Test
  void aPersonWhoChangedUnitLastMonthIsObservedBeforeTheMoveInTheOldChart() {
    LocalDate moved = today.minusMonths(1);
    move("P4", "T2", "P3", moved);
    List<UUID> attendees = List.of(id("P2"), id("P3"), id("P5"), id("P6"), id("P1"));

    Constellation before =
        reportingLines.constellation(scope, moved.minusDays(10), id("P4"), attendees);
    Constellation after =
        reportingLines.constellation(scope, moved.plusDays(10), id("P4"), attendees);

    assertThat(before.personUnitId()).isEqualTo(unit("T1"));
    assertThat(before.in(Category.SUPERIORS_PRESENT)).containsExactly(id("P2"), id("P1"));
    assertThat(before.in(Category.PEERS_PRESENT)).containsExactly(id("P5"));
    assertThat(before.in(Category.OUTSIDERS_PRESENT)).containsExactly(id("P3"), id("P6"));
    assertThat(after.personUnitId()).isEqualTo(unit("T2"));
    assertThat(after.in(Category.SUPERIORS_PRESENT)).containsExactly(id("P3"), id("P1"));
    assertThat(after.in(Category.PEERS_PRESENT)).containsExactly(id("P6"));
    assertThat(after.in(Category.OUTSIDERS_PRESENT)).containsExactly(id("P2"), id("P5"));
  }

  @Test
  void aSnapshotAroundAFewPeopleHoldsTheirChainsAndReportsAndNoOneOfAnotherClient() {
    ClientScope other = TestClients.scope(admin, "Ander");
    var snapshot = reportingLines.asOn(scope, today, List.of(id("P2"), id("P6")));

    assertThat(snapshot.chainAbove(id("P6"))).containsExactly(id("P3"), id("P1"));
    assertThat(snapshot.directReportsOf(id("P2"))).containsExactlyInAnyOrder(id("P4"), id("P5"));
    assertThat(snapshot.directReportsOf(id("P6"))).isEmpty();
    assertThat(snapshot.lines()).hasSize(6);
    assertThat(reportingLines.asOn(other, today, List.of(id("P2"))).knows(id("P2"))).isFalse();
    assertThat(reportingLines.asOn(other, today).lines()).isEmpty();
    assertThat(
            reportingLines
                .constellation(other, today, id("P4"), List.of(id("P2")))
                .relationOf(id("P2")))
        .contains(Constellation.Relation.NOT_OF_CLIENT);
  }

  /** What a write path does: change the person, then record it, as of {@code on}. */
  void move(String person, String unit, String manager, LocalDate on) {
    jdbc.sql("UPDATE person SET unit_id = :unit, manager_id = :manager WHERE id = :id")
        .param("unit", unit(unit))
        .param("manager", id(manager))
        .param("id", id(person))
        .update();
    history.record(scope.id(), List.of(id(person)), on);
  }

  UUID unit(String externalId) {
    return jdbc.sql("SELECT id FROM unit WHERE client_id = :client AND external_id = :ext")
        .param("client", scope.id())
        .param("ext", externalId)
        .query(UUID.class)
        .single();
  }
}
