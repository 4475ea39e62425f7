package nl.orgcoach.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.orgcoach.OrgCoachApplication;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.demo.OrganisationGenerator;
import nl.orgcoach.demo.OrganisationSpec;
import nl.orgcoach.organisation.ImportKind;
import nl.orgcoach.organisation.ReportingLines;
import nl.orgcoach.organisation.StructureImport;
import nl.orgcoach.organisation.history.PersonHistory;
import nl.orgcoach.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What keeping reporting-line history (V1_7, issue 4) costs the people import, and what reading it
 * costs an observation. For a 10,000-person client on PostgreSQL and on an H2 file, and the
 * 100,000-person benchmark client on PostgreSQL: the people import (all new), the history part of
 * it alone (all rows removed, then written again the way the import writes them), the history step
 * on an unchanged client (what every later import pays), the history step after 5% of people moved,
 * and the constellation of an observation with 20 attendees (median of 50) and a whole-client
 * snapshot. Results in target/benchmarks/person-history.md; docs/benchmarks.md records them.
 *
 * <pre>mvn -o -q -B test -Dtest=PersonHistoryBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class PersonHistoryBenchmark {

  static final OrganisationSpec TEN_THOUSAND =
      new OrganisationSpec(
          "Zorggroep Tienduizend",
          "tienduizend.nl",
          OrganisationSpec.Sector.CARE,
          10_000,
          500,
          5,
          null,
          7L);

  @Test
  void measures() throws Exception {
    var report = new StringBuilder("# Reporting-line history: cost\n\n");
    report.append(
        "| database | people | people import (all new) | of which history | same file again"
            + " | history of 5% moved | constellation, 20 attendees (median of 50) | whole-client snapshot |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (OrganisationSpec spec : List.of(TEN_THOUSAND, OrganisationSpec.benchmark())) {
      Path dir = Files.createTempDirectory("orgcoach-history-bench");
      Map<ImportKind, Path> files = OrganisationGenerator.of(spec).writeTo(dir);
      try (BenchApp.Database db = BenchApp.Database.dropped()) {
        report.append(run("PostgreSQL", spec, files, db.url(), TestDatabase.PG_USER, dir));
      }
      if (spec == TEN_THOUSAND) {
        report.append(
            run("H2 (file)", spec, files, BenchApp.h2File(dir.resolve("h2/orgcoach")), "sa", dir));
      }
      org.springframework.util.FileSystemUtils.deleteRecursively(dir);
    }
    BenchApp.write("person-history.md", report.toString());
  }

  String run(
      String database,
      OrganisationSpec spec,
      Map<ImportKind, Path> files,
      String url,
      String user,
      Path dir)
      throws Exception {
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(OrgCoachApplication.class)
            .run(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=",
                "--server.port=0",
                "--orgcoach.demo.enabled=false",
                "--orgcoach.admin.email=bench@orgcoach.demo",
                "--orgcoach.admin.password=bench-password-2026",
                "--orgcoach.data-dir=" + dir.resolve("data-" + database.replaceAll("\\W", "")),
                "--logging.level.root=warn");
    try {
      var administration = app.getBean(AccessAdministration.class);
      var imports = app.getBean(StructureImport.class);
      var history = app.getBean(PersonHistory.class);
      var lines = app.getBean(ReportingLines.class);
      var jdbc = app.getBean(JdbcClient.class);
      var tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
      ClientScope scope =
          administration.systemScope(administration.createClient(spec.name()), "benchmark");
      UUID client = scope.id();
      importFile(imports, scope, files.get(ImportKind.UNITS), ImportKind.UNITS);
      long importMs =
          millis(() -> importFile(imports, scope, files.get(ImportKind.PEOPLE), ImportKind.PEOPLE));
      assertThat(count(jdbc, client)).isEqualTo(spec.people());

      long unchangedMs =
          millis(() -> importFile(imports, scope, files.get(ImportKind.PEOPLE), ImportKind.PEOPLE));

      // The history part of the first import alone: its rows removed, then written again as the
      // import writes them.
      List<PersonHistory.NewPerson> everyone =
          jdbc.sql("SELECT id, unit_id, manager_id FROM person WHERE client_id = :c")
              .param("c", client)
              .query(PersonHistory.NewPerson.class)
              .list();
      jdbc.sql("DELETE FROM person_history WHERE client_id = :c").param("c", client).update();
      long allNewMs = millis(() -> inTx(tx, () -> history.recordNew(client, everyone)));
      // 5% of people (ids ending in 00, 20, 40, 60, 80) move to the top unit.
      String fivePercent =
          """
           WHERE client_id = :c AND (external_id LIKE '%00' OR external_id LIKE '%20'
                 OR external_id LIKE '%40' OR external_id LIKE '%60' OR external_id LIKE '%80')
          """;
      List<UUID> moving =
          jdbc.sql("SELECT id FROM person" + fivePercent)
              .param("c", client)
              .query(UUID.class)
              .list();
      jdbc.sql(
              """
              UPDATE person SET unit_id = (SELECT id FROM unit WHERE client_id = :c AND parent_id IS NULL
                                           ORDER BY external_id FETCH FIRST 1 ROWS ONLY)
              """
                  + fivePercent)
          .param("c", client)
          .update();
      long movedMs = millis(() -> inTx(tx, () -> history.recordChanges(client, moving)));
      int open =
          jdbc.sql("SELECT count(*) FROM person_history WHERE client_id = :c AND valid_to IS NULL")
              .param("c", client)
              .query(Integer.class)
              .single();
      assertThat(open).isEqualTo(spec.people());

      List<UUID> sample =
          jdbc.sql(
                  "SELECT id FROM person WHERE client_id = :c ORDER BY external_id FETCH FIRST 2100 ROWS ONLY")
              .param("c", client)
              .query(UUID.class)
              .list();
      LocalDate lastMonth = LocalDate.now().minusMonths(1);
      double[] observation = new double[50];
      for (int i = 0; i < observation.length; i++) {
        List<UUID> attendees = sample.subList(i * 40, i * 40 + 20);
        UUID observed = sample.get(i * 40 + 25);
        long start = System.nanoTime();
        var c = lines.constellation(scope, lastMonth, observed, attendees);
        observation[i] = (System.nanoTime() - start) / 1e6;
        assertThat(c.attendees()).hasSize(20);
      }
      Arrays.sort(observation);
      long snapshotMs =
          millis(() -> assertThat(lines.asOn(scope, lastMonth).lines()).hasSize(spec.people()));
      return "| %s | %,d | %,d ms | %,d ms | %,d ms | %,d ms | %.1f ms | %,d ms |%n"
          .formatted(
              database,
              spec.people(),
              importMs,
              allNewMs,
              unchangedMs,
              movedMs,
              observation[observation.length / 2],
              snapshotMs);
    } finally {
      app.close();
    }
  }

  static void importFile(StructureImport imports, ClientScope scope, Path file, ImportKind kind)
      throws Exception {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      imports.importCsv(scope, kind, in, file.getFileName().toString());
    }
  }

  static void inTx(TransactionTemplate tx, Runnable work) {
    tx.executeWithoutResult(s -> work.run());
  }

  interface Work {
    void run() throws Exception;
  }

  static long millis(Work work) throws Exception {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1_000_000;
  }

  static int count(JdbcClient jdbc, UUID client) {
    return jdbc.sql("SELECT count(*) FROM person WHERE client_id = :c")
        .param("c", client)
        .query(Integer.class)
        .single();
  }
}
