package nl.orgcoach.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.AccessAdministration.NewUser;
import nl.orgcoach.access.ApiTokens;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.Role;
import nl.orgcoach.demo.OrganisationSpec;
import nl.orgcoach.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark of issue 3 (not part of the test suite: surefire only runs *Test/*Tests): a large
 * engagement ({@link EngagementLoad}: 50,000 questions, 100,000 interventions, 150,000 agreements
 * over two years) at a generated 15,000-person client, on a fresh PostgreSQL database. It times the
 * coach's inbox and the trail of one unit over one quarter over real HTTP — a logged-in coach
 * session for the pages, that coach's API token for the API — and reports p50/p95/p99/max per
 * request. {@code -Dorgcoach.bench.h2=true} repeats it on a fresh H2 file database; {@code
 * -Dorgcoach.bench.keep=true} keeps the PostgreSQL database (for EXPLAIN ANALYZE by hand). Results
 * go to standard output and target/benchmarks/engagement.md; docs/benchmarks.md records them.
 *
 * <pre>mvn -o -q -B test -Dtest=EngagementBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class EngagementBenchmark {

  /** A 15,000-person care group: large enough for a busy engagement, quick to import. */
  static final OrganisationSpec ORGANISATION =
      new OrganisationSpec(
          "Zorggroep Rivierenland",
          "zorggroep-rivierenland.nl",
          OrganisationSpec.Sector.CARE,
          15_000,
          750,
          5,
          null,
          20261127L);

  static final String COACH_DOMAIN = "bench.orgcoach.demo";
  static final int COACHES = 8;
  static final int WARM_UP = Integer.getInteger("orgcoach.bench.warmup", 20);
  static final int REQUESTS = Integer.getInteger("orgcoach.bench.requests", 200);

  /** A slow request is timed for at most this long (then fewer than {@link #REQUESTS} count). */
  static final long BUDGET_MS = Long.getLong("orgcoach.bench.budget-ms", 120_000);

  /** One quarter of the engagement's second year, for the trail. */
  static final LocalDate QUARTER_FROM = LocalDate.of(2026, 7, 1);

  static final LocalDate QUARTER_TO = LocalDate.of(2026, 9, 30);

  record Timing(
      String what, int n, double p50, double p95, double p99, double max, int bytes, int status) {}

  record Run(
      String database,
      long importMillis,
      EngagementLoad.Result load,
      String busiestUnitName,
      List<Timing> timings) {}

  @Test
  void inboxAndTrailOfALargeEngagement() throws Exception {
    String loadBefore = ImportBenchmark.loadAverage(null);
    List<Run> runs = new ArrayList<>();
    Path dir = Files.createTempDirectory("orgcoach-bench");
    try (BenchApp.Database db = BenchApp.Database.fresh()) {
      runs.add(run("PostgreSQL", db.url(), TestDatabase.PG_USER, dir));
    }
    if (Boolean.getBoolean("orgcoach.bench.h2")) {
      runs.add(run("H2 (file)", BenchApp.h2File(dir.resolve("h2").resolve("orgcoach")), "sa", dir));
    }
    org.springframework.util.FileSystemUtils.deleteRecursively(dir);
    String load = loadBefore + " before, " + ImportBenchmark.loadAverage(null) + " after";
    BenchApp.write("engagement.md", report(runs, load));
  }

  Run run(String database, String url, String user, Path dir) throws Exception {
    ConfigurableApplicationContext app =
        BenchApp.start(
            url, user, dir.resolve("data-" + database.replaceAll("\\W", "")), BenchApp.admin());
    try {
      AccessAdministration administration = app.getBean(AccessAdministration.class);
      JdbcClient jdbc = app.getBean(JdbcClient.class);

      long start = System.nanoTime();
      ClientId client = BenchApp.importOrganisation(app, ORGANISATION).clientId();
      long importMillis = (System.nanoTime() - start) / 1_000_000;

      List<EngagementLoad.Coach> coaches = new ArrayList<>();
      for (int i = 1; i <= COACHES; i++) {
        String email = "coach" + i + "@" + COACH_DOMAIN;
        UUID id =
            administration.createUser(
                new NewUser(email, "Coach " + i, ImportBenchmark.PASSWORD, Role.COACH, null, null));
        administration.assignCoach(id, client);
        coaches.add(new EngagementLoad.Coach(id, email));
      }
      EngagementLoad.Result load;
      try (Connection c = app.getBean(DataSource.class).getConnection()) {
        load = EngagementLoad.write(c, client.value(), coaches, EngagementLoad.Spec.issue3());
      }
      progress(
          String.format(
              "%s: organisation imported in %,d ms; engagement generated in %,d ms (simulation"
                  + " %,d ms, writing %,d ms)",
              database,
              importMillis,
              load.simulateMillis() + load.writeMillis(),
              load.simulateMillis(),
              load.writeMillis()));
      assertThat(count(jdbc, "question", client)).isEqualTo(50_000);
      assertThat(count(jdbc, "intervention", client)).isEqualTo(100_000);
      assertThat(count(jdbc, "agreement", client)).isEqualTo(150_000);
      String unitName =
          jdbc.sql("SELECT name FROM unit WHERE id = :u")
              .param("u", load.busiestUnit())
              .query(String.class)
              .single();

      String port = app.getEnvironment().getProperty("local.server.port");
      String base = "http://localhost:" + port;
      HttpClient session =
          ImportBenchmark.login(base, coaches.get(0).email(), ImportBenchmark.PASSWORD);
      String token =
          app.getBean(ApiTokens.class)
              .create(administration.user(coaches.get(0).id()), client, "benchmark", null)
              .secret();
      String page = base + "/c/" + client.value() + "/engagements/" + load.engagementId();
      String api =
          base + "/api/v1/clients/" + client.value() + "/engagements/" + load.engagementId();
      String unit = "unitId=" + load.busiestUnit();
      String quarter = "unit=" + load.busiestUnit() + "&from=" + QUARTER_FROM + "&to=" + QUARTER_TO;

      List<Timing> timings = new ArrayList<>();
      timings.add(time("page: inbox (open questions)", session, null, page + "/inbox"));
      timings.add(time("page: inbox, one unit", session, null, page + "/inbox?" + unit));
      timings.add(time("page: inbox, all statuses", session, null, page + "/inbox?all="));
      timings.add(time("API: inbox (all statuses)", null, token, api + "/questions"));
      timings.add(time("API: inbox, open", null, token, api + "/questions?status=OPEN"));
      timings.add(time("API: inbox, one unit", null, token, api + "/questions?" + unit));
      if (Boolean.parseBoolean(System.getProperty("orgcoach.bench.trail", "true"))) {
        // The team, and its parent with every unit below it (the trail takes a unit's subtree).
        UUID parent =
            jdbc.sql("SELECT parent_id FROM unit WHERE id = :u")
                .param("u", load.busiestUnit())
                .query(UUID.class)
                .single();
        String wider = "unit=" + parent + "&from=" + QUARTER_FROM + "&to=" + QUARTER_TO;
        timings.add(
            time("page: trail, one team, one quarter", session, null, page + "/trail?" + quarter));
        timings.add(
            time("API: trail, one team, one quarter", null, token, api + "/trail?" + quarter));
        timings.add(
            time(
                "page: trail graph (ECharts option), one team, one quarter",
                session,
                null,
                page + "/trail/graph?" + quarter));
        timings.add(
            time(
                "CSV: trail, one team, one quarter",
                session,
                null,
                page + "/trail.csv?" + quarter));
        String typical =
            "unit=" + load.medianUnit() + "&from=" + QUARTER_FROM + "&to=" + QUARTER_TO;
        timings.add(
            time(
                "page: trail, a median team, one quarter",
                session,
                null,
                page + "/trail?" + typical));
        timings.add(
            time("API: trail, a median team, one quarter", null, token, api + "/trail?" + typical));
        timings.add(
            time(
                "page: trail, the team's parent unit and its subtree, one quarter",
                session,
                null,
                page + "/trail?" + wider));
        timings.add(
            time(
                "API: trail, the team's parent unit and its subtree, one quarter",
                null,
                token,
                api + "/trail?" + wider));
      }
      return new Run(database, importMillis, load, unitName, timings);
    } finally {
      app.close();
    }
  }

  /** {@value #WARM_UP} requests to warm up, then {@value #REQUESTS} timed ones, one at a time. */
  static Timing time(String what, HttpClient session, String token, String url) throws Exception {
    return time(what, session, token, i -> url);
  }

  /**
   * As {@link #time(String, HttpClient, String, String)}, with the {@code i}-th request (warm-up
   * included) going to {@code urls.apply(i)}: for timing answers that a server must not have kept
   * from the request before.
   */
  static Timing time(
      String what, HttpClient session, String token, java.util.function.IntFunction<String> urls)
      throws Exception {
    HttpClient http =
        session != null
            ? session
            : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    int[] sent = {0};
    java.util.function.Supplier<HttpRequest> next =
        () -> {
          HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(urls.apply(sent[0]++)));
          if (token != null) {
            request.header("Authorization", "Bearer " + token);
          }
          return request.build();
        };
    HttpResponse<byte[]> first = http.send(next.get(), HttpResponse.BodyHandlers.ofByteArray());
    if (first.statusCode() != 200) {
      progress(what + ": HTTP " + first.statusCode() + ", not timed");
      return new Timing(what, 0, 0, 0, 0, 0, first.body().length, first.statusCode());
    }
    long started = System.nanoTime();
    for (int i = 1; i < WARM_UP && System.nanoTime() - started < BUDGET_MS * 250_000; i++) {
      http.send(next.get(), HttpResponse.BodyHandlers.ofByteArray());
    }
    double[] ms = new double[REQUESTS];
    int bytes = 0;
    int n = 0;
    started = System.nanoTime();
    while (n < REQUESTS && (n < 10 || System.nanoTime() - started < BUDGET_MS * 1_000_000)) {
      HttpRequest get = next.get();
      long s = System.nanoTime();
      HttpResponse<byte[]> r = http.send(get, HttpResponse.BodyHandlers.ofByteArray());
      ms[n++] = (System.nanoTime() - s) / 1e6;
      assertThat(r.statusCode()).as(get.uri().toString()).isEqualTo(200);
      bytes = r.body().length;
    }
    ms = Arrays.copyOf(ms, n);
    Arrays.sort(ms);
    Timing t =
        new Timing(
            what, n, rank(ms, 0.50), rank(ms, 0.95), rank(ms, 0.99), ms[ms.length - 1], bytes, 200);
    progress(
        String.format(
            "%s: n %d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, %,d bytes",
            what, n, t.p50(), t.p95(), t.p99(), t.max(), bytes));
    return t;
  }

  /**
   * Surefire keeps a test's output until it ends; a benchmark runs for minutes, so it also says how
   * far it got in target/benchmarks/engagement.log.
   */
  static void progress(String line) {
    System.out.println(line);
    Path log =
        Path.of(System.getProperty("orgcoach.build.dir", "target"), "benchmarks", "engagement.log");
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(
          log,
          java.time.LocalTime.now().withNano(0) + " " + line + "\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The nearest-rank percentile of sorted values. */
  static double rank(double[] sorted, double p) {
    return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
  }

  static int count(JdbcClient jdbc, String table, ClientId client) {
    return ImportBenchmark.count(jdbc, table, client);
  }

  static String report(List<Run> runs, String load) {
    StringBuilder sb = new StringBuilder();
    sb.append(BenchApp.runOnWithHeap())
        .append("; load average (1, 5, 15 min) ")
        .append(load)
        .append(".\n\n");
    for (Run run : runs) {
      EngagementLoad.Result l = run.load();
      sb.append(String.format("### %s%n%n", run.database()));
      sb.append(
          String.format(
              "Organisation %s (%,d people, %,d units, %d levels) imported in %,d ms.%n",
              ORGANISATION.name(),
              ORGANISATION.people(),
              ORGANISATION.units(),
              ORGANISATION.levels(),
              run.importMillis()));
      sb.append(
          String.format(
              "Engagement generated in %,d ms (simulation %,d ms, writing %,d ms): %,d questions"
                  + " (%,d follow-ups), %,d interventions (%,d participant rows, %,d answered"
                  + " questions), %,d agreements.%n",
              l.simulateMillis() + l.writeMillis(),
              l.simulateMillis(),
              l.writeMillis(),
              l.questions(),
              l.followUps(),
              l.interventions(),
              l.participants(),
              l.answers(),
              l.agreements()));
      sb.append("Questions: ").append(EngagementLoad.mix(l.questionStatuses())).append(".\n");
      sb.append("Agreements: ").append(EngagementLoad.mix(l.agreementStatuses())).append(".\n");
      sb.append(
          String.format(
              "The unit filtered on: %s, the unit with the most questions (%,d, its own and its"
                  + " people's); the median team has %,d. Trail quarter: %s to %s.%n%n",
              run.busiestUnitName(),
              l.busiestUnitQuestions(),
              l.medianUnitQuestions(),
              QUARTER_FROM,
              QUARTER_TO));
      sb.append("| request | n | p50 | p95 | p99 | max | response |\n");
      sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
      for (Timing t : run.timings()) {
        if (t.status() != 200) {
          sb.append(String.format("| %s | — | HTTP %d | | | | |%n", t.what(), t.status()));
          continue;
        }
        sb.append(
            String.format(
                "| %s | %d | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %,d kB |%n",
                t.what(), t.n(), t.p50(), t.p95(), t.p99(), t.max(), t.bytes() / 1024));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
