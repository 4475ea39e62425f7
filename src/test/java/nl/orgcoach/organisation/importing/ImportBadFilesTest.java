package nl.orgcoach.organisation.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.AuditLog;
import nl.orgcoach.access.AuditType;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.organisation.ImportKind;
import nl.orgcoach.organisation.StructureImport;
import nl.orgcoach.platform.UserError;
import nl.orgcoach.platform.UserError.Problem;
import nl.orgcoach.support.CsvBuilder;
import nl.orgcoach.support.IntegrationTest;
import nl.orgcoach.support.StructureCounts;
import nl.orgcoach.support.TestClients;
import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every class of bad file: each is refused with line-numbered problems, and nothing is written. The
 * client already has a small structure, so "nothing written" also means "nothing changed".
 */
@IntegrationTest
@AutoConfigureMockMvc
class ImportBadFilesTest {

  @Autowired StructureImport imports;
  @Autowired AccessAdministration admin;
  @Autowired JdbcClient jdbc;
  @Autowired AuditLog audit;

  ClientScope scope;
  Map<String, Integer> before;

  @BeforeEach
  void existingStructure() {
    scope = TestClients.scope(admin, "Bad");
    imports.importCsv(
        scope,
        ImportKind.UNITS,
        CsvBuilder.units()
            .row("U1", "Top", "", "")
            .row("U2", "Zorg", "U1", "")
            .row("U3", "Team", "U2", "")
            .stream(),
        "units.csv");
    imports.importCsv(
        scope,
        ImportKind.PEOPLE,
        CsvBuilder.people()
            .row("P1", "Anna", "de Vries", "", "", "U1", "")
            .row("P2", "Bram", "Bakker", "", "", "U2", "P1")
            .row("P3", "Cor", "Smit", "", "", "U3", "P2")
            .stream(),
        "people.csv");
    before = StructureCounts.of(jdbc, scope.id());
  }

  /** Runs an import that must fail, checks that nothing changed, answers the reported problems. */
  ListAssert<Problem> rejected(ImportKind kind, byte[] bytes) {
    String namesBefore = snapshot();
    UserError error =
        catchThrowableOfType(
            UserError.class,
            () -> imports.importCsv(scope, kind, new ByteArrayInputStream(bytes), "bad.csv"));
    assertThat(error).as("the import should have been refused").isNotNull();
    assertThat(error.messageKey()).isEqualTo("import.failed");
    assertThat(StructureCounts.of(jdbc, scope.id())).isEqualTo(before);
    assertThat(snapshot()).isEqualTo(namesBefore);
    assertThat(audit.latest(3, AuditType.IMPORT_FAILED))
        .anyMatch(e -> scope.id().equals(e.clientId()));
    return assertThat(error.details());
  }

  ListAssert<Problem> rejected(ImportKind kind, CsvBuilder csv) {
    return rejected(kind, csv.bytes());
  }

  private String snapshot() {
    return String.join(
        ",",
        jdbc.sql(
                """
                SELECT p.external_id || ':' || p.last_name || ':' || COALESCE(CAST(p.manager_id AS VARCHAR(36)), '-')
                FROM person p WHERE p.client_id = :c ORDER BY p.external_id
                """)
            .param("c", scope.id())
            .query(String.class)
            .list());
  }

  @Test
  void wrongEncoding() {
    byte[] latin1 =
        CsvBuilder.people()
            .row("P9", "Eléonore", "van 't Hoff", "", "", "U1", "")
            .bytes(StandardCharsets.ISO_8859_1);
    rejected(ImportKind.PEOPLE, latin1)
        .extracting(Problem::line, Problem::messageKey)
        .containsExactly(tuple(2, "import.file.encoding"));
  }

  @Test
  void emptyFile() {
    rejected(ImportKind.UNITS, new byte[0])
        .extracting(Problem::messageKey)
        .containsExactly("import.file.empty");
    rejected(ImportKind.UNITS, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n'})
        .extracting(Problem::messageKey)
        .containsExactly("import.file.empty");
  }

  @Test
  void missingHeader() {
    // Data where the header should be: its cells are no column names.
    byte[] noHeader = "P9,Anna,de Vries,,,U1,\n".getBytes(StandardCharsets.UTF_8);
    rejected(ImportKind.PEOPLE, noHeader)
        .extracting(Problem::line, Problem::messageKey)
        .contains(tuple(1, "import.header.unknown"), tuple(1, "import.header.missing"));
  }

  @Test
  void missingAndUnknownColumns() {
    rejected(
            ImportKind.PEOPLE,
            CsvBuilder.of("person_id", "first_name", "lastname", "unit_id")
                .row("P9", "A", "B", "U1"))
        .extracting(Problem::line, Problem::field, Problem::messageKey)
        .containsExactly(
            tuple(1, "lastname", "import.header.unknown"),
            tuple(1, "last_name", "import.header.missing"));
  }

  @Test
  void duplicateIds() {
    rejected(
            ImportKind.PEOPLE,
            CsvBuilder.people()
                .row("P9", "A", "B", "", "", "U1", "")
                .row("P10", "C", "D", "", "", "U1", "")
                .row("P9", "E", "F", "", "", "U1", ""))
        .extracting(Problem::line, Problem::field, Problem::messageKey, Problem::args)
        .containsExactly(
            tuple(4, "person_id", "import.id.duplicate", java.util.List.of("P9", "2")));
  }

  @Test
  void unknownManager() {
    rejected(
            ImportKind.PEOPLE,
            CsvBuilder.people()
                .row("P9", "A", "B", "", "", "U1", "P1")
                .row("P10", "C", "D", "", "", "U1", "NOBODY"))
        .extracting(Problem::line, Problem::field, Problem::messageKey)
        .containsExactly(tuple(3, "manager_id", "import.person.managerUnknown"));
  }

  @Test
  void reportingCycleWithinTheFile() {
    rejected(
            ImportKind.PEOPLE,
            CsvBuilder.people()
                .row("A", "A", "A", "", "", "U1", "C")
                .row("B", "B", "B", "", "", "U1", "A")
                .row("C", "C", "C", "", "", "U1", "B")
                .row("D", "D", "D", "", "", "U1", "D"))
        .extracting(Problem::line, Problem::field, Problem::messageKey)
        .containsExactly(
            tuple(2, "manager_id", "import.person.cycle"),
            tuple(3, "manager_id", "import.person.cycle"),
            tuple(4, "manager_id", "import.person.cycle"),
            tuple(5, "manager_id", "import.person.ownManager"));
  }

  @Test
  void reportingCycleClosingThroughExistingPeople() {
    // P3 reports to P2, P2 to P1 in the database; making P1 report to P3 closes the loop.
    rejected(
            ImportKind.PEOPLE,
            CsvBuilder.people().row("P1", "Anna", "de Vries", "", "", "U1", "P3"))
        .extracting(Problem::line, Problem::messageKey)
        .containsExactly(tuple(2, "import.person.cycle"));
  }

  @Test
  void unitCycleThroughExistingUnits() {
    rejected(
            ImportKind.UNITS,
            CsvBuilder.units().row("U1", "Top", "U3", "").row("U4", "Self", "U4", ""))
        .extracting(Problem::line, Problem::field, Problem::messageKey)
        .containsExactly(
            tuple(2, "parent_id", "import.unit.cycle"),
            tuple(3, "parent_id", "import.unit.ownParent"));
  }

  @Test
  void unknownUnitsAndParents() {
    rejected(ImportKind.PEOPLE, CsvBuilder.people().row("P9", "A", "B", "", "", "U99", ""))
        .extracting(Problem::line, Problem::field, Problem::messageKey)
        .containsExactly(tuple(2, "unit_id", "import.unit.unknown"));
    rejected(ImportKind.UNITS, CsvBuilder.units().row("U9", "Nieuw", "U99", ""))
        .extracting(Problem::line, Problem::field, Problem::messageKey)
        .containsExactly(tuple(2, "parent_id", "import.unit.parentUnknown"));
  }

  @Test
  void badEmailAndMissingValuesAndTooLong() {
    rejected(
            ImportKind.PEOPLE,
            CsvBuilder.people()
                .row("P9", "A", "B", "not-an-address", "", "U1", "")
                .row("P10", "", "B", "a@b", "", "U1", "")
                .row("P11", "A", "x".repeat(151), "ok@example.nl", "", "U1", ""))
        .extracting(Problem::line, Problem::field, Problem::messageKey)
        .containsExactly(
            tuple(2, "email", "import.email.invalid"),
            tuple(3, "first_name", "import.value.required"),
            tuple(3, "email", "import.email.invalid"),
            tuple(4, "last_name", "import.value.tooLong"));
  }

  @Test
  void formulaCell() {
    rejected(
            ImportKind.PEOPLE,
            CsvBuilder.people()
                .row("P9", "A", "B", "", "", "U1", "")
                .row("P10", "=HYPERLINK(\"http://x\",\"y\")", "B", "", "", "U1", ""))
        .extracting(Problem::line, Problem::field, Problem::messageKey)
        .containsExactly(tuple(3, "first_name", "import.value.formula"));
  }

  @Test
  void tenMegabytesOfRandomGarbage() {
    byte[] garbage = new byte[10 * 1024 * 1024];
    new Random(42).nextBytes(garbage);
    long start = System.nanoTime();
    rejected(ImportKind.PEOPLE, garbage)
        .extracting(Problem::messageKey)
        .containsExactly("import.file.encoding");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void tenMegabytesOfPrintableGarbage() {
    Random random = new Random(7);
    StringBuilder sb = new StringBuilder();
    while (sb.length() < 10 * 1024 * 1024) {
      sb.append((char) (random.nextInt(95) + 32));
      if (random.nextInt(80) == 0) {
        sb.append('\n');
      }
    }
    long start = System.nanoTime();
    rejected(ImportKind.UNITS, sb.toString().getBytes(StandardCharsets.UTF_8))
        .allSatisfy(p -> assertThat(p.line()).isEqualTo(1))
        .hasSizeLessThanOrEqualTo(Problems.REPORTED + 1);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void manyBadRowsAreCappedInTheReport() {
    CsvBuilder csv = CsvBuilder.people();
    for (int i = 0; i < 500; i++) {
      csv.row("X" + i, "A", "B", "bad", "", "U1", "");
    }
    rejected(ImportKind.PEOPLE, csv)
        .hasSize(Problems.REPORTED + 1)
        .last()
        .satisfies(
            p -> {
              assertThat(p.messageKey()).isEqualTo("import.problems.more");
              assertThat(p.args()).containsExactly("300");
            });
  }

  @Test
  void brokenQuoting() {
    byte[] csv =
        "unit_id,name,parent_id,kind\nU9,\"never closed,,\nU10,x,,\n"
            .getBytes(StandardCharsets.UTF_8);
    rejected(ImportKind.UNITS, csv)
        .extracting(Problem::messageKey)
        .containsExactly("import.file.malformed");
  }

  @Test
  void tooManyFields() {
    byte[] csv = "unit_id,name\nU9,Negen,extra\n".getBytes(StandardCharsets.UTF_8);
    rejected(ImportKind.UNITS, csv)
        .extracting(Problem::line, Problem::messageKey)
        .containsExactly(tuple(2, "import.row.tooManyFields"));
  }

  @Test
  void badSettings() {
    rejected(
            ImportKind.SETTINGS,
            CsvBuilder.settings()
                .row("S1", "MT", "BOARD_GAME", "U1", "P1")
                .row("S2", "Overleg", "TEAM_MEETING", "U99", "P1|NOBODY")
                .row("S1", "Dubbel", "OTHER", "", ""))
        .extracting(Problem::line, Problem::field, Problem::messageKey)
        .containsExactly(
            tuple(2, "kind", "import.setting.kind"),
            tuple(3, "unit_id", "import.unit.unknown"),
            tuple(3, "members", "import.member.unknown"),
            tuple(4, "setting_id", "import.id.duplicate"));
  }

  @Test
  void badInterdependencies() {
    rejected(
            ImportKind.INTERDEPENDENCIES,
            CsvBuilder.interdependencies()
                .row("U1", "U2", "budget", "4")
                .row("U2", "U2", "zichzelf", "1")
                .row("U1", "U99", "onbekend", "2")
                .row("U2", "U3", "mensen", "-1")
                .row("U3", "U1", "ok", "1")
                .row("U3", "U1", "nog eens", "2"))
        .extracting(Problem::line, Problem::field, Problem::messageKey)
        .containsExactly(
            tuple(2, "strength", "import.strength.invalid"),
            tuple(3, "to_unit_id", "import.interdependency.self"),
            tuple(4, "to_unit_id", "import.unit.unknown"),
            tuple(5, "strength", "import.strength.invalid"),
            tuple(7, "to_unit_id", "import.interdependency.duplicate"));
  }

  @Test
  void badRowsAmongGoodOnesWriteNothingAtAll() {
    CsvBuilder csv = CsvBuilder.people();
    for (int i = 0; i < 2500; i++) {
      csv.row("N" + i, "Nieuw", "Mens", "", "", "U1", i == 0 ? "" : "N" + (i - 1));
    }
    csv.row("P1", "Anna", "Veranderd", "", "", "U2", "");
    csv.row("N2500", "Laatste", "Fout", "", "", "U404", "");
    rejected(ImportKind.PEOPLE, csv)
        .extracting(Problem::line, Problem::messageKey)
        .containsExactly(tuple(2503, "import.unit.unknown"));
  }
}
