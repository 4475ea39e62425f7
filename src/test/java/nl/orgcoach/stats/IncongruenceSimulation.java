package nl.orgcoach.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The false-alarm study of the incongruence rule (not part of the suite: surefire runs only
 * *Test/*Tests/*Properties). Simulates clients of consistent and incongruent people ({@link
 * SimulatedClient}) under several effect sizes, count ranges and settings, and writes the flag
 * rates to target/benchmarks/incongruence-false-alarms.md (docs/incongruence-false-alarms.md
 * records them).
 *
 * <pre>mvn -o -q -B test -Dtest=IncongruenceSimulation -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class IncongruenceSimulation {

  static final int CONSISTENT = 2_000;
  static final int INCONGRUENT = 200;
  static final int BEHAVIOURS = 8;
  static final int AFFECTED = 3;

  record Scenario(String name, int minCount, int maxCount, double noise) {}

  record Rule(String name, IncongruenceSettings settings) {}

  record Run(Scenario scenario, Rule rule, double effect, int incongruent) {}

  @Test
  void run() throws IOException {
    IncongruenceSettings defaults = IncongruenceSettings.defaults();
    Rule posterior = new Rule("defaults (posterior 0.95, margin 0.20, repeat 2)", defaults);
    Rule exact =
        new Rule(
            "exact test + BH (FDR 0.05)",
            defaults.withMethod(IncongruenceSettings.Method.EXACT_TEST_FDR));
    Scenario dense = new Scenario("3–15 per constellation, noise 0.9", 3, 15, 0.9);
    Scenario sparse = new Scenario("0–8 per constellation, noise 0.9", 0, 8, 0.9);
    Scenario noisy = new Scenario("3–15 per constellation, noise 1.3", 3, 15, 1.3);
    List<Run> runs = new ArrayList<>();
    for (Scenario scenario : List.of(dense, sparse, noisy)) {
      for (Rule rule : scenario == sparse ? List.of(posterior) : List.of(posterior, exact)) {
        for (double effect : new double[] {1.0, 2.0, 3.0}) {
          runs.add(new Run(scenario, rule, effect, INCONGRUENT));
        }
      }
    }
    for (Rule rule :
        List.of(
            new Rule("margin 0.10", defaults.withMargin(0.10)),
            new Rule("probability 0.90", defaults.withMinProbability(0.90)),
            new Rule("no repetition", defaults.withRepetition(1, 1)))) {
      runs.add(new Run(dense, rule, 2.0, INCONGRUENT));
    }
    // Stress: a fifth of the people incongruent, which also moves the client's norm.
    for (Rule rule : List.of(posterior, exact)) {
      runs.add(new Run(dense, rule, 3.0, CONSISTENT / 4));
    }
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%d consistent people per run, %d behaviours each; incongruent people with %d"
                + " affected behaviours; seeds 1, 2, …; one run per line.%n%n",
            CONSISTENT,
            BEHAVIOURS,
            AFFECTED));
    out.append(
        "| counts, noise | rule | incongruent people | effect (points) | effect on the rate gap"
            + " | false alarms: people | false alarms: person × behaviour | power: people |"
            + " power: affected behaviours |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    long seed = 1;
    List<String> lines = new ArrayList<>();
    for (Run run : runs) {
      long started = System.nanoTime();
      SimulatedClient client =
          new SimulatedClient(
              CONSISTENT,
              run.incongruent(),
              BEHAVIOURS,
              AFFECTED,
              run.effect(),
              run.scenario().noise(),
              run.scenario().minCount(),
              run.scenario().maxCount(),
              seed++);
      SimulatedClient.Rates r = client.rates(run.rule().settings());
      String line =
          String.format(
              Locale.ROOT,
              "| %s | %s | %d | %.1f | %.2f | %.2f%% | %.2f%% | %.1f%% | %.1f%% |",
              run.scenario().name(),
              run.rule().name(),
              run.incongruent(),
              run.effect(),
              r.meanRateEffect(),
              100 * r.falseAlarmPeople(),
              100 * r.falseAlarmCells(),
              100 * r.powerPeople(),
              100 * r.powerCells());
      lines.add(line);
      System.out.println(
          line + String.format(" (%d ms)", (System.nanoTime() - started) / 1_000_000));
    }
    lines.forEach(l -> out.append(l).append('\n'));
    Path file = Path.of("target/benchmarks/incongruence-false-alarms.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, out);
  }
}
