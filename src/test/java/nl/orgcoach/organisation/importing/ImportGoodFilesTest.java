package nl.orgcoach.organisation.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Map;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.AuditLog;
import nl.orgcoach.access.AuditType;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.organisation.ImportKind;
import nl.orgcoach.organisation.ImportResult;
import nl.orgcoach.organisation.StructureImport;
import nl.orgcoach.support.CsvBuilder;
import nl.orgcoach.support.IntegrationTest;
import nl.orgcoach.support.StructureCounts;
import nl.orgcoach.support.TestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
@AutoConfigureMockMvc
class ImportGoodFilesTest {

  @Autowired StructureImport imports;
  @Autowired AccessAdministration admin;
  @Autowired JdbcClient jdbc;
  @Autowired AuditLog audit;

  ClientScope scope;

  @BeforeEach
  void newClient() {
    scope = TestClients.scope(admin, "Good");
  }

  ImportResult run(ImportKind kind, CsvBuilder csv) {
    return run(kind, csv.bytes());
  }

  ImportResult run(ImportKind kind, byte[] bytes) {
    return imports.importCsv(
        scope, kind, new ByteArrayInputStream(bytes), kind.name().toLowerCase() + ".csv");
  }

  static CsvBuilder units() {
    return CsvBuilder.units()
        .row("U1", "Zorggroep De Linde", "", "directie")
        .row("U2", "Zorg Noord", "U1", "sector")
        .row("U3", "Team Wijkverpleging", "U2", "team");
  }

  @Test
  void importsUnitsAndPeopleWithCommas() {
    assertThat(run(ImportKind.UNITS, units()))
        .isEqualTo(new ImportResult(ImportKind.UNITS, 3, 3, 0, 0));
    ImportResult people =
        run(
            ImportKind.PEOPLE,
            CsvBuilder.people()
                // A report before its manager: the import orders the inserts itself.
                .row("P3", "Mohammed", "El Amrani", "", "verpleegkundige", "U3", "P2")
                .row(
                    "P2", "Eléonore", "van 't Hoff", "e.vanthoff@example.nl", "manager", "U2", "P1")
                .row("P1", "Anna", "de Vries", "anna@example.nl", "bestuurder", "U1", ""));
    assertThat(people).isEqualTo(new ImportResult(ImportKind.PEOPLE, 3, 3, 0, 0));
    assertThat(
            jdbc.sql(
                    """
                    SELECT m.external_id FROM person p JOIN person m ON m.id = p.manager_id
                    WHERE p.client_id = :c AND p.external_id = 'P3'
                    """)
                .param("c", scope.id())
                .query(String.class)
                .single())
        .isEqualTo("P2");
    assertThat(
            jdbc.sql(
                    """
                    SELECT parent.external_id FROM unit u JOIN unit parent ON parent.id = u.parent_id
                    WHERE u.client_id = :c AND u.external_id = 'U3'
                    """)
                .param("c", scope.id())
                .query(String.class)
                .single())
        .isEqualTo("U2");
    assertThat(audit.latest(5, AuditType.IMPORT_SUCCEEDED))
        .anyMatch(e -> e.clientId().equals(scope.id()) && e.detail().contains("PEOPLE"));
  }

  @Test
  void readsSemicolonsBomCrlfAndDutchCharacters() {
    ImportResult units = run(ImportKind.UNITS, units().semicolon().bom().crlf());
    assertThat(units.created()).isEqualTo(3);
    run(
        ImportKind.PEOPLE,
        CsvBuilder.people()
            .semicolon()
            .bom()
            .row("P1", "Eléonore", "van 't Hoff", "e@example.nl", "teamleider; zorg", "U3", ""));
    assertThat(
            jdbc.sql(
                    "SELECT first_name || '|' || last_name || '|' || job_title FROM person WHERE client_id = :c")
                .param("c", scope.id())
                .query(String.class)
                .single())
        .isEqualTo("Eléonore|van 't Hoff|teamleider; zorg");
    assertThat(
            jdbc.sql("SELECT name FROM unit WHERE client_id = :c AND external_id = 'U1'")
                .param("c", scope.id())
                .query(String.class)
                .single())
        .isEqualTo("Zorggroep De Linde");
  }

  @Test
  void acceptsDutchHeadersInAnyOrderAndQuotedLineBreaks() {
    CsvBuilder csv =
        CsvBuilder.of("Naam", "Eenheid_ID", "Bovenliggende_id")
            .row("Top", "A", "")
            .row("Twee\nregels", "B", "A")
            .row("Drie", "C", "B");
    assertThat(run(ImportKind.UNITS, csv).created()).isEqualTo(3);
    assertThat(
            jdbc.sql("SELECT name FROM unit WHERE client_id = :c AND external_id = 'B'")
                .param("c", scope.id())
                .query(String.class)
                .single())
        .isEqualTo("Twee\nregels");
  }

  @Test
  void reimportUpdatesInPlaceWithoutDuplicates() {
    run(ImportKind.UNITS, units());
    run(
        ImportKind.PEOPLE,
        CsvBuilder.people()
            .row("P1", "Anna", "de Vries", "anna@example.nl", "bestuurder", "U1", "")
            .row("P2", "Bram", "Bakker", "", "", "U2", "P1"));
    String idBefore =
        jdbc.sql(
                "SELECT CAST(id AS VARCHAR(36)) FROM person WHERE client_id = :c AND external_id = 'P2'")
            .param("c", scope.id())
            .query(String.class)
            .single();

    ImportResult again =
        run(
            ImportKind.PEOPLE,
            CsvBuilder.people()
                .row("P1", "Anna", "de Vries", "anna@example.nl", "bestuurder", "U1", "")
                .row("P2", "Bram", "Bakker-Jansen", "bram@example.nl", "", "U3", "P1")
                .row("P3", "Cor", "Smit", "", "", "U3", "P2"));

    assertThat(again).isEqualTo(new ImportResult(ImportKind.PEOPLE, 3, 1, 1, 1));
    assertThat(StructureCounts.of(jdbc, scope.id())).containsEntry("person", 3);
    assertThat(
            jdbc.sql(
                    "SELECT CAST(id AS VARCHAR(36)) || ' ' || last_name FROM person WHERE client_id = :c AND external_id = 'P2'")
                .param("c", scope.id())
                .query(String.class)
                .single())
        .isEqualTo(idBefore + " Bakker-Jansen");

    // Rows absent from the file are left alone; optional columns absent from the header too.
    ImportResult partial =
        run(
            ImportKind.PEOPLE,
            CsvBuilder.of("person_id", "first_name", "last_name", "unit_id")
                .row("P3", "Cor", "Smit", "U2"));
    assertThat(partial).isEqualTo(new ImportResult(ImportKind.PEOPLE, 1, 0, 1, 0));
    assertThat(
            jdbc.sql(
                    """
                    SELECT m.external_id FROM person p JOIN person m ON m.id = p.manager_id
                    WHERE p.client_id = :c AND p.external_id = 'P3'
                    """)
                .param("c", scope.id())
                .query(String.class)
                .single())
        .isEqualTo("P2");
    assertThat(StructureCounts.of(jdbc, scope.id()))
        .containsEntry("person", 3)
        .containsEntry("unit", 3);
    assertThat(run(ImportKind.UNITS, units()))
        .isEqualTo(new ImportResult(ImportKind.UNITS, 3, 0, 0, 3));
  }

  @Test
  void importsSettingsAndReplacesTheirMembers() {
    run(ImportKind.UNITS, units());
    run(
        ImportKind.PEOPLE,
        CsvBuilder.people()
            .row("P1", "Anna", "de Vries", "", "", "U1", "")
            .row("P2", "Bram", "Bakker", "", "", "U2", "P1")
            .row("P3", "Cor", "Smit", "", "", "U3", "P2"));
    assertThat(
            run(
                ImportKind.SETTINGS,
                CsvBuilder.settings()
                    .row("S1", "MT Zorg Noord", "MANAGEMENT_TEAM", "U2", "P1|P2")
                    .row("S2", "Ondernemingsraad", "works_council", "", "P3")))
        .isEqualTo(new ImportResult(ImportKind.SETTINGS, 2, 2, 0, 0));
    assertThat(StructureCounts.of(jdbc, scope.id()))
        .containsEntry("setting", 2)
        .containsEntry("setting_member", 3);

    ImportResult again =
        run(
            ImportKind.SETTINGS,
            CsvBuilder.settings()
                .row("S1", "MT Zorg Noord", "MANAGEMENT_TEAM", "U2", "P2 | P3")
                .row("S2", "Ondernemingsraad", "WORKS_COUNCIL", "", "P3"));
    assertThat(again).isEqualTo(new ImportResult(ImportKind.SETTINGS, 2, 0, 1, 1));
    assertThat(
            jdbc.sql(
                    """
                    SELECT p.external_id FROM setting_member m JOIN person p ON p.id = m.person_id
                    JOIN setting s ON s.id = m.setting_id
                    WHERE m.client_id = :c AND s.external_id = 'S1' ORDER BY p.external_id
                    """)
                .param("c", scope.id())
                .query(String.class)
                .list())
        .containsExactly("P2", "P3");
    assertThat(StructureCounts.of(jdbc, scope.id()))
        .containsEntry("setting", 2)
        .containsEntry("setting_member", 3);
  }

  @Test
  void importsInterdependenciesAndUpdatesThePair() {
    run(ImportKind.UNITS, units());
    CsvBuilder first =
        CsvBuilder.interdependencies()
            .row("U3", "U2", "roosters", "2")
            .row("U2", "U3", "mensen", "3");
    assertThat(run(ImportKind.INTERDEPENDENCIES, first))
        .isEqualTo(new ImportResult(ImportKind.INTERDEPENDENCIES, 2, 2, 0, 0));
    CsvBuilder second =
        CsvBuilder.interdependencies()
            .row("U3", "U2", "roosters en budget", "1")
            .row("U2", "U3", "mensen", "3");
    assertThat(run(ImportKind.INTERDEPENDENCIES, second))
        .isEqualTo(new ImportResult(ImportKind.INTERDEPENDENCIES, 2, 0, 1, 1));
    assertThat(StructureCounts.of(jdbc, scope.id())).containsEntry("interdependency", 2);
    Map<String, Object> row =
        jdbc.sql(
                """
                SELECT i.description, i.strength FROM interdependency i JOIN unit f ON f.id = i.from_unit_id
                WHERE i.client_id = :c AND f.external_id = 'U3'
                """)
            .param("c", scope.id())
            .query()
            .singleRow();
    assertThat(row.get("description")).isEqualTo("roosters en budget");
    assertThat(((Number) row.get("strength")).intValue()).isEqualTo(1);
  }

  @Test
  void aHeaderOnlyFileImportsNothing() {
    assertThat(run(ImportKind.UNITS, CsvBuilder.units()))
        .isEqualTo(new ImportResult(ImportKind.UNITS, 0, 0, 0, 0));
  }
}
