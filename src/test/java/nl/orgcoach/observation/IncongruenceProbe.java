package nl.orgcoach.observation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.stats.IncongruenceSettings;
import org.springframework.context.ApplicationContext;

/**
 * A full recomputation of an engagement's incongruence analysis through {@link
 * IncongruenceService}, for benchmarks outside this package: the service is package-private, and
 * its recomputation skips the cache and the user check on purpose.
 */
public final class IncongruenceProbe {

  private IncongruenceProbe() {}

  /**
   * One recomputation and what it found.
   *
   * @param durationMs loading plus computing, as the service measured it
   * @param loadMs reading the ratings (the query, streamed)
   * @param analysisMs the analysis
   * @param flaggedPeople the people with at least one flag
   * @param cpuMs CPU time of the calling thread (the mapping and the analysis; not the database's
   *     work, nor waiting for a core on a busy machine)
   */
  public record Recomputation(
      long durationMs,
      long loadMs,
      long analysisMs,
      int ratings,
      int people,
      Map<String, Integer> outcomes,
      List<UUID> flaggedPeople,
      long cpuMs) {}

  public static Recomputation recompute(
      ApplicationContext app, ClientScope scope, UUID engagementId) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    IncongruenceService.Analysis a =
        app.getBean(IncongruenceService.class)
            .recompute(scope, engagementId, IncongruenceSettings.defaults());
    cpu = threads.getCurrentThreadCpuTime() - cpu;
    Map<String, Integer> outcomes = new LinkedHashMap<>();
    a.outcomes().forEach((o, n) -> outcomes.put(o.name(), n));
    return new Recomputation(
        a.durationMs(),
        a.loadMs(),
        a.analysisMs(),
        a.ratings(),
        a.people(),
        outcomes,
        a.flagged().stream().map(IncongruenceView.Flag::personId).distinct().toList(),
        cpu / 1_000_000);
  }

  /** The query that reads the ratings (two parameters: the client's id and the engagement's). */
  public static String ratingsQuery() {
    return IncongruenceInput.RATINGS;
  }

  /** The work_mem the service sets for its query on PostgreSQL. */
  public static String workMem() {
    return IncongruenceInput.WORK_MEM;
  }

  /** The fingerprint query alone, in microseconds. */
  public static long fingerprintMicros(
      ApplicationContext app, ClientScope scope, UUID engagementId) {
    long start = System.nanoTime();
    app.getBean(IncongruenceInput.class).fingerprint(scope, engagementId);
    return (System.nanoTime() - start) / 1_000;
  }
}
