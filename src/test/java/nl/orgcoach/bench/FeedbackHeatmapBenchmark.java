package nl.orgcoach.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.AccessAdministration.NewUser;
import nl.orgcoach.access.ApiTokens;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.Role;
import nl.orgcoach.observation.ObservationSeeding;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark of issue 5 (not part of the suite): 2,000,000 feedback answers ({@link
 * FeedbackLoad}: 5,000 units, 100,000 people, 12 framework behaviours, two years of closed rounds)
 * on a fresh PostgreSQL database. It times the HR heatmap over real HTTP (HR's API token for the
 * API, a logged-in HR session for the page) at the top level and two drill-down levels, for the
 * default period (the last twelve months) and for the whole two years, and the bare SQL aggregate
 * over the same rows (the plain GROUP BY unit and behaviour, with counts and sums; no round gate,
 * no subtree sums, no anonymity rule) over JDBC; the report gives p50/p95/p99 and the ratio of the
 * heatmap to the bare aggregate. {@code -Dorgcoach.bench.keep=true} keeps the database.
 *
 * <pre>mvn -o -q -B test -Dtest=FeedbackHeatmapBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class FeedbackHeatmapBenchmark {

  static final String HR = "hr@bench.orgcoach.demo";

  /**
   * The bare aggregate over the answers: the others' ratings of the rounds closed in the period,
   * grouped by the ratee's unit and the framework behaviour (what the heatmap would cost without
   * its read model).
   */
  static final String BARE =
      """
      SELECT p.unit_id, b.framework_behaviour_id, COUNT(*) AS ratings, SUM(a.rating) AS total
      FROM feedback_round r
      JOIN feedback_behaviour b ON b.round_id = r.id AND b.client_id = r.client_id
      JOIN feedback_answer a ON a.behaviour_id = b.id AND a.client_id = r.client_id
      JOIN feedback_rater fr ON fr.id = a.rater_id AND fr.client_id = r.client_id
      JOIN person p ON p.id = r.ratee_person_id AND p.client_id = r.client_id
      WHERE r.client_id = ? AND b.framework_behaviour_id = ANY (?)
        AND COALESCE(r.closed_at, r.closes_at) >= ? AND COALESCE(r.closed_at, r.closes_at) < ?
        AND a.rating IS NOT NULL AND fr.rater_group <> 'SELF'
      GROUP BY p.unit_id, b.framework_behaviour_id
      """;

  /**
   * The bare aggregate over the heatmap's own input, the same ratings summed per round and
   * behaviour in feedback_heat: the plain GROUP BY unit and behaviour with counts and sums, no
   * round gate, no distinct ratees, no subtree sums, no rule, no HTTP.
   */
  static final String BARE_HEAT =
      """
      SELECT p.unit_id, h.framework_behaviour_id, SUM(h.others_ratings) AS ratings,
             SUM(h.others_total) AS total
      FROM feedback_heat h
      JOIN person p ON p.id = h.ratee_person_id AND p.client_id = h.client_id
      WHERE h.client_id = ? AND h.framework_behaviour_id = ANY (?)
        AND h.closed_at >= ? AND h.closed_at < ?
      GROUP BY p.unit_id, h.framework_behaviour_id
      """;

  /** Repetitions of the bare aggregate over the answers (seconds each on a busy machine). */
  static final int BARE_ANSWERS_RUNS = Integer.getInteger("orgcoach.bench.bare-runs", 20);

  record Sql(String what, int n, double p50, double p95, double p99, int rows, long ratings) {}

  @Test
  void hrHeatmapOverTwoMillionRatings() throws Exception {
    String loadBefore = ImportBenchmark.loadAverage(null);
    Path dir = Files.createTempDirectory("orgcoach-bench");
    String report;
    try (BenchApp.Database db = BenchApp.Database.fresh()) {
      report = run(db, dir, loadBefore);
    } finally {
      org.springframework.util.FileSystemUtils.deleteRecursively(dir);
    }
    BenchApp.write("feedback-heatmap.md", report);
  }

  String run(BenchApp.Database db, Path dir, String loadBefore) throws Exception {
    ConfigurableApplicationContext app = BenchApp.start(db, dir.resolve("data"), BenchApp.admin());
    try {
      AccessAdministration administration = app.getBean(AccessAdministration.class);
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      DataSource dataSource = app.getBean(DataSource.class);
      ClientId client = administration.createClient("Benchmark heatmap");
      ClientScope scope = administration.systemScope(client, "benchmark");
      FeedbackLoad.Spec spec = FeedbackLoad.Spec.issue5();

      long start = System.nanoTime();
      FeedbackLoad load;
      try (Connection c = dataSource.getConnection()) {
        load = FeedbackLoad.organisation(c, client.value(), spec);
      }
      UUID engagement = UUID.randomUUID();
      jdbc.sql(
              """
              INSERT INTO engagement (id, client_id, title, starts_on, created_at)
              VALUES (:id, :c, 'Samen sturen', DATE '2024-01-01', CURRENT_TIMESTAMP)
              """)
          .param("id", engagement)
          .param("c", client.value())
          .update();
      List<UUID> framework = app.getBean(ObservationSeeding.class).behaviours(scope, engagement);
      assertThat(framework).hasSize(12);
      FeedbackLoad.Result result;
      try (Connection c = dataSource.getConnection()) {
        result = load.rounds(c, framework);
      }
      jdbc.sql("ANALYZE").update();
      long generated = (System.nanoTime() - start) / 1_000_000;
      assertThat(ImportBenchmark.count(jdbc, "unit", client)).isEqualTo(spec.units());
      assertThat(ImportBenchmark.count(jdbc, "feedback_answer", client)).isEqualTo(spec.answers());
      EngagementBenchmark.progress(
          String.format(
              "heatmap: generated in %,d ms (%,d rounds, %,d raters, %,d answers)",
              generated, result.rounds(), result.raters(), result.answers()));

      UUID hr =
          administration.createUser(
              new NewUser(HR, "HR", ImportBenchmark.PASSWORD, Role.HR, client, null));
      String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
      HttpClient session = ImportBenchmark.login(base, HR, ImportBenchmark.PASSWORD);
      String token =
          app.getBean(ApiTokens.class)
              .create(administration.user(hr), client, "benchmark", null)
              .secret();
      String api =
          base + "/api/v1/clients/" + client.value() + "/feedback/heatmap?engagement=" + engagement;
      String page = base + "/c/" + client.value() + "/feedback/heatmap?engagement=" + engagement;
      LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
      String twoYears = "&from=" + today.minusDays(spec.days() + 1) + "&to=" + today;
      UUID top = result.tops().get(0);

      // The first request writes feedback_heat for every round closed so far (once); then the
      // statistics are brought up to date, as autovacuum would within a minute or so.
      long cold = System.nanoTime();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      var first =
          http.send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(api))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(first.statusCode()).isEqualTo(200);
      long coldMillis = (System.nanoTime() - cold) / 1_000_000;
      jdbc.sql("ANALYZE").update();
      EngagementBenchmark.progress("heatmap: first request in " + coldMillis + " ms");

      List<EngagementBenchmark.Timing> timings = new ArrayList<>();
      List<Sql> sql = new ArrayList<>();
      // The bare aggregates first and last, so that a change in the machine's load shows.
      sql.add(
          bare(
              "bare SQL over feedback_heat, two years (all rows)",
              BARE_HEAT,
              dataSource,
              client,
              framework,
              today,
              25,
              EngagementBenchmark.REQUESTS));
      sql.add(
          bare(
              "bare SQL over feedback_heat, last twelve months",
              BARE_HEAT,
              dataSource,
              client,
              framework,
              today,
              12,
              EngagementBenchmark.REQUESTS));
      // First reads of a period: each request asks for a period no request asked for before (the
      // start a day earlier than any row, or the end a day later), so the server has no grid kept
      // for it and reads feedback_heat again — same rows, same answer, no cache.
      timings.add(
          EngagementBenchmark.time(
              "API: top level, two years, first read of the period",
              null,
              token,
              i -> api + "&from=" + today.minusDays(spec.days() + 1 + i) + "&to=" + today));
      timings.add(
          EngagementBenchmark.time(
              "API: top level, last twelve months, first read of the period",
              null,
              token,
              i ->
                  api
                      + "&from="
                      + today.minusMonths(12).plusDays(1)
                      + "&to="
                      + today.plusDays(1 + i)));
      timings.add(
          EngagementBenchmark.time(
              "page: a division's departments, two years, first read of the period",
              session,
              null,
              i ->
                  page
                      + "&unit="
                      + result.division()
                      + "&from="
                      + today.minusDays(spec.days() + 400 + i)
                      + "&to="
                      + today));
      // After a round closed, the server reads the client's facts again: simulated by moving one
      // summarised round's heat_at forward before each request (the fingerprint's latest changes,
      // feedback_heat stays as it is). After someone moved, only the people's units are read
      // again: simulated by raising people_version.
      timings.add(
          EngagementBenchmark.time(
              "API: top level, two years, just after a round closed (facts read again)",
              null,
              token,
              i -> {
                jdbc.sql(
                        """
                        UPDATE feedback_round SET heat_at = CURRENT_TIMESTAMP
                        WHERE id = (SELECT id FROM feedback_round
                                    WHERE client_id = :c AND heat_at IS NOT NULL LIMIT 1)
                        """)
                    .param("c", client.value())
                    .update();
                return api + twoYears;
              }));
      timings.add(
          EngagementBenchmark.time(
              "API: top level, two years, just after someone moved (units read again)",
              null,
              token,
              i -> {
                jdbc.sql(
                        """
                        UPDATE people_version SET version = version + 1 WHERE client_id = :c
                        """)
                    .param("c", client.value())
                    .update();
                if (i == 0) {
                  jdbc.sql(
                          """
                          INSERT INTO people_version (client_id, version) VALUES (:c, 1)
                          ON CONFLICT DO NOTHING
                          """)
                      .param("c", client.value())
                      .update();
                }
                return api + twoYears;
              }));
      timings.add(
          EngagementBenchmark.time(
              "API: top level, two years (all rows)", null, token, api + twoYears));
      timings.add(EngagementBenchmark.time("API: top level, last twelve months", null, token, api));
      timings.add(
          EngagementBenchmark.time(
              "API: below the top (9 divisions), two years",
              null,
              token,
              api + "&unit=" + top + twoYears));
      timings.add(
          EngagementBenchmark.time(
              "API: a division's departments, two years",
              null,
              token,
              api + "&unit=" + result.division() + twoYears));
      timings.add(
          EngagementBenchmark.time(
              "API: a department's sections, last twelve months",
              null,
              token,
              api + "&unit=" + result.department()));
      timings.add(
          EngagementBenchmark.time("page: top level, last twelve months", session, null, page));
      timings.add(
          EngagementBenchmark.time(
              "page: a division's departments, two years",
              session,
              null,
              page + "&unit=" + result.division() + twoYears));
      sql.add(
          bare(
              "bare SQL over feedback_heat, two years (all rows), again",
              BARE_HEAT,
              dataSource,
              client,
              framework,
              today,
              25,
              EngagementBenchmark.REQUESTS));
      sql.add(
          bare(
              "bare SQL over the answers, two years (all rows)",
              BARE,
              dataSource,
              client,
              framework,
              today,
              25,
              BARE_ANSWERS_RUNS));
      String loadAverage = loadBefore + " before, " + ImportBenchmark.loadAverage(null) + " after";
      return report(spec, result, generated, coldMillis, timings, sql, loadAverage);
    } finally {
      app.close();
    }
  }

  /** The bare aggregate over the rounds closed in the last {@code months}, timed over JDBC. */
  static Sql bare(
      String what,
      String query,
      DataSource ds,
      ClientId client,
      List<UUID> framework,
      LocalDate today,
      int months,
      int n)
      throws Exception {
    ZoneId zone = ZoneId.of("Europe/Amsterdam");
    OffsetDateTime from =
        today.minusMonths(months).plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime to = OffsetDateTime.now(ZoneOffset.UTC);
    double[] ms = new double[n];
    int rows = 0;
    long ratings = 0;
    try (Connection c = ds.getConnection();
        PreparedStatement s = c.prepareStatement(query)) {
      s.setObject(1, client.value());
      s.setArray(2, c.createArrayOf("uuid", framework.toArray()));
      s.setObject(3, from);
      s.setObject(4, to);
      for (int i = -Math.min(EngagementBenchmark.WARM_UP, n); i < n; i++) {
        long t0 = System.nanoTime();
        rows = 0;
        ratings = 0;
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            rs.getObject(1, UUID.class);
            rs.getObject(2, UUID.class);
            ratings += rs.getLong(3);
            rs.getLong(4);
            rows++;
          }
        }
        if (i >= 0) {
          ms[i] = (System.nanoTime() - t0) / 1e6;
        }
      }
    }
    Arrays.sort(ms);
    Sql result =
        new Sql(
            what,
            n,
            EngagementBenchmark.rank(ms, 0.5),
            EngagementBenchmark.rank(ms, 0.95),
            EngagementBenchmark.rank(ms, 0.99),
            rows,
            ratings);
    EngagementBenchmark.progress(
        String.format(
            "%s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %,d rows, %,d ratings",
            what, result.p50(), result.p95(), result.p99(), rows, ratings));
    return result;
  }

  private static double p95(List<EngagementBenchmark.Timing> timings, String what) {
    return timings.stream()
        .filter(t -> t.what().startsWith(what))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(what))
        .p95();
  }

  static String report(
      FeedbackLoad.Spec spec,
      FeedbackLoad.Result result,
      long generated,
      long coldMillis,
      List<EngagementBenchmark.Timing> timings,
      List<Sql> sql,
      String load) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "Run on %s, %d cores, Java %s, max heap %d MB; load average (1, 5, 15 min) %s.%n%n",
            LocalDate.now(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            Runtime.getRuntime().maxMemory() >> 20,
            load));
    sb.append(
        String.format(
            "PostgreSQL: %,d units, %,d people, 12 framework behaviours; %,d closed rounds over %d"
                + " days (%,d with only two others, below the round gate), %,d raters, %,d answers;"
                + " generated by COPY in %,d ms. The first heatmap request"
                + " (writing feedback_heat for all rounds) took %,d ms.%n%n",
            spec.units(),
            spec.people(),
            result.rounds(),
            spec.days(),
            result.gatedOut(),
            result.raters(),
            result.answers(),
            generated,
            coldMillis));
    sb.append("| request | n | p50 | p95 | p99 | max | response |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (EngagementBenchmark.Timing t : timings) {
      sb.append(
          String.format(
              "| %s | %d | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %,d kB |%n",
              t.what(), t.n(), t.p50(), t.p95(), t.p99(), t.max(), t.bytes() / 1024));
    }
    for (Sql s : sql) {
      sb.append(
          String.format(
              "| %s (JDBC; %,d groups, %,d ratings) | %d | %.0f ms | %.0f ms | %.0f ms | | |%n",
              s.what(), s.rows(), s.ratings(), s.n(), s.p50(), s.p95(), s.p99()));
    }
    double heat24 = Math.min(sql.get(0).p95(), sql.get(2).p95());
    double heat12 = sql.get(1).p95();
    double answers = sql.get(3).p95();
    sb.append('\n');
    sb.append(
        String.format(
            "Ratio of the heatmap (API, p95) to the bare aggregate over feedback_heat (p95): first"
                + " read of a period, two years %.2f×, twelve months %.2f×; just after a round"
                + " closed (facts read again), two years %.2f×; a division's departments, two"
                + " years %.2f×. To the bare aggregate over the answers (p95), first read, two"
                + " years: %.2f×.%n",
            p95(timings, "API: top level, two years, first read") / heat24,
            p95(timings, "API: top level, last twelve months, first read") / heat12,
            p95(timings, "API: top level, two years, just after a round closed") / heat24,
            p95(timings, "API: a division's departments, two years") / heat24,
            p95(timings, "API: top level, two years, first read") / answers));
    return sb.toString();
  }
}
