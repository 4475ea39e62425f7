package nl.orgcoach.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.demo.OrganisationSpec;
import nl.orgcoach.support.Browser;
import nl.orgcoach.support.BrowserSettings;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rater submission benchmark of issue 5 (not part of the test suite: surefire only runs
 * *Test/*Tests): OrgCoach on a fresh PostgreSQL database and a real port, {@link RaterLoad} writing
 * 2,000 open rounds with 20,000 raters (4–6 behaviours each) at a generated 2,000-person client,
 * and a load script on loopback that answers through the rater links as a phone's browser does: GET
 * the link from the mail ({@code /f/{token}?lang=nl}, which sets the language cookie), then POST
 * the form with that cookie — every behaviour rated 1–5 or "not seen", some comments. No CSRF token
 * and no session are involved: the public link forms are exempt from CSRF and act for nobody
 * (SecurityConfiguration); the script checks that no session cookie is ever set.
 *
 * <p>Three phases. A closed-loop warm-up ({@code orgcoach.bench.warmup-s}, default 15 s, and at
 * least {@code orgcoach.bench.warmup-raters}, default 3,000, so that the JIT has compiled the path;
 * not counted). A closed-loop measurement ({@code orgcoach.bench.closed-s}, default 20 s; {@code
 * orgcoach.bench.concurrency}, default 32, raters at a time, each starting as soon as the one
 * before is done): what the server manages flat out, and the CPU time per rater of the server's
 * request threads, of the rest of the JVM (the load script) and of the PostgreSQL backends — a
 * figure that depends much less than latency on what else the machine is doing. Then the open-loop
 * measurement that decides the aim ({@code orgcoach.bench.seconds}, default 30 s): raters arrive at
 * a fixed rate ({@code orgcoach.bench.rate}, default 500 per second) whether or not earlier answers
 * are done, so a slow server shows up as latency instead of as fewer requests; past 4,000
 * unanswered requests the run stops and says OVERRUN. Each arrival is a different rater until the
 * fresh links run out; {@code orgcoach.bench.edits} (default 20%) of the arrivals change an answer
 * given before (the form is editable until the round closes). Latency runs from handing the request
 * to the HTTP client until its response was read (p50/p95/p99/max); every response that is not the
 * thanks page (or the form) counts as an error. The load script runs in the same JVM and on the
 * same cores as the server, so its own work is part of the figures. {@code
 * -Dorgcoach.bench.jfr=true} records a profile to target/rater.jfr.
 *
 * <p>The throttle of rater links allows 100 requests per IP address per 10 minutes in production
 * (FeedbackSettings); all of this load comes from 127.0.0.1, so this run alone raises {@code
 * orgcoach.feedback.submissions-per-ip} to 100,000,000. The per-link limit (20 per hour) stays as
 * it is. {@code -Dorgcoach.bench.get=false} posts without the GET before it.
 *
 * <p>It also weighs the phone's side: the bytes and requests of the answer page with everything it
 * loads, plain and gzipped; and (unless {@code -Dorgcoach.bench.phone=false}) answers one link in
 * headless Chromium emulating a phone on a "Fast 3G" network: load time, bytes transferred, taps,
 * time to send (Debian's chromium and chromium-driver, as for the browser tests). Results go to
 * standard output and target/benchmarks/rater-submissions.md; docs/benchmarks.md records them.
 * Rerun (PostgreSQL on 127.0.0.1:5432, user postgres, trust auth; the benchmark makes and drops its
 * own database):
 *
 * <pre>mvn -o -q -B test -Dtest=RaterSubmissionBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class RaterSubmissionBenchmark {

  static final OrganisationSpec ORGANISATION =
      new OrganisationSpec(
          "Welzijn Kennemerland",
          "welzijn-kennemerland.nl",
          OrganisationSpec.Sector.CARE,
          2_000,
          100,
          4,
          null,
          20261127L);

  static final int RATERS = Integer.getInteger("orgcoach.bench.raters", 20_000);
  static final int RATE = Integer.getInteger("orgcoach.bench.rate", 500);
  static final int WARM_UP_S = Integer.getInteger("orgcoach.bench.warmup-s", 15);
  static final int WARM_UP_RATERS = Integer.getInteger("orgcoach.bench.warmup-raters", 3_000);
  static final int SECONDS = Integer.getInteger("orgcoach.bench.seconds", 30);
  static final int CLOSED_S = Integer.getInteger("orgcoach.bench.closed-s", 20);
  static final int CONCURRENCY = Integer.getInteger("orgcoach.bench.concurrency", 32);
  static final int EDITS_PERCENT = Integer.getInteger("orgcoach.bench.edits", 20);
  static final boolean PHONE =
      Boolean.parseBoolean(System.getProperty("orgcoach.bench.phone", "true"));
  static final boolean GET_FIRST =
      Boolean.parseBoolean(System.getProperty("orgcoach.bench.get", "true"));

  /** Past this many unanswered requests the server is overrun: the run stops and says so. */
  static final int MAX_IN_FLIGHT = 4_000;

  static final String[] COMMENTS = {
    "Vraagt in het teamoverleg vaker door voordat er een besluit valt; dat merk ik echt.",
    "Soms nog snel met een oplossing, vooral als het druk is op de afdeling.",
    "Clear improvement since the last round: asks before advising.",
    "Geeft ruimte, maar pakt het gesprek terug zodra het stil valt."
  };

  /** Latencies of one kind of request, in ms, in arrival order. */
  static final class Series {
    final double[] ms;
    final AtomicInteger n = new AtomicInteger();

    Series(int capacity) {
      ms = new double[capacity];
    }

    void add(double value) {
      int i = n.getAndIncrement();
      if (i < ms.length) {
        ms[i] = value;
      }
    }

    double[] sorted() {
      double[] s = Arrays.copyOf(ms, Math.min(n.get(), ms.length));
      Arrays.sort(s);
      return s;
    }
  }

  record Figures(
      String kind,
      int arrivals,
      int firstAnswers,
      int edits,
      double seconds,
      double[] post,
      double[] get,
      int errors,
      boolean overrun,
      Cpu cpu) {}

  /**
   * CPU time spent in one phase, in ms: the server's request threads (Tomcat), the rest of this JVM
   * (above all the load script), and the PostgreSQL backends of the application's connections. It
   * depends much less than latency on what else the machine is doing (once the JIT is warm).
   */
  record Cpu(double serverMs, double otherJvmMs, double postgresMs) {

    double total() {
      return serverMs + otherJvmMs + postgresMs;
    }
  }

  /** Takes {@link Cpu} snapshots: per-thread CPU of this JVM, /proc of the PostgreSQL backends. */
  static final class CpuMeter {
    private final JdbcClient jdbc;
    private final java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();

    CpuMeter(JdbcClient jdbc) {
      this.jdbc = jdbc;
    }

    /** Nanoseconds so far: server threads, other threads, PostgreSQL backends. */
    double[] now() throws Exception {
      double server = 0;
      for (java.lang.management.ThreadInfo t :
          threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
        if (t != null && t.getThreadName().startsWith("http-nio")) {
          server += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
        }
      }
      double process =
          ((com.sun.management.OperatingSystemMXBean)
                  java.lang.management.ManagementFactory.getOperatingSystemMXBean())
              .getProcessCpuTime();
      double postgres = 0;
      for (Integer pid :
          jdbc.sql(
                  "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                      + " AND backend_type = 'client backend'")
              .query(Integer.class)
              .list()) {
        Path stat = Path.of("/proc", pid.toString(), "stat");
        if (Files.isReadable(stat)) {
          String[] f = Files.readString(stat).replaceAll("^.*\\) ", "").split(" ");
          // utime and stime (fields 14 and 15 of stat; 12 and 13 after the command) in ticks.
          postgres += (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000.0;
        }
      }
      return new double[] {server, process - server, postgres};
    }

    Cpu since(double[] before) throws Exception {
      double[] after = now();
      return new Cpu(
          (after[0] - before[0]) / 1e6, (after[1] - before[1]) / 1e6, (after[2] - before[2]) / 1e6);
    }
  }

  /** A rater on an emulated phone on a slow network, answering the form. */
  record Phone(
      String network,
      long firstLoadMs,
      long firstTransferBytes,
      int firstRequests,
      long againLoadMs,
      long againTransferBytes,
      int taps,
      long submitMs,
      String browser) {}

  record PageWeight(
      int requests,
      long bytes,
      long gzipBytes,
      int htmlBytes,
      int behaviours,
      List<String> parts) {}

  @Test
  void ratersAnswerThroughTheirLinks() throws Exception {
    String loadBefore = ImportBenchmark.loadAverage(null);
    Path dir = Files.createTempDirectory("orgcoach-bench");
    String report;
    try (BenchApp.Database db = BenchApp.Database.dropped()) {
      report = run(db, dir, loadBefore);
    } finally {
      org.springframework.util.FileSystemUtils.deleteRecursively(dir);
    }
    BenchApp.write("rater-submissions.md", report);
  }

  String run(BenchApp.Database db, Path dir, String loadBefore) throws Exception {
    ConfigurableApplicationContext app =
        BenchApp.start(
            db,
            dir.resolve("data"),
            // The load comes from one address: this run only lifts the per-address limit.
            BenchApp.admin("--orgcoach.feedback.submissions-per-ip=100000000"));
    try {
      AccessAdministration administration = app.getBean(AccessAdministration.class);
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      ClientId client = BenchApp.importOrganisation(app, ORGANISATION).clientId();
      List<RaterLoad.Link> links;
      long start = System.nanoTime();
      try (Connection c = app.getBean(DataSource.class).getConnection()) {
        links =
            RaterLoad.write(
                c,
                client.value(),
                new RaterLoad.Spec(
                    RATERS, 10, OffsetDateTime.now(ZoneOffset.UTC).plusDays(30), 20261127L));
      }
      long writeMs = (System.nanoTime() - start) / 1_000_000;
      EngagementBenchmark.progress(
          String.format("%,d raters written in %,d ms", links.size(), writeMs));
      String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");

      PageWeight weight = weigh(base, links.get(1));
      EngagementBenchmark.progress("answer page: " + weight);
      Phone phone = PHONE ? phone(base, links.get(2)) : null;
      EngagementBenchmark.progress("phone: " + phone);
      long sessionsBefore = sessions(jdbc);
      AtomicInteger sessionCookies = new AtomicInteger();
      jdk.jfr.Recording jfr = null;
      if (Boolean.getBoolean("orgcoach.bench.jfr")) {
        jfr = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        jfr.start();
      }
      List<Figures> figures = load(base, links, sessionCookies, new CpuMeter(jdbc));
      if (jfr != null) {
        Path file = Path.of(System.getProperty("orgcoach.build.dir", "target"), "rater.jfr");
        jfr.dump(file);
        jfr.close();
        EngagementBenchmark.progress("JFR recording in " + file);
      }
      long sessionsAfter = sessions(jdbc);
      int answered =
          jdbc.sql(
                  "SELECT count(*) FROM feedback_rater WHERE client_id = :c"
                      + " AND answered_at IS NOT NULL")
              .param("c", client.value())
              .query(Integer.class)
              .single();
      int answers = ImportBenchmark.count(jdbc, "feedback_answer", client);
      String load = loadBefore + " before, " + ImportBenchmark.loadAverage(null) + " after";
      return report(
          figures,
          sessionCookies.get(),
          phone,
          weight,
          load,
          links.size(),
          writeMs,
          answered,
          answers,
          sessionsAfter - sessionsBefore,
          app.getEnvironment().getProperty("spring.datasource.hikari.maximum-pool-size", "10"));
    } finally {
      app.close();
    }
  }

  /** The phone of {@link #phone}: 390×844, touch, a mobile user agent. */
  @BrowserSettings(
      mobile = true,
      width = BrowserSettings.PHONE_WIDTH,
      height = BrowserSettings.PHONE_HEIGHT,
      lang = "nl")
  private static void phoneSettings() {}

  /**
   * Answers one link in headless Chromium as a phone on Chrome DevTools' "Fast 3G" preset (562.5 ms
   * latency, 180 kB/s down, 84 kB/s up): how long the form takes to load (first visit, and again
   * with the browser's cache), how many taps answering takes, and how long sending takes. The
   * reading and thinking are the rater's; this is what the software adds to it.
   */
  static Phone phone(String base, RaterLoad.Link link) throws Exception {
    BrowserSettings settings =
        RaterSubmissionBenchmark.class
            .getDeclaredMethod("phoneSettings")
            .getAnnotation(BrowserSettings.class);
    Browser browser = Browser.launch(base, "rater-phone", settings);
    try {
      ChromeDriver driver = (ChromeDriver) browser.driver();
      driver.executeCdpCommand("Network.enable", Map.of());
      driver.executeCdpCommand(
          "Network.emulateNetworkConditions",
          Map.of(
              "offline",
              false,
              "latency",
              562.5,
              "downloadThroughput",
              180 * 1024,
              "uploadThroughput",
              84 * 1024));
      String path = "/f/" + link.token() + "?lang=" + link.language();
      long[] first = visit(browser, path);
      long[] again = visit(browser, path);
      int taps = 0;
      for (int p = 1; p <= link.behaviours(); p++) {
        tap(browser, browser.driver().findElement(By.cssSelector("label[for='b" + p + "-4']")));
        taps++;
      }
      WebElement send = browser.byTestId("feedback-submit");
      driver.executeScript(
          "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", send);
      long start = System.nanoTime();
      send.click();
      taps++;
      browser.byTestId("feedback-link-message");
      long submitMs = (System.nanoTime() - start) / 1_000_000;
      return new Phone(
          "Fast 3G: 562.5 ms latency, 180 kB/s down, 84 kB/s up",
          first[0],
          first[1],
          (int) first[2],
          again[0],
          again[1],
          taps,
          submitMs,
          "headless Chromium, 390×844 touch");
    } finally {
      browser.close();
    }
  }

  /** Scrolls an element into view as the rater's thumb does, and taps it. */
  static void tap(Browser browser, WebElement element) {
    ((ChromeDriver) browser.driver())
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
    element.click();
  }

  /** Opens the page and answers its load time (ms), bytes transferred and requests. */
  static long[] visit(Browser browser, String path) {
    browser.open(path);
    browser.byTestId("feedback-form");
    Object[] r =
        ((java.util.List<?>)
                ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript(
                        "const n = performance.getEntriesByType('navigation')[0];"
                            + " const rs = performance.getEntriesByType('resource');"
                            + " return [Math.round(n.loadEventEnd - n.startTime),"
                            + " n.transferSize + rs.reduce((a, e) => a + e.transferSize, 0),"
                            + " 1 + rs.length];"))
            .toArray();
    return new long[] {
      ((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue()
    };
  }

  static long sessions(JdbcClient jdbc) {
    return jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single();
  }

  /** The answer page as a phone loads it: the HTML and every stylesheet, script and image. */
  static PageWeight weigh(String base, RaterLoad.Link link) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<byte[]> page =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/f/" + link.token() + "?lang=nl")).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(page.statusCode()).isEqualTo(200);
    String html = new String(page.body(), StandardCharsets.UTF_8);
    Set<String> assets = new LinkedHashSet<>();
    Matcher m =
        Pattern.compile("<(?:link[^>]*href|script[^>]*src|img[^>]*src)=\"([^\"]+)\"").matcher(html);
    while (m.find()) {
      assets.add(m.group(1));
    }
    long bytes = page.body().length;
    long gzip = gzipped(page.body());
    List<String> parts = new ArrayList<>();
    parts.add(String.format("HTML %,d B", page.body().length));
    for (String asset : assets) {
      HttpResponse<byte[]> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + asset)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).as(asset).isEqualTo(200);
      bytes += r.body().length;
      gzip += gzipped(r.body());
      parts.add(
          String.format(
              "%s %,d B (Cache-Control: %s)",
              asset.replaceAll("\\?.*", ""),
              r.body().length,
              r.headers().firstValue("Cache-Control").orElse("none")));
    }
    return new PageWeight(
        1 + assets.size(), bytes, gzip, page.body().length, link.behaviours(), parts);
  }

  static long gzipped(byte[] body) throws java.io.IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(body);
    }
    return out.size();
  }

  /**
   * Which rater comes next: a fresh link while there are, else (and for {@code EDITS_PERCENT} of
   * the arrivals) one whose first answer is in, who changes it.
   */
  static final class Picker {
    final List<RaterLoad.Link> links;
    final List<Integer> answered = new ArrayList<>();
    final Random random = new Random(5);
    int fresh;

    Picker(List<RaterLoad.Link> links) {
      this.links = links;
    }

    /** The index of the next rater, negative (minus one more) for an edit. */
    synchronized int next() {
      boolean edit =
          !answered.isEmpty() && (fresh >= links.size() || random.nextInt(100) < EDITS_PERCENT);
      return edit ? -1 - answered.get(random.nextInt(answered.size())) : fresh++ % links.size();
    }

    synchronized void answered(int index) {
      answered.add(index);
    }

    synchronized String form(RaterLoad.Link link) {
      return RaterSubmissionBenchmark.form(link, random);
    }
  }

  /**
   * The load: a closed-loop warm-up ({@code WARM_UP_S} seconds, not counted); a closed-loop
   * measurement ({@code CLOSED_S} seconds, {@code CONCURRENCY} raters at a time: what the server
   * manages flat out); then the open-loop measurement ({@code SECONDS} at {@code RATE} raters per
   * second), which decides the aim.
   */
  static List<Figures> load(
      String base, List<RaterLoad.Link> links, AtomicInteger sessionCookies, CpuMeter cpu)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(pool)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    Picker picker = new Picker(links);
    List<Figures> figures = new ArrayList<>();
    try {
      Figures warm =
          closedLoop(http, base, picker, WARM_UP_S, WARM_UP_RATERS, sessionCookies, "warm-up");
      EngagementBenchmark.progress(
          String.format(
              "warm-up: %,d raters in %.0f s, %d errors",
              warm.arrivals(), warm.seconds(), warm.errors()));
      if (CLOSED_S > 0) {
        double[] before = cpu.now();
        Figures closed =
            closedLoop(
                http,
                base,
                picker,
                CLOSED_S,
                0,
                sessionCookies,
                "closed loop, " + CONCURRENCY + " raters at a time");
        Cpu used = cpu.since(before);
        figures.add(
            new Figures(
                closed.kind(),
                closed.arrivals(),
                closed.firstAnswers(),
                closed.edits(),
                closed.seconds(),
                closed.post(),
                closed.get(),
                closed.errors(),
                false,
                used));
      }
      if (SECONDS > 0) {
        figures.add(openLoop(http, base, picker, sessionCookies));
      }
    } finally {
      pool.shutdown();
    }
    return figures;
  }

  static Figures openLoop(HttpClient http, String base, Picker picker, AtomicInteger sessionCookies)
      throws Exception {
    int total = RATE * SECONDS;
    Series post = new Series(total);
    Series get = new Series(total);
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger inFlight = new AtomicInteger();
    int firstAnswers = 0;
    int edits = 0;
    boolean overrun = false;
    List<CompletableFuture<?>> flows = new ArrayList<>();
    long interval = 1_000_000_000L / RATE;
    long t0 = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long due = t0 + i * interval;
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      if (inFlight.get() > MAX_IN_FLIGHT) {
        overrun = true;
        EngagementBenchmark.progress("overrun: more than " + MAX_IN_FLIGHT + " requests waiting");
        break;
      }
      int next = picker.next();
      boolean edit = next < 0;
      int index = edit ? -1 - next : next;
      if (edit) {
        edits++;
      } else {
        firstAnswers++;
      }
      RaterLoad.Link link = picker.links.get(index);
      inFlight.incrementAndGet();
      flows.add(
          submit(http, base, link, picker.form(link), post, get, errors, sessionCookies)
              .whenComplete(
                  (x, e) -> {
                    inFlight.decrementAndGet();
                    if (!edit) {
                      picker.answered(index);
                    }
                  }));
      if (i > 0 && i % (RATE * 5) == 0) {
        EngagementBenchmark.progress(
            String.format(
                "%,d arrivals, %d in flight, %d errors", i, inFlight.get(), errors.get()));
      }
    }
    try {
      CompletableFuture.allOf(flows.toArray(CompletableFuture[]::new))
          .get(overrun ? 30 : 120, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      // Unanswered after that long: counted as errors.
      errors.addAndGet(inFlight.get());
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Figures(
        "open loop, " + RATE + " raters per second",
        flows.size(),
        firstAnswers,
        edits,
        seconds,
        post.sorted(),
        get.sorted(),
        errors.get(),
        overrun,
        null);
  }

  /** {@code CONCURRENCY} raters at a time, each answering as soon as the one before is done. */
  static Figures closedLoop(
      HttpClient http,
      String base,
      Picker picker,
      int seconds,
      int atLeast,
      AtomicInteger sessionCookies,
      String kind)
      throws Exception {
    int capacity = 2_000 * seconds;
    Series post = new Series(capacity);
    Series get = new Series(capacity);
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger firstAnswers = new AtomicInteger();
    AtomicInteger edits = new AtomicInteger();
    long t0 = System.nanoTime();
    long until = t0 + seconds * 1_000_000_000L;
    // At least {@code atLeast} raters (so that the JIT has compiled the path), at most 5 minutes.
    long cap = t0 + Math.max(seconds, 300) * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < CONCURRENCY; t++) {
      Thread thread =
          new Thread(
              () -> {
                while (System.nanoTime() < until
                    || (firstAnswers.get() + edits.get() < atLeast && System.nanoTime() < cap)) {
                  int next = picker.next();
                  int index = next < 0 ? -1 - next : next;
                  RaterLoad.Link link = picker.links.get(index);
                  submit(http, base, link, picker.form(link), post, get, errors, sessionCookies)
                      .join();
                  if (next >= 0) {
                    picker.answered(index);
                    firstAnswers.incrementAndGet();
                  } else {
                    edits.incrementAndGet();
                  }
                }
              });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return new Figures(
        kind,
        firstAnswers.get() + edits.get(),
        firstAnswers.get(),
        edits.get(),
        (System.nanoTime() - t0) / 1e9,
        post.sorted(),
        get.sorted(),
        errors.get(),
        false,
        null);
  }

  /** A rater's answer: each behaviour 1–5, one in eight "not seen", a comment now and then. */
  static String form(RaterLoad.Link link, Random random) {
    StringBuilder sb = new StringBuilder();
    for (int p = 1; p <= link.behaviours(); p++) {
      int choice = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(5);
      sb.append(p > 1 ? "&" : "").append("b").append(p).append('=').append(choice);
      String comment = random.nextInt(3) == 0 ? COMMENTS[random.nextInt(COMMENTS.length)] : "";
      sb.append("&c")
          .append(p)
          .append('=')
          .append(URLEncoder.encode(comment, StandardCharsets.UTF_8));
    }
    if (link.group().equals("MANAGER") && random.nextBoolean()) {
      sb.append("&named=1");
    }
    return sb.toString();
  }

  /** GET the form (with the mail's {@code ?lang=}), then POST the answer with the cookies set. */
  static CompletableFuture<?> submit(
      HttpClient http,
      String base,
      RaterLoad.Link link,
      String form,
      Series post,
      Series get,
      AtomicInteger errors,
      AtomicInteger sessionCookies) {
    String action = base + "/f/" + link.token();
    CompletableFuture<String> cookies;
    if (GET_FIRST) {
      long s = System.nanoTime();
      cookies =
          http.sendAsync(
                  HttpRequest.newBuilder(URI.create(action + "?lang=" + link.language())).build(),
                  HttpResponse.BodyHandlers.ofString())
              .thenApply(
                  r -> {
                    if (get != null) {
                      get.add((System.nanoTime() - s) / 1e6);
                    }
                    if (r.statusCode() != 200 || !r.body().contains("feedback-form")) {
                      errors.incrementAndGet();
                    }
                    return cookies(r, sessionCookies);
                  });
    } else {
      cookies = CompletableFuture.completedFuture("orgcoach-lang=" + link.language());
    }
    return cookies
        .thenCompose(
            cookie -> {
              HttpRequest.Builder request =
                  HttpRequest.newBuilder(URI.create(action))
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .header("Origin", base)
                      .POST(HttpRequest.BodyPublishers.ofString(form));
              if (!cookie.isEmpty()) {
                request.header("Cookie", cookie);
              }
              long s = System.nanoTime();
              return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                  .thenAccept(
                      r -> {
                        if (post != null) {
                          post.add((System.nanoTime() - s) / 1e6);
                        }
                        cookies(r, sessionCookies);
                        if (r.statusCode() != 200 || !r.body().contains("feedback-link-message")) {
                          errors.incrementAndGet();
                        }
                      });
            })
        .exceptionally(
            e -> {
              errors.incrementAndGet();
              return null;
            });
  }

  /** The cookies a response sets, as a Cookie header; counts any session cookie. */
  static String cookies(HttpResponse<?> r, AtomicInteger sessionCookies) {
    List<String> pairs = new ArrayList<>();
    for (String set : r.headers().allValues("Set-Cookie")) {
      String pair = set.split(";", 2)[0];
      if (pair.startsWith("SESSION=") || pair.startsWith("JSESSIONID=")) {
        sessionCookies.incrementAndGet();
      }
      pairs.add(pair);
    }
    return String.join("; ", pairs);
  }

  static String report(
      List<Figures> figures,
      int sessionCookies,
      Phone phone,
      PageWeight w,
      String load,
      int raters,
      long writeMs,
      int answered,
      int answers,
      long sessionsMade,
      String poolSize) {
    StringBuilder sb = new StringBuilder();
    sb.append(BenchApp.runOnWithHeap())
        .append(", connection pool ")
        .append(poolSize)
        .append("; load average (1, 5, 15 min) ")
        .append(load)
        .append(".\n\n");
    sb.append(
        String.format(
            "%,d raters in %,d open rounds of %s (%,d people) written in %,d ms (COPY)."
                + " Per-address limit raised to 100,000,000 for this run only. Each rater %s;"
                + " closed-loop warm-up of at least %d s and %,d raters not counted.%n%n",
            raters,
            raters / 10,
            ORGANISATION.name(),
            ORGANISATION.people(),
            writeMs,
            GET_FIRST ? "GETs the form, then POSTs the answer" : "POSTs the answer (no GET)",
            WARM_UP_S,
            WARM_UP_RATERS));
    sb.append("| load | request | n | per s | p50 | p95 | p99 | max | errors |\n");
    sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Figures f : figures) {
      String kind =
          String.format(
              "%s (%,d raters: %,d first answers, %,d edits; %.1f s)%s",
              f.kind(),
              f.arrivals(),
              f.firstAnswers(),
              f.edits(),
              f.seconds(),
              f.overrun() ? " — OVERRUN, stopped early" : "");
      row(sb, kind, "POST /f/{token}", f.post(), f.seconds(), f.errors());
      if (GET_FIRST) {
        row(sb, "", "GET /f/{token}?lang=", f.get(), f.seconds(), -1);
      }
    }
    for (Figures f : figures) {
      if (f.cpu() != null && f.arrivals() > 0) {
        Cpu c = f.cpu();
        double per = c.total() / f.arrivals();
        sb.append(
            String.format(
                "%nCPU per rater (%s): %.2f ms in the server's request threads, %.2f ms in the"
                    + " rest of the JVM (mostly the load script), %.2f ms in PostgreSQL; %.2f ms"
                    + " without the load script, so two idle cores could take about %.0f raters/s"
                    + " (%.0f requests/s) if nothing else ran.%n",
                f.kind(),
                c.serverMs() / f.arrivals(),
                c.otherJvmMs() / f.arrivals(),
                c.postgresMs() / f.arrivals(),
                (c.serverMs() + c.postgresMs()) / f.arrivals(),
                2000 / ((c.serverMs() + c.postgresMs()) / f.arrivals()),
                (GET_FIRST ? 2 : 1) * 2000 / ((c.serverMs() + c.postgresMs()) / f.arrivals())));
        EngagementBenchmark.progress(String.format("CPU per rater %.2f ms in all: %s", per, c));
      }
    }
    sb.append(
        String.format(
            "%nSession cookies set: %d; sessions stored during the load: %d. Raters with an"
                + " answer afterwards: %,d; answer rows: %,d.%n%n",
            sessionCookies, sessionsMade, answered, answers));
    sb.append(
        String.format(
            "Answer page (%d behaviours): %d requests, %,d bytes (%,d gzipped); %s.%n",
            w.behaviours(), w.requests(), w.bytes(), w.gzipBytes(), String.join("; ", w.parts())));
    if (phone != null) {
      sb.append(
          String.format(
              "%nOn a phone (%s; %s): first visit loaded in %,d ms (%d requests, %,d bytes"
                  + " transferred); opened again in %,d ms (%,d bytes transferred); %d taps"
                  + " (one per behaviour and Send); the answer was sent and thanked in %,d ms.%n",
              phone.browser(),
              phone.network(),
              phone.firstLoadMs(),
              phone.firstRequests(),
              phone.firstTransferBytes(),
              phone.againLoadMs(),
              phone.againTransferBytes(),
              phone.taps(),
              phone.submitMs()));
    }
    return sb.toString();
  }

  static void row(
      StringBuilder sb, String kind, String what, double[] ms, double seconds, int errors) {
    if (ms.length == 0) {
      sb.append(
          String.format(
              "| %s | %s | 0 | | | | | | %s |%n", kind, what, errors < 0 ? "" : "" + errors));
      return;
    }
    sb.append(
        String.format(
            "| %s | %s | %,d | %.0f | %.1f ms | %.1f ms | %.1f ms | %.0f ms | %s |%n",
            kind,
            what,
            ms.length,
            ms.length / seconds,
            EngagementBenchmark.rank(ms, 0.50),
            EngagementBenchmark.rank(ms, 0.95),
            EngagementBenchmark.rank(ms, 0.99),
            ms[ms.length - 1],
            errors < 0 ? "" : String.valueOf(errors)));
  }
}
