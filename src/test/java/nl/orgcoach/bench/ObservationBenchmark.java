package nl.orgcoach.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.ApiTokens;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.organisation.Constellation;
import nl.orgcoach.organisation.ReportingLines;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark of issue 4 (not part of the suite: surefire only runs *Test/*Tests): the
 * observation data of {@link ObservationLoad} (5,000 people, 30,000 meetings, 300,000 observations,
 * ~750,000 ratings over two years) on a fresh PostgreSQL database, the app on a real port, and real
 * HTTP on loopback:
 *
 * <ol>
 *   <li>capture: 50 coaches at once, each its own logged-in session (cookie + CSRF token from the
 *       page) posting to the phone capture endpoint the UI uses, then each with its own API token
 *       posting to the API; fresh idempotency keys, recent meetings, attendees of them, 1–4
 *       behaviours; a request that gets no answer is sent again with the same key, as the phone
 *       does. Three loads: one coach alone (the service time), every coach submitting every ~1 s on
 *       average (Poisson; far busier than a coach in a meeting), and flat out (no pause: the
 *       throughput ceiling of the machine); percentiles, errors, and the JVM's CPU per request;
 *   <li>freshness: a capture of the busiest person, then at once a GET of their profile (page and
 *       API), 200 times each; the time from the POST's response until the profile shows the new
 *       observation, and whether the first GET already showed it.
 * </ol>
 *
 * Results go to standard output and target/benchmarks/observation.md; docs/benchmarks.md records
 * them. {@code -Dorgcoach.bench.keep=true} keeps the database, {@code
 * -Dorgcoach.bench.database=NAME} measures again on a kept one (no generation; it then holds the
 * observations of the earlier runs too); {@code -Dorgcoach.bench.capture-seconds=N} sets how long
 * each capture load runs (default 30).
 *
 * <pre>mvn -o -q -B test -Dtest=ObservationBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class ObservationBenchmark {

  static final long SEED = 20261127L;
  static final int COACHES = Integer.getInteger("orgcoach.bench.coaches", 50);
  static final int THINK_MS = Integer.getInteger("orgcoach.bench.think-ms", 1_000);
  static final int SECONDS = Integer.getInteger("orgcoach.bench.capture-seconds", 30);
  static final int TRIALS = Integer.getInteger("orgcoach.bench.trials", 200);
  static final String ADMIN = "bench@orgcoach.demo";

  /** A timed series: latencies in ms, errors, and the wall time it took. */
  record Series(
      String what, double[] ms, int errors, int retried, double seconds, double cpuMsPerRequest) {
    double p(double q) {
      return ms.length == 0 ? 0 : EngagementBenchmark.rank(ms, q);
    }

    String row() {
      return String.format(
          "| %s | %,d | %d | %d | %.0f/s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms |",
          what,
          ms.length,
          errors,
          retried,
          ms.length / seconds,
          p(0.50),
          p(0.95),
          p(0.99),
          ms.length == 0 ? 0 : ms[ms.length - 1],
          cpuMsPerRequest);
    }
  }

  /** A recent meeting with the people who attended it. */
  record Meeting(UUID id, List<UUID> people) {}

  @Test
  void captureAndProfile() throws Exception {
    String loadBefore = ImportBenchmark.loadAverage(null);
    String reuse = System.getProperty("orgcoach.bench.database");
    Path dir = Files.createTempDirectory("orgcoach-bench");
    StringBuilder report = new StringBuilder();
    try (BenchApp.Database db = BenchApp.Database.reuseOrFresh(reuse);
        ConfigurableApplicationContext app =
            BenchApp.start(
                db, dir.resolve("data"), BenchApp.adminAs(ADMIN, ObservationLoad.PASSWORD))) {
      ObservationLoad.Result data =
          reuse != null
              ? ObservationLoad.existing(app.getBean(DataSource.class))
              : ObservationLoad.generate(app.getBean(DataSource.class), SEED);
      String generated =
          String.format(
              "Generated in %,d ms (+ VACUUM ANALYZE %,d ms): %,d people (%,d person_history rows),"
                  + " %d settings, %,d meetings (%,d attendee rows), %,d observations, %,d ratings,"
                  + " %,d stored constellation rows; dominant: %s; %d incongruent people; busiest"
                  + " person %,d observations.",
              data.millis(),
              data.vacuumMillis(),
              data.people(),
              data.historyRows(),
              data.settings(),
              data.meetings(),
              data.meetingAttendees(),
              data.observations(),
              data.ratings(),
              data.observationAttendees(),
              data.dominant(),
              data.incongruent().size(),
              data.busyPersonObservations());
      EngagementBenchmark.progress(generated);
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      ClientId client = new ClientId(data.clientId());
      assertThat(ImportBenchmark.count(jdbc, "observation", client))
          .isGreaterThanOrEqualTo(300_000);
      checkConstellations(app, jdbc, data);
      report
          .append(BenchApp.runOn())
          .append(", PostgreSQL; load generator and app in one JVM.\n\n")
          .append(generated)
          .append("\n\n");
      if (!Boolean.getBoolean("orgcoach.bench.generate-only")) {
        measure(app, data, report);
      }
    } finally {
      org.springframework.util.FileSystemUtils.deleteRecursively(dir);
    }
    report
        .append("\nLoad average (1, 5, 15 min): ")
        .append(loadBefore)
        .append(" before, ")
        .append(ImportBenchmark.loadAverage(null))
        .append(" after.\n");
    BenchApp.write("observation.md", report.toString());
  }

  /**
   * The stored constellation of a sample of generated observations equals the one the app derives
   * now from person_history (the generator used the chart of each date, movers included).
   */
  static void checkConstellations(
      ConfigurableApplicationContext app, JdbcClient jdbc, ObservationLoad.Result data) {
    ReportingLines lines = app.getBean(ReportingLines.class);
    ClientScope scope =
        app.getBean(AccessAdministration.class)
            .systemScope(new ClientId(data.clientId()), "benchmark");
    record Sampled(UUID id, UUID meetingId, UUID personId, LocalDate observedOn) {}
    List<Sampled> sample =
        jdbc.sql(
                "SELECT id, meeting_id, person_id, observed_on FROM observation"
                    + " WHERE client_id = :c ORDER BY id FETCH FIRST 300 ROWS ONLY")
            .param("c", data.clientId())
            .query(Sampled.class)
            .list();
    int checked = 0;
    for (Sampled s : sample) {
      List<UUID> others =
          jdbc.sql(
                  "SELECT person_id FROM meeting_attendee WHERE meeting_id = :m"
                      + " AND person_id IS NOT NULL AND person_id <> :p")
              .param("m", s.meetingId())
              .param("p", s.personId())
              .query(UUID.class)
              .list();
      Constellation now = lines.constellation(scope, s.observedOn(), s.personId(), others);
      Map<UUID, String> stored = new java.util.HashMap<>();
      jdbc.sql(
              "SELECT person_id, relation FROM observation_attendee"
                  + " WHERE observation_id = :o AND person_id IS NOT NULL")
          .param("o", s.id())
          .query(
              rs -> {
                stored.put(rs.getObject(1, UUID.class), rs.getString(2));
              });
      assertThat(stored).hasSize(now.attendees().size());
      for (Constellation.Attendee a : now.attendees()) {
        assertThat(stored.get(a.personId()))
            .as("observation " + s.id())
            .isEqualTo(a.relation().name());
        checked++;
      }
    }
    EngagementBenchmark.progress(
        "Stored constellations agree with ReportingLines for "
            + sample.size()
            + " observations ("
            + checked
            + " attendees)");
  }

  void measure(
      ConfigurableApplicationContext app, ObservationLoad.Result data, StringBuilder report)
      throws Exception {
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    String client = data.clientId().toString();
    String engagement = data.engagementId().toString();
    String pages = base + "/c/" + client + "/engagements/" + engagement;
    String api = base + "/api/v1/clients/" + client + "/engagements/" + engagement;
    List<UUID> behaviours =
        jdbc.sql("SELECT id FROM behaviour WHERE engagement_id = :e ORDER BY sort_order")
            .param("e", data.engagementId())
            .query(UUID.class)
            .list();
    // The meetings of the last two weeks of the data, as a coach on the capture screen sees them.
    List<Meeting> meetings = recentMeetings(jdbc, data.engagementId(), 14);
    EngagementBenchmark.progress(meetings.size() + " recent meetings to capture in");

    // Every coach logged in with a session of their own, and an API token of their own.
    AccessAdministration administration = app.getBean(AccessAdministration.class);
    ApiTokens tokens = app.getBean(ApiTokens.class);
    List<Coach> coaches = new ArrayList<>();
    for (ObservationLoad.Coach c : data.coaches().subList(0, COACHES)) {
      HttpClient session = ImportBenchmark.login(base, c.email(), ObservationLoad.PASSWORD);
      String page =
          session
              .send(
                  HttpRequest.newBuilder(
                          URI.create(pages + "/meetings/" + meetings.get(0).id() + "/observe"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher header = Pattern.compile("data-csrf-header=\"([^\"]+)\"").matcher(page);
      Matcher token = Pattern.compile("data-csrf-token=\"([^\"]+)\"").matcher(page);
      assertThat(header.find() && token.find()).as("CSRF token on the capture page").isTrue();
      String secret =
          tokens
              .create(administration.user(c.id()), new ClientId(data.clientId()), "benchmark", null)
              .secret();
      coaches.add(new Coach(session, header.group(1), token.group(1), secret));
    }
    EngagementBenchmark.progress(coaches.size() + " coaches logged in");

    report.append(
        "| capture load | requests | errors | retried | throughput | p50 | p95 | p99 | max"
            + " | JVM CPU per request |\n");
    report.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    String target = pages + "/observations";
    String apiTarget = api + "/observations";
    // One coach alone (the service time), all coaches at a brisk pace, all coaches flat out.
    for (int[] run : new int[][] {{1, 0}, {COACHES, THINK_MS}, {COACHES, 0}}) {
      List<Coach> active = coaches.subList(0, run[0]);
      int think = run[1];
      String how =
          run[0] == 1
              ? "1 coach, one request at a time"
              : think > 0
                  ? run[0] + " coaches, each every ~" + think + " ms"
                  : run[0] + " coaches flat out";
      Series page =
          load(
              "phone capture (session + CSRF), " + how,
              active,
              meetings,
              behaviours,
              think,
              c -> c.page(target));
      report.append(page.row()).append('\n');
      Series viaApi =
          load(
              "API capture (token), " + how,
              active,
              meetings,
              behaviours,
              think,
              c -> c.api(apiTarget));
      report.append(viaApi.row()).append('\n');
    }

    // Freshness: capture the busiest person, then read their profile at once.
    Meeting latest =
        jdbc.sql(
                "SELECT m.id FROM meeting m JOIN meeting_attendee a ON a.meeting_id = m.id"
                    + " WHERE m.engagement_id = :e AND a.person_id = :p"
                    + " ORDER BY m.held_on DESC FETCH FIRST 1 ROWS ONLY")
            .param("e", data.engagementId())
            .param("p", data.busyPerson())
            .query(UUID.class)
            .optional()
            .map(id -> new Meeting(id, List.of(data.busyPerson())))
            .orElseThrow();
    String profilePage = pages + "/people/" + data.busyPerson() + "/profile";
    String profileApi = api + "/people/" + data.busyPerson() + "/profile";
    report.append(
        String.format(
            "%nProfile of the busiest person (%,d observations at the start), right after a"
                + " capture of them:%n%n",
            data.busyPersonObservations()));
    report.append(
        "| profile read after capture | trials | shown at first GET | p50 | p95 | p99 | max |\n");
    report.append("|---|---:|---:|---:|---:|---:|---:|\n");
    Coach coach = coaches.get(0);
    report
        .append(
            fresh(
                "page " + "(GET …/people/{id}/profile)",
                coach,
                latest,
                behaviours,
                target,
                profilePage,
                false))
        .append('\n');
    report
        .append(
            fresh(
                "API (GET …/people/{id}/profile)",
                coach,
                latest,
                behaviours,
                apiTarget,
                profileApi,
                true))
        .append('\n');
  }

  static List<Meeting> recentMeetings(JdbcClient jdbc, UUID engagement, int days) {
    Map<UUID, List<UUID>> by = new java.util.LinkedHashMap<>();
    jdbc.sql(
            "SELECT m.id, a.person_id FROM meeting m JOIN meeting_attendee a ON a.meeting_id = m.id"
                + " WHERE m.engagement_id = :e AND a.person_id IS NOT NULL"
                + " AND m.held_on >= (SELECT max(held_on) FROM meeting WHERE engagement_id = :e)"
                + " - "
                + days
                + " ORDER BY m.held_on, m.id")
        .param("e", engagement)
        .query(
            rs -> {
              by.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(rs.getObject(2, UUID.class));
            });
    return by.entrySet().stream().map(e -> new Meeting(e.getKey(), e.getValue())).toList();
  }

  /** One coach: a session with its CSRF token, and an API token. */
  record Coach(HttpClient session, String csrfHeader, String csrfToken, String apiToken) {

    Endpoint page(String url) {
      return body -> {
        HttpRequest r =
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header(csrfHeader, csrfToken)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return session.send(r, HttpResponse.BodyHandlers.ofString());
      };
    }

    Endpoint api(String url) {
      HttpClient http = apiClient();
      return body -> {
        HttpRequest r =
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiToken)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(r, HttpResponse.BodyHandlers.ofString());
      };
    }

    private HttpClient apiClient() {
      return HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .cookieHandler(new CookieManager())
          .build();
    }

    HttpResponse<String> get(String url, boolean api) throws Exception {
      HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url));
      if (api) {
        r.header("Authorization", "Bearer " + apiToken).header("Accept", "application/json");
        return apiClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
      }
      return session.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  @FunctionalInterface
  interface Endpoint {
    HttpResponse<String> post(String body) throws Exception;
  }

  @FunctionalInterface
  interface Target {
    Endpoint of(Coach coach);
  }

  /** An observation draft as the capture screen sends it: fresh key, 1–4 behaviours. */
  static String draft(Meeting m, UUID person, List<UUID> behaviours, String note) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    List<UUID> shuffled = new ArrayList<>(behaviours);
    java.util.Collections.shuffle(shuffled, r);
    StringBuilder ratings = new StringBuilder();
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      ratings
          .append(i == 0 ? "" : ",")
          .append("{\"behaviourId\":\"")
          .append(shuffled.get(i))
          .append("\",\"rating\":")
          .append(1 + r.nextInt(5))
          .append('}');
    }
    return "{\"idempotencyKey\":\""
        + UUID.randomUUID()
        + "\",\"meetingId\":\""
        + m.id()
        + "\",\"personId\":\""
        + person
        + "\",\"ratings\":["
        + ratings
        + "],\"note\":"
        + (note == null ? "null" : "\"" + note + "\"")
        + ",\"brightSpot\":false}";
  }

  /**
   * Every coach on a thread of its own, all started at once, for {@code
   * orgcoach.bench.capture-seconds} (30 s) after a warm-up of 10 s; each submits, then waits an
   * exponential pause of mean {@code think} ms.
   */
  static Series load(
      String what,
      List<Coach> coaches,
      List<Meeting> meetings,
      List<UUID> behaviours,
      int think,
      Target target)
      throws Exception {
    ConcurrentLinkedQueue<Double> timings = new ConcurrentLinkedQueue<>();
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger retried = new AtomicInteger();
    ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
    CountDownLatch ready = new CountDownLatch(coaches.size());
    List<Thread> threads = new ArrayList<>();
    long warmUpNanos = 10_000_000_000L;
    long runNanos = SECONDS * 1_000_000_000L;
    for (Coach coach : coaches) {
      Endpoint endpoint = target.of(coach);
      Thread t =
          new Thread(
              () -> {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                ready.countDown();
                try {
                  ready.await();
                  long start = System.nanoTime();
                  while (System.nanoTime() - start < warmUpNanos + runNanos) {
                    Meeting m = meetings.get(r.nextInt(meetings.size()));
                    UUID person = m.people().get(r.nextInt(m.people().size()));
                    String body = draft(m, person, behaviours, null);
                    long s = System.nanoTime();
                    boolean timed = s - start >= warmUpNanos;
                    try {
                      HttpResponse<String> response;
                      try {
                        response = endpoint.post(body);
                      } catch (java.io.IOException dropped) {
                        // As the phone does: send the same draft (same key) once more. Tomcat
                        // closes a keep-alive connection after 100 requests, and a request
                        // sent on it just then gets no answer.
                        if (timed) {
                          retried.incrementAndGet();
                        }
                        response = endpoint.post(body);
                      }
                      double ms = (System.nanoTime() - s) / 1e6;
                      if (response.statusCode() != 201 && response.statusCode() != 200) {
                        errors.incrementAndGet();
                        if (firstErrors.size() < 5) {
                          firstErrors.add(response.statusCode() + " " + response.body());
                        }
                      } else if (timed) {
                        timings.add(ms);
                      }
                    } catch (Exception e) {
                      errors.incrementAndGet();
                      if (firstErrors.size() < 5) {
                        firstErrors.add(e.toString());
                      }
                    }
                    if (think > 0) {
                      Thread.sleep((long) (-Math.log(1 - r.nextDouble()) * think));
                    }
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      t.start();
      threads.add(t);
    }
    // The JVM's CPU time over the timed part: the app and the load generator (PostgreSQL apart).
    var os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    Thread.sleep(warmUpNanos / 1_000_000);
    long cpuStart = os.getProcessCpuTime();
    for (Thread t : threads) {
      t.join();
    }
    long cpu = os.getProcessCpuTime() - cpuStart;
    double[] ms = timings.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(ms);
    Series s =
        new Series(
            what,
            ms,
            errors.get(),
            retried.get(),
            SECONDS,
            ms.length == 0 ? 0 : cpu / 1e6 / ms.length);
    EngagementBenchmark.progress(
        s.row() + (firstErrors.isEmpty() ? "" : " errors: " + firstErrors));
    return s;
  }

  /**
   * {@code orgcoach.bench.trials} (200) times (after 20 untimed): capture the person with a note of
   * its own, then GET the profile until it shows that note (page) or the new id (API); the time
   * from the POST's response to that GET's response.
   */
  static String fresh(
      String what,
      Coach coach,
      Meeting m,
      List<UUID> behaviours,
      String postUrl,
      String profileUrl,
      boolean api)
      throws Exception {
    Endpoint post = api ? coach.api(postUrl) : coach.page(postUrl);
    int trials = TRIALS + 20;
    double[] ms = new double[TRIALS];
    int firstShown = 0;
    for (int i = 0; i < trials; i++) {
      String note = "bench-" + UUID.randomUUID();
      HttpResponse<String> created = post.post(draft(m, m.people().get(0), behaviours, note));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
      long after = System.nanoTime();
      boolean first = true;
      while (true) {
        HttpResponse<String> r = coach.get(profileUrl, api);
        assertThat(r.statusCode()).isEqualTo(200);
        if (r.body().contains(api ? id : note)) {
          if (i >= 20) {
            ms[i - 20] = (System.nanoTime() - after) / 1e6;
            firstShown += first ? 1 : 0;
          }
          break;
        }
        first = false;
        assertThat(System.nanoTime() - after).as("shown within 10 s").isLessThan(10_000_000_000L);
      }
    }
    Arrays.sort(ms);
    String row =
        String.format(
            "| %s | %d | %d of %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms |",
            what,
            TRIALS,
            firstShown,
            TRIALS,
            EngagementBenchmark.rank(ms, 0.50),
            EngagementBenchmark.rank(ms, 0.95),
            EngagementBenchmark.rank(ms, 0.99),
            ms[ms.length - 1]);
    EngagementBenchmark.progress(row);
    return row;
  }
}
