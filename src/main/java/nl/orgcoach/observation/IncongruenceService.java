package nl.orgcoach.observation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.engagement.EngagementLookup.EngagementRef;
import nl.orgcoach.platform.KeptByFingerprint;
import nl.orgcoach.stats.IncongruenceAnalysis;
import nl.orgcoach.stats.IncongruenceFinding;
import nl.orgcoach.stats.IncongruenceFinding.Outcome;
import nl.orgcoach.stats.IncongruenceReport;
import nl.orgcoach.stats.IncongruenceSettings;
import nl.orgcoach.stats.ObservedRating;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The incongruence analysis of an engagement (METHODS.md §4, issue 4): all its stored ratings run
 * through {@link IncongruenceAnalysis}, for the engagement's coaches only ({@link
 * ObservationAccess#observe}).
 *
 * <p>How results are kept: computed on demand and cached in memory per engagement × settings,
 * together with the {@link IncongruenceInput.Fingerprint} of the input it was computed from (the
 * count and latest recording of the engagement's observations). Every request reads the fingerprint
 * (one aggregate over an index) and recomputes only when it changed: a new observation shows in the
 * next request, on any application node, with nothing to invalidate by hand and no shared state
 * between nodes (each node keeps its own small cache). The cache holds only what is shown — the
 * flagged findings and the count per outcome — for at most {@link #CACHE_SIZE} analyses; the full
 * report of a large engagement (60,000 findings) is dropped after counting. Names are looked up per
 * request, so a renamed person shows the new name. Every analysis says when it was computed and how
 * long loading and computing took.
 */
@Service
class IncongruenceService {

  /** Analyses kept (engagement × settings), least recently used dropped first. */
  static final int CACHE_SIZE = 16;

  /** The level of the credible intervals shown. */
  static final double LEVEL = 0.95;

  private final IncongruenceInput input;
  private final ObservationAccess access;
  private final Behaviours behaviours;
  private final TransactionTemplate readTx;
  private final Clock clock = Clock.systemUTC();

  private final KeptByFingerprint<Key, IncongruenceInput.Fingerprint, Analysis> cache =
      new KeptByFingerprint<>(CACHE_SIZE);

  IncongruenceService(
      IncongruenceInput input,
      ObservationAccess access,
      Behaviours behaviours,
      PlatformTransactionManager transactions) {
    this.input = input;
    this.access = access;
    this.behaviours = behaviours;
    this.readTx = new TransactionTemplate(transactions);
    this.readTx.setReadOnly(true);
  }

  private record Key(UUID client, UUID engagement, IncongruenceSettings settings) {}

  /**
   * One analysis as kept: the flagged findings with their evidence (without names) and the number
   * of person × behaviour findings per outcome.
   */
  record Analysis(
      IncongruenceSettings settings,
      IncongruenceInput.Fingerprint fingerprint,
      OffsetDateTime computedAt,
      long durationMs,
      long loadMs,
      long analysisMs,
      int ratings,
      int people,
      Map<Outcome, Integer> outcomes,
      List<IncongruenceView.Flag> flagged) {

    int findings() {
      return outcomes.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /**
   * The analysis for the user, from the cache if its input did not change.
   *
   * @throws nl.orgcoach.platform.UserError if a parameter is out of bounds (after the access check,
   *     so a refused caller learns nothing from the parameters)
   */
  IncongruenceView report(
      ClientScope scope,
      UserAccount me,
      UUID engagementId,
      IncongruenceParameters parameters,
      Locale locale) {
    EngagementRef e = access.observe(scope, me, engagementId);
    IncongruenceSettings settings =
        (parameters == null ? IncongruenceParameters.NONE : parameters).settings();
    Key key = new Key(scope.id(), e.id(), settings);
    KeptByFingerprint.Got<Analysis> got =
        cache.get(
            key,
            () -> input.fingerprint(scope, e.id()),
            known -> {
              Analysis made = recompute(scope, e.id(), settings);
              return new KeptByFingerprint.Entry<>(made.fingerprint(), made);
            });
    return view(scope, e, got.value(), got.kept(), locale);
  }

  /**
   * A full recomputation from the database, without the cache and without a user check (for the
   * cache above and for benchmarks). The fingerprint is read before the ratings: an observation
   * saved in between is then in the result but not in its fingerprint, which costs one needless
   * recomputation later, never a stale result.
   */
  Analysis recompute(ClientScope scope, UUID engagementId, IncongruenceSettings settings) {
    return readTx.execute(
        s -> {
          long start = System.nanoTime();
          IncongruenceInput.Fingerprint fingerprint = input.fingerprint(scope, engagementId);
          List<ObservedRating> ratings = input.ratings(scope, engagementId);
          long loaded = System.nanoTime();
          IncongruenceReport report = IncongruenceAnalysis.analyse(ratings, settings);
          Map<Outcome, Integer> outcomes = new LinkedHashMap<>();
          for (Outcome o : Outcome.values()) {
            outcomes.put(o, 0);
          }
          int persons = 0;
          String last = null;
          List<IncongruenceView.Flag> flagged = new ArrayList<>();
          for (IncongruenceFinding f : report.findings()) {
            outcomes.merge(f.outcome(), 1, Integer::sum);
            if (!f.person().equals(last)) {
              persons++;
              last = f.person();
            }
            if (f.flagged()) {
              flagged.add(IncongruenceView.Flag.of(scope, engagementId, f, LEVEL));
            }
          }
          // the evidence's intervals (root searches) are part of the computation
          long done = System.nanoTime();
          return new Analysis(
              settings,
              fingerprint,
              OffsetDateTime.now(clock),
              (done - start) / 1_000_000,
              (loaded - start) / 1_000_000,
              (done - loaded) / 1_000_000,
              report.ratings(),
              persons,
              Collections.unmodifiableMap(outcomes),
              List.copyOf(flagged));
        });
  }

  private IncongruenceView view(
      ClientScope scope, EngagementRef e, Analysis a, boolean cached, Locale locale) {
    Map<UUID, Behaviour> framework = new HashMap<>();
    behaviours.of(scope, e.id()).forEach(b -> framework.put(b.id(), b));
    Map<UUID, String> names =
        input.names(
            scope,
            a.flagged().stream().map(IncongruenceView.Flag::personId).collect(Collectors.toSet()));
    List<IncongruenceView.Flag> flags = new ArrayList<>();
    for (IncongruenceView.Flag f : a.flagged()) {
      Behaviour b = framework.get(f.behaviourId());
      flags.add(
          f.named(
              names.getOrDefault(f.personId(), "?"),
              b == null ? "?" : b.name(locale),
              b == null ? Integer.MAX_VALUE : b.sortOrder()));
    }
    flags.sort(
        Comparator.comparing(IncongruenceView.Flag::personName)
            .thenComparing(IncongruenceView.Flag::personId)
            .thenComparingInt(IncongruenceView.Flag::sortOrder));
    Map<String, Integer> outcomes = new LinkedHashMap<>();
    a.outcomes().forEach((o, n) -> outcomes.put(o.name(), n));
    return new IncongruenceView(
        e.id(),
        e.title(),
        a.settings().rule(),
        a.computedAt(),
        a.durationMs(),
        a.loadMs(),
        a.analysisMs(),
        cached,
        a.ratings(),
        a.people(),
        a.findings(),
        outcomes,
        LEVEL,
        flags);
  }
}
