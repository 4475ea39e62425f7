package nl.orgcoach.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import nl.orgcoach.stats.Constellation;
import nl.orgcoach.stats.IncongruenceAnalysis;
import nl.orgcoach.stats.IncongruenceReport;
import nl.orgcoach.stats.IncongruenceSettings;
import nl.orgcoach.stats.ObservedRating;
import org.junit.jupiter.api.Test;

/**
 * The incongruence benchmark of issue 4 (compute only; not part of the suite): 300,000 observations
 * of 5,000 people, each observation coded on 1–4 of 12 behaviours (so about 750,000 ratings),
 * analysed in full by {@link IncongruenceAnalysis} — the recomputation a report of a large client
 * triggers. Warm-up runs, then the median and the range of timed runs; also the exact-test +
 * Benjamini–Hochberg method, and 300,000 ratings (one behaviour per observation). Results go to
 * standard output and target/benchmarks/incongruence.md; docs/benchmarks.md records them.
 *
 * <pre>mvn -o -q -B test -Dtest=IncongruenceBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class IncongruenceBenchmark {

  static final int PEOPLE = 5_000;
  static final int BEHAVIOURS = 12;
  static final int OBSERVATIONS = 300_000;
  static final double[] CONSTELLATION_EFFECT = {0.4, -0.3, 0.0, 0.2};
  static final Constellation[] KINDS = Constellation.values();

  /** 300,000 observations; each with 1–maxBehaviours behaviours rated. */
  static List<ObservedRating> observations(int maxBehaviours, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] level = new double[PEOPLE][BEHAVIOURS];
    for (double[] person : level) {
      double u = 0.4 * gaussian(random);
      for (int b = 0; b < BEHAVIOURS; b++) {
        person[b] = 3.2 + u + 0.4 * gaussian(random);
      }
    }
    List<ObservedRating> ratings = new ArrayList<>(OBSERVATIONS * (maxBehaviours + 1) / 2);
    LocalDate start = LocalDate.of(2025, 1, 1);
    int[] order = new int[BEHAVIOURS];
    for (int o = 0; o < OBSERVATIONS; o++) {
      int person = random.nextInt(PEOPLE);
      EnumSet<Constellation> present = EnumSet.noneOf(Constellation.class);
      for (Constellation c : KINDS) {
        if (random.nextDouble() < 0.35) {
          present.add(c);
        }
      }
      if (present.isEmpty()) {
        present.add(KINDS[random.nextInt(KINDS.length)]);
      }
      Constellation constellation = Constellation.dominant(present);
      LocalDate date = start.plusDays(random.nextInt(730));
      for (int i = 0; i < BEHAVIOURS; i++) {
        order[i] = i;
      }
      int coded = 1 + random.nextInt(maxBehaviours);
      for (int i = 0; i < coded; i++) {
        int j = i + random.nextInt(BEHAVIOURS - i);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
        int b = order[i];
        double latent = level[person][b] + CONSTELLATION_EFFECT[constellation.ordinal()];
        int rating = (int) Math.max(1, Math.min(5, Math.round(latent + 0.9 * gaussian(random))));
        ratings.add(new ObservedRating("p" + person, "b" + b, constellation, rating, date));
      }
    }
    return ratings;
  }

  static double gaussian(SplittableRandom random) {
    double u1 = 1 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Wall and CPU milliseconds per run (the analysis runs on the calling thread). */
  record Timing(long[] millis, long[] cpuMillis, IncongruenceReport report) {
    long cpuMedian() {
      long[] sorted = cpuMillis.clone();
      Arrays.sort(sorted);
      return sorted[sorted.length / 2];
    }

    long median() {
      long[] sorted = millis.clone();
      Arrays.sort(sorted);
      return sorted[sorted.length / 2];
    }

    long min() {
      return Arrays.stream(millis).min().orElseThrow();
    }

    long max() {
      return Arrays.stream(millis).max().orElseThrow();
    }
  }

  static Timing time(List<ObservedRating> ratings, IncongruenceSettings settings, int runs) {
    for (int i = 0; i < 3; i++) {
      IncongruenceAnalysis.analyse(ratings, settings);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] millis = new long[runs];
    long[] cpuMillis = new long[runs];
    IncongruenceReport report = null;
    for (int i = 0; i < runs; i++) {
      long cpuStarted = threads.getCurrentThreadCpuTime();
      long started = System.nanoTime();
      report = IncongruenceAnalysis.analyse(ratings, settings);
      millis[i] = (System.nanoTime() - started) / 1_000_000;
      cpuMillis[i] = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000;
    }
    return new Timing(millis, cpuMillis, report);
  }

  @Test
  void run() throws IOException {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%d cores, Java %s, max heap %d MB, load average %.1f at start%n%n",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            Runtime.getRuntime().maxMemory() / (1 << 20),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    out.append(
        "| input | method | ratings | findings | compared | flagged | wall median | wall min–max"
            + " | CPU median |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    List<ObservedRating> coded = observations(4, 42);
    List<ObservedRating> single = observations(1, 43);
    IncongruenceSettings posterior = IncongruenceSettings.defaults();
    IncongruenceSettings exact = posterior.withMethod(IncongruenceSettings.Method.EXACT_TEST_FDR);
    row(
        out,
        "300,000 observations × 1–4 behaviours",
        "posterior (default)",
        coded,
        time(coded, posterior, 9));
    row(
        out,
        "300,000 observations × 1 behaviour",
        "posterior (default)",
        single,
        time(single, posterior, 9));
    row(
        out,
        "300,000 observations × 1–4 behaviours",
        "exact test + BH",
        coded,
        time(coded, exact, 3));
    System.out.print(out);
    Path file = Path.of("target/benchmarks/incongruence.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, out);
  }

  private static void row(
      StringBuilder out, String input, String method, List<ObservedRating> ratings, Timing t) {
    long compared = t.report().findings().stream().filter(f -> f.test() != null).count();
    out.append(
        String.format(
            Locale.ROOT,
            "| %s | %s | %,d | %,d | %,d | %,d | %,d ms | %,d–%,d ms | %,d ms |%n",
            input,
            method,
            ratings.size(),
            t.report().findings().size(),
            compared,
            t.report().flagged().size(),
            t.median(),
            t.min(),
            t.max(),
            t.cpuMedian()));
  }
}
