package nl.orgcoach.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.demo.OrganisationGenerator;
import nl.orgcoach.demo.OrganisationSpec;
import nl.orgcoach.organisation.ImportKind;
import nl.orgcoach.organisation.ImportResult;
import nl.orgcoach.organisation.StructureImport;
import nl.orgcoach.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import benchmark of issue 2 (not part of the test suite: surefire only runs *Test/*Tests).
 * Generates the 100,000-person client, imports its four files through {@link StructureImport} into
 * a fresh PostgreSQL database and a fresh H2 file database, measures wall time and peak heap per
 * file, measures PostgreSQL's own COPY of the same files into staging tables (the floor), and times
 * opening that client's org chart (its SQL, and the page over HTTP with a logged-in session).
 * Results go to standard output and target/benchmarks/import.md; docs/benchmarks.md records them.
 *
 * <pre>mvn -o -q -B test -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class ImportBenchmark {

  static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  static final String ADMIN = "bench@orgcoach.demo";
  static final String PASSWORD = "bench-password-2026";
  static final int REPEAT = 10;

  /**
   * The org chart's SQL (as in organisation.structure.Units): one level with child and person
   * counts.
   */
  static final String NODE_SELECT =
      """
      SELECT u.id, u.external_id, u.name, u.kind, u.parent_id,
             (SELECT count(*) FROM unit c WHERE c.client_id = u.client_id AND c.parent_id = u.id) AS child_count,
             (SELECT count(*) FROM person p WHERE p.client_id = u.client_id AND p.unit_id = u.id) AS person_count,
             (SELECT min(p.last_name || ', ' || p.first_name) FROM person p LEFT JOIN person m ON m.id = p.manager_id
              WHERE p.client_id = u.client_id AND p.unit_id = u.id AND (m.id IS NULL OR m.unit_id <> u.id)) AS head
      FROM unit u
      """;

  record Step(ImportKind kind, int rows, long millis, long heapMb, long peakMb) {}

  record Timing(String what, long firstMs, double medianMs) {}

  record Run(String database, List<Step> steps, List<Timing> chart, long totalMillis) {}

  @Test
  void importsTheLargeClient() throws Exception {
    OrganisationSpec spec = OrganisationSpec.benchmark();
    String loadBefore = loadAverage(null);
    Path dir = Files.createTempDirectory("orgcoach-bench");
    long start = System.nanoTime();
    Map<ImportKind, Path> files = OrganisationGenerator.of(spec).writeTo(dir);
    long generateMs = (System.nanoTime() - start) / 1_000_000;

    Run pg;
    Map<ImportKind, Floor> copy;
    try (BenchApp.Database db = BenchApp.Database.dropped()) {
      pg = run("PostgreSQL", spec, files, db.url(), TestDatabase.PG_USER);
      copy = copy(db.url(), files);
    }
    Path h2Dir = dir.resolve("h2");
    Run h2 = run("H2 (file)", spec, files, BenchApp.h2File(h2Dir.resolve("orgcoach")), "sa");

    String load = loadAverage(loadBefore) + " before, " + loadAverage(null) + " after";
    String report = report(spec, files, generateMs, pg, h2, copy, load);
    // The H2 database alone is half a gigabyte: leave nothing behind in the temp directory.
    org.springframework.util.FileSystemUtils.deleteRecursively(dir);
    BenchApp.write("import.md", report);
    assertThat(pg.steps())
        .extracting(Step::rows)
        .containsExactlyElementsOf(h2.steps().stream().map(Step::rows).toList());
  }

  /** Starts OrgCoach on a fresh database, imports the four files, times the org chart, stops. */
  Run run(
      String database, OrganisationSpec spec, Map<ImportKind, Path> files, String url, String user)
      throws Exception {
    Path dataDir =
        files.get(ImportKind.UNITS).getParent().resolve("data-" + database.replaceAll("\\W", ""));
    ConfigurableApplicationContext app = BenchApp.start(url, user, dataDir, BenchApp.admin());
    try {
      AccessAdministration administration = app.getBean(AccessAdministration.class);
      StructureImport imports = app.getBean(StructureImport.class);
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      ClientId client = administration.createClient(spec.name());
      ClientScope scope = administration.systemScope(client, "benchmark");
      List<Step> steps = new ArrayList<>();
      long total = 0;
      for (ImportKind kind : ImportKind.values()) {
        Path file = files.get(kind);
        Measured<ImportResult> m =
            measure(
                () -> {
                  try (InputStream in =
                      new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    return imports.importCsv(scope, kind, in, file.getFileName().toString());
                  }
                });
        steps.add(new Step(kind, m.value().rows(), m.millis(), m.heapMb(), m.peakMb()));
        total += m.millis();
      }
      assertThat(count(jdbc, "unit", client)).isEqualTo(spec.units());
      assertThat(count(jdbc, "person", client)).isEqualTo(spec.people());

      List<Timing> chart = new ArrayList<>();
      UUID largest =
          jdbc.sql(
                  """
                  SELECT parent_id FROM unit WHERE client_id = :c AND parent_id IS NOT NULL
                  GROUP BY parent_id ORDER BY count(*) DESC, parent_id FETCH FIRST 1 ROWS ONLY
                  """)
              .param("c", client.value())
              .query(UUID.class)
              .single();
      chart.add(
          time(
              "SQL: top level with counts",
              () ->
                  jdbc.sql(
                          NODE_SELECT
                              + " WHERE u.client_id = :client AND u.parent_id IS NULL ORDER BY u.name")
                      .param("client", client.value())
                      .query()
                      .listOfRows()
                      .size()));
      chart.add(
          time(
              "SQL: children of the unit with most children, with counts",
              () ->
                  jdbc.sql(
                          NODE_SELECT
                              + " WHERE u.client_id = :client AND u.parent_id = :parent ORDER BY u.name")
                      .param("client", client.value())
                      .param("parent", largest)
                      .query()
                      .listOfRows()
                      .size()));
      String port = app.getEnvironment().getProperty("local.server.port");
      HttpClient http = login("http://localhost:" + port);
      String base = "http://localhost:" + port + "/c/" + client.value();
      chart.add(time("HTTP: GET /c/{id}/org", () -> get(http, base + "/org")));
      chart.add(
          time(
              "HTTP: GET /c/{id}/org/units/{unit}/children",
              () -> get(http, base + "/org/units/" + largest + "/children")));
      return new Run(database, steps, chart, total);
    } finally {
      app.close();
    }
  }

  /**
   * What the floor costs per file: COPY into a staging table, then set-based SQL into the real
   * tables.
   */
  record Floor(long copyMs, long sqlMs) {}

  /**
   * The floor: PostgreSQL's COPY of the same CSV files into staging tables with the same columns.
   * Then, as a second and more realistic floor, plain set-based SQL that moves the staged rows into
   * the real tables (ids resolved by joins, no validation) for a second client in the same
   * database.
   */
  Map<ImportKind, Floor> copy(String url, Map<ImportKind, Path> files) throws Exception {
    Map<ImportKind, String> tables = new EnumMap<>(ImportKind.class);
    tables.put(
        ImportKind.UNITS,
        "stage_unit (unit_id VARCHAR(100), name VARCHAR(200), parent_id VARCHAR(100), kind VARCHAR(100))");
    tables.put(
        ImportKind.PEOPLE,
        "stage_person (person_id VARCHAR(100), first_name VARCHAR(100), last_name VARCHAR(150), email VARCHAR(254),"
            + " job_title VARCHAR(200), unit_id VARCHAR(100), manager_id VARCHAR(100))");
    tables.put(
        ImportKind.SETTINGS,
        "stage_setting (setting_id VARCHAR(100), name VARCHAR(200), kind VARCHAR(40), unit_id VARCHAR(100),"
            + " members VARCHAR(100000))");
    tables.put(
        ImportKind.INTERDEPENDENCIES,
        "stage_interdependency (from_unit_id VARCHAR(100), to_unit_id VARCHAR(100), description VARCHAR(300),"
            + " strength INT)");
    Map<ImportKind, List<String>> moves = new EnumMap<>(ImportKind.class);
    // Ids are made up front in a mapping table, so that parents and managers resolve in the same
    // INSERT (PostgreSQL checks the self-referencing foreign key at the end of the statement).
    moves.put(
        ImportKind.UNITS,
        List.of(
            "ANALYZE stage_unit",
            "CREATE TEMP TABLE unit_ids AS SELECT unit_id AS ext, gen_random_uuid() AS id FROM stage_unit",
            "ANALYZE unit_ids",
            """
        INSERT INTO unit (id, client_id, external_id, name, kind, parent_id)
        SELECT i.id, :c, s.unit_id, s.name, s.kind, p.id
        FROM stage_unit s JOIN unit_ids i ON i.ext = s.unit_id LEFT JOIN unit_ids p ON p.ext = s.parent_id
        """));
    moves.put(
        ImportKind.PEOPLE,
        List.of(
            "ANALYZE stage_person",
            "CREATE TEMP TABLE person_ids AS SELECT person_id AS ext, gen_random_uuid() AS id FROM stage_person",
            "ANALYZE person_ids",
            """
        INSERT INTO person (id, client_id, external_id, first_name, last_name, email, job_title, unit_id, manager_id)
        SELECT i.id, :c, s.person_id, s.first_name, s.last_name, s.email, s.job_title, u.id, m.id
        FROM stage_person s JOIN person_ids i ON i.ext = s.person_id
        JOIN unit u ON u.client_id = :c AND u.external_id = s.unit_id
        LEFT JOIN person_ids m ON m.ext = s.manager_id
        """));
    moves.put(
        ImportKind.SETTINGS,
        List.of(
            "ANALYZE stage_setting",
            """
        INSERT INTO setting (id, client_id, external_id, name, kind, unit_id)
        SELECT gen_random_uuid(), :c, s.setting_id, s.name, s.kind, u.id
        FROM stage_setting s LEFT JOIN unit u ON u.client_id = :c AND u.external_id = s.unit_id
        """,
            """
        INSERT INTO setting_member (setting_id, person_id, client_id)
        SELECT st.id, p.id, :c FROM stage_setting s
        JOIN setting st ON st.client_id = :c AND st.external_id = s.setting_id
        CROSS JOIN LATERAL unnest(string_to_array(s.members, '|')) AS m(ext)
        JOIN person p ON p.client_id = :c AND p.external_id = m.ext
        """));
    moves.put(
        ImportKind.INTERDEPENDENCIES,
        List.of(
            "ANALYZE stage_interdependency",
            """
        INSERT INTO interdependency (id, client_id, from_unit_id, to_unit_id, description, strength)
        SELECT gen_random_uuid(), :c, f.id, t.id, s.description, s.strength FROM stage_interdependency s
        JOIN unit f ON f.client_id = :c AND f.external_id = s.from_unit_id
        JOIN unit t ON t.client_id = :c AND t.external_id = s.to_unit_id
        """));
    Map<ImportKind, Floor> millis = new EnumMap<>(ImportKind.class);
    UUID client = UUID.randomUUID();
    try (Connection c = DriverManager.getConnection(url, TestDatabase.PG_USER, "")) {
      try (var insert =
          c.prepareStatement(
              "INSERT INTO client (id, name, created_at) VALUES (?, 'COPY floor', now())")) {
        insert.setObject(1, client);
        insert.executeUpdate();
      }
      for (var e : tables.entrySet()) {
        c.createStatement().execute("CREATE TABLE " + e.getValue());
      }
      c.setAutoCommit(false);
      for (var e : tables.entrySet()) {
        String table = e.getValue().substring(0, e.getValue().indexOf(' '));
        long start = System.nanoTime();
        try (Reader in = Files.newBufferedReader(files.get(e.getKey()), StandardCharsets.UTF_8)) {
          c.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv, HEADER true)", in);
        }
        c.commit();
        long copied = System.nanoTime();
        for (String sql : moves.get(e.getKey())) {
          try (var statement = c.prepareStatement(sql.replace(":c", "'" + client + "'::uuid"))) {
            statement.executeUpdate();
          }
        }
        c.commit();
        millis.put(
            e.getKey(),
            new Floor((copied - start) / 1_000_000, (System.nanoTime() - copied) / 1_000_000));
      }
    }
    return millis;
  }

  record Measured<T>(T value, long millis, long heapMb, long peakMb) {}

  /**
   * Wall time, and peak used heap above the level after a GC, sampled every 5 ms while {@code work}
   * runs.
   */
  static <T> Measured<T> measure(Callable<T> work) throws Exception {
    System.gc();
    long baseline = MEMORY.getHeapMemoryUsage().getUsed();
    long[] peak = {baseline};
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peak[0] = Math.max(peak[0], MEMORY.getHeapMemoryUsage().getUsed());
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    long start = System.nanoTime();
    T value = work.call();
    long millis = (System.nanoTime() - start) / 1_000_000;
    sampler.interrupt();
    sampler.join();
    peak[0] = Math.max(peak[0], MEMORY.getHeapMemoryUsage().getUsed());
    return new Measured<>(value, millis, (peak[0] - baseline) >> 20, peak[0] >> 20);
  }

  /** The first (cold) run, and the median of {@value #REPEAT} more. */
  static Timing time(String what, Callable<?> work) throws Exception {
    long start = System.nanoTime();
    work.call();
    long first = (System.nanoTime() - start) / 1_000_000;
    double[] runs = new double[REPEAT];
    for (int i = 0; i < REPEAT; i++) {
      long s = System.nanoTime();
      work.call();
      runs[i] = (System.nanoTime() - s) / 1e6;
    }
    Arrays.sort(runs);
    return new Timing(what, first, (runs[REPEAT / 2 - 1] + runs[REPEAT / 2]) / 2);
  }

  /** Other work on the machine skews the numbers: record how busy it was. */
  static String loadAverage(String known) {
    if (known != null) {
      return known;
    }
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  static int count(JdbcClient jdbc, String table, ClientId client) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE client_id = :c")
        .param("c", client.value())
        .query(Integer.class)
        .single();
  }

  static HttpClient login(String base) throws Exception {
    return login(base, ADMIN, PASSWORD);
  }

  static HttpClient login(String base, String email, String password) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    String page =
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
    assertThat(csrf.find()).as("CSRF token on the login page").isTrue();
    String form =
        "email="
            + URLEncoder.encode(email, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.headers().firstValue("Location").orElse(""))
        .as("login succeeds")
        .doesNotContain("error");
    return http;
  }

  static int get(HttpClient http, String url) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(url).isEqualTo(200);
    return r.body().length();
  }

  static String report(
      OrganisationSpec spec,
      Map<ImportKind, Path> files,
      long generateMs,
      Run pg,
      Run h2,
      Map<ImportKind, Floor> copy,
      String load)
      throws Exception {
    StringBuilder sb = new StringBuilder();
    sb.append(BenchApp.runOnWithHeap())
        .append("; load average (1, 5, 15 min) ")
        .append(load)
        .append(".\n\n");
    long bytes = 0;
    for (Path f : files.values()) {
      bytes += Files.size(f);
    }
    sb.append(
        String.format(
            "Generated %s (%,d people, %,d units, %d levels) in %,d ms: %.1f MB of CSV%n%n",
            spec.name(), spec.people(), spec.units(), spec.levels(), generateMs, bytes / 1e6));
    sb.append(
        "| file | size | rows | PostgreSQL import | heap (above baseline / peak) | H2 file import | heap (above baseline / peak) | PostgreSQL COPY | import ÷ COPY | COPY + SQL into the real tables | import ÷ that |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    long copyTotal = 0;
    long floorTotal = 0;
    for (int i = 0; i < pg.steps().size(); i++) {
      Step p = pg.steps().get(i);
      Step h = h2.steps().get(i);
      Floor f = copy.get(p.kind());
      copyTotal += f.copyMs();
      floorTotal += f.copyMs() + f.sqlMs();
      sb.append(
          String.format(
              "| %s | %.1f MB | %,d | %,d ms | %,d / %,d MB | %,d ms | %,d / %,d MB | %,d ms | %.0f× | %,d ms | %.1f× |%n",
              OrganisationGenerator.fileName(p.kind()),
              Files.size(files.get(p.kind())) / 1e6,
              p.rows(),
              p.millis(),
              p.heapMb(),
              p.peakMb(),
              h.millis(),
              h.heapMb(),
              h.peakMb(),
              f.copyMs(),
              (double) p.millis() / Math.max(1, f.copyMs()),
              f.copyMs() + f.sqlMs(),
              (double) p.millis() / Math.max(1, f.copyMs() + f.sqlMs())));
    }
    sb.append(
        String.format(
            "| **all four** | %.1f MB | | **%,d ms** | | **%,d ms** | | **%,d ms** | **%.0f×** | **%,d ms** | **%.1f×** |%n%n",
            bytes / 1e6,
            pg.totalMillis(),
            h2.totalMillis(),
            copyTotal,
            (double) pg.totalMillis() / Math.max(1, copyTotal),
            floorTotal,
            (double) pg.totalMillis() / Math.max(1, floorTotal)));
    sb.append(
        "| opening the org chart | PostgreSQL first | median of 10 | H2 first | median of 10 |\n|---|---:|---:|---:|---:|\n");
    for (int i = 0; i < pg.chart().size(); i++) {
      Timing p = pg.chart().get(i);
      Timing h = h2.chart().get(i);
      sb.append(
          String.format(
              "| %s | %,d ms | %.1f ms | %,d ms | %.1f ms |%n",
              p.what(), p.firstMs(), p.medianMs(), h.firstMs(), h.medianMs()));
    }
    return sb.toString();
  }
}
