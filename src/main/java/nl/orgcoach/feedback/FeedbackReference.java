package nl.orgcoach.feedback;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.stats.AnonymityRule;
import nl.orgcoach.stats.RaterAgreement;
import nl.orgcoach.stats.ReliableChange;
import nl.orgcoach.stats.SelfOtherAgreement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reference sample of a client's feedback results (METHODS.md §1 and §3), from its own closed
 * rounds once at least {@code orgcoach.feedback.reference-minimum-ratees} ratees are in it, else
 * the configured placeholders of {@link FeedbackSettings}.
 *
 * <ul>
 *   <li><b>Self–other norm</b>: for every ratee and every framework or agreement behaviour, the
 *       ratee's most recent closed round on it where the ratee rated themself and "all others" was
 *       shown; D = self − mean of all others. n (of {@link SelfOtherAgreement.ReferenceSample}) is
 *       the number of these ratee × behaviour pairs, because each placement is of one behaviour's
 *       D; the minimum counts distinct ratees.
 *   <li><b>Reliable change</b>: every ratee's first closed round with at least one behaviour whose
 *       "all others" was shown; one group per such behaviour, holding the others' ratings. s₁ is
 *       the SD (n − 1) of the group means, r is ICC(2) = (MSB − MSW)/MSB of the one-way ANOVA of
 *       the ratings on group (Bliese 2000); groups differ in size, so k is k0 (ICC(2) itself does
 *       not depend on k; k0 enters ICC(1), reported beside it).
 * </ul>
 *
 * <p>"Shown" is decided by {@link FeedbackAnonymity#decide} itself, run over each ratee's closed
 * rounds in the order the results page runs them (against the groups of the earlier rounds), so the
 * sample never holds a group that the person's own results would hide. Only aggregates leave this
 * class.
 *
 * <p>How it is kept: one statement reads the client's fingerprint (how many rounds are closed and
 * the latest close), one streams the rated answers of the closed rounds; the result is cached per
 * client in this node's memory with that fingerprint, and recomputed when it changes. Answers of a
 * closed round never change and rounds are never deleted, so a newly closed round (by a person, the
 * scheduler, or its close date passing) changes the count; nothing has to be invalidated.
 */
@Service
class FeedbackReference {

  /** Clients whose reference is kept, least recently used dropped first. */
  static final int CACHE_SIZE = 64;

  enum Source {
    /** Estimated from this client's own closed rounds. */
    CLIENT,
    /** The configured values of {@link FeedbackSettings}: too few ratees, or no usable estimate. */
    PLACEHOLDER
  }

  /** What the cache compares: closed rounds of the client and the latest close among them. */
  record Fingerprint(long closedRounds, OffsetDateTime latestClose) {}

  /**
   * The reference of reliable change.
   *
   * @param sampleSize ratees with a first closed round that showed "all others" somewhere
   * @param groups ratee × behaviour groups of those rounds (null for the placeholder without data)
   * @param k0 the adjusted mean group size (ICC(1) only), null when not estimated
   * @param icc1 ICC(1) with k0, for the record, null when not estimated
   * @param usable whether the client's figures could be used (false also when too few ratees)
   */
  record Change(
      Source source,
      ReliableChange.Reference reference,
      int sampleSize,
      int minimumSampleSize,
      LocalDate through,
      Integer groups,
      Double k0,
      Double icc1,
      boolean usable) {}

  /**
   * The self–other norm.
   *
   * @param sampleSize distinct ratees in the client's sample
   */
  record Norm(
      Source source,
      SelfOtherAgreement.ReferenceSample sample,
      int sampleSize,
      int minimumSampleSize,
      LocalDate through) {}

  record Reference(Change change, Norm norm) {}

  /**
   * One rated answer of a closed round, in the order of {@link #ANSWERS}: by ratee, their rounds
   * oldest first, behaviours by position, raters by id. {@code identity} is the framework behaviour
   * or agreement the behaviour stands for (null: free text).
   */
  record Row(
      UUID ratee,
      UUID round,
      UUID behaviour,
      String text,
      UUID identity,
      String respondent,
      RaterGroup group,
      boolean named,
      int rating) {}

  /**
   * What the rounds give, before it is summarised: the self–other pairs and the groups of the first
   * rounds, with how many distinct ratees are behind each.
   */
  record Sample(
      List<SelfOtherAgreement.Ratings> pairs,
      int normRatees,
      List<double[]> firstRoundGroups,
      int changeRatees) {}

  private static final String FINGERPRINT =
      """
      SELECT COUNT(*) AS closed_rounds, MAX(COALESCE(closed_at, closes_at)) AS latest_close
      FROM feedback_round
      WHERE client_id = :client AND (closed_at IS NOT NULL OR closes_at <= :now)
      """;

  /**
   * The rated answers of the client's closed rounds ("not seen" is no rating and changes no
   * decision; behaviours nobody rated change none either). Rounds in the order the results page
   * takes a person's history: created_at, then id descending.
   */
  private static final String ANSWERS =
      """
      SELECT f.ratee_person_id, f.id AS round_id, b.id AS behaviour_id, b.text,
             COALESCE(b.framework_behaviour_id, b.reference_id) AS identity,
             r.person_id, r.email, r.rater_group, r.named, a.rating
      FROM feedback_round f
      JOIN feedback_behaviour b ON b.round_id = f.id AND b.client_id = f.client_id
      JOIN feedback_answer a ON a.behaviour_id = b.id AND a.client_id = b.client_id
      JOIN feedback_rater r ON r.id = a.rater_id AND r.client_id = a.client_id
      WHERE f.client_id = :client AND (f.closed_at IS NOT NULL OR f.closes_at <= :now)
        AND r.answered_at IS NOT NULL AND a.rating IS NOT NULL
      ORDER BY f.ratee_person_id, f.created_at, f.id DESC, b.position, a.rater_id
      """;

  /**
   * Rows fetched per round trip: PostgreSQL streams a result only inside a transaction and with a
   * fetch size; without one the driver would hold every answer of a large client at once.
   */
  static final int FETCH_SIZE = 10_000;

  private final JdbcClient jdbc;
  private final JdbcClient streaming;
  private final FeedbackAnonymity anonymity;
  private final FeedbackSettings settings;
  private final TransactionTemplate readTx;

  private record Kept(Fingerprint fingerprint, Reference reference) {}

  private final Map<UUID, Kept> cache =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Kept> eldest) {
              return size() > CACHE_SIZE;
            }
          });

  /** One lock per client, so that requests arriving together compute it once. */
  private final Map<UUID, Object> computing = new ConcurrentHashMap<>();

  FeedbackReference(
      JdbcClient jdbc,
      javax.sql.DataSource dataSource,
      FeedbackAnonymity anonymity,
      FeedbackSettings settings,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    var template = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    template.setFetchSize(FETCH_SIZE);
    this.streaming = JdbcClient.create(template);
    this.anonymity = anonymity;
    this.settings = settings;
    this.readTx = new TransactionTemplate(transactions);
    this.readTx.setReadOnly(true);
  }

  /** The client's reference as of {@code now}, from the cache when no round closed since. */
  Reference of(ClientScope scope, OffsetDateTime now) {
    Fingerprint current = fingerprint(scope, now);
    Kept kept = cache.get(scope.id());
    if (kept != null && kept.fingerprint().equals(current)) {
      return kept.reference();
    }
    synchronized (computing.computeIfAbsent(scope.id(), k -> new Object())) {
      current = fingerprint(scope, now);
      kept = cache.get(scope.id());
      if (kept == null || !kept.fingerprint().equals(current)) {
        kept = recompute(scope, now);
        cache.put(scope.id(), kept);
      }
      return kept.reference();
    }
  }

  Fingerprint fingerprint(ClientScope scope, OffsetDateTime now) {
    return jdbc.sql(FINGERPRINT)
        .param("client", scope.id())
        .param("now", now)
        .query(
            (rs, n) ->
                new Fingerprint(
                    rs.getLong("closed_rounds"),
                    rs.getObject("latest_close", OffsetDateTime.class)))
        .single();
  }

  /**
   * Reads and summarises the client's closed rounds, without the cache. The fingerprint is read
   * first: a round closing in between is in the result but not its fingerprint, which costs one
   * needless recomputation, never a stale answer.
   */
  private Kept recompute(ClientScope scope, OffsetDateTime now) {
    return readTx.execute(
        s -> {
          Fingerprint fingerprint = fingerprint(scope, now);
          Sampler sampler = new Sampler(anonymity);
          streaming
              .sql(ANSWERS)
              .param("client", scope.id())
              .param("now", now)
              .query(
                  rs -> {
                    UUID person = rs.getObject("person_id", UUID.class);
                    sampler.accept(
                        new Row(
                            rs.getObject("ratee_person_id", UUID.class),
                            rs.getObject("round_id", UUID.class),
                            rs.getObject("behaviour_id", UUID.class),
                            rs.getString("text"),
                            rs.getObject("identity", UUID.class),
                            person != null ? person.toString() : rs.getString("email"),
                            RaterGroup.valueOf(rs.getString("rater_group")),
                            rs.getBoolean("named"),
                            rs.getInt("rating")));
                  });
          LocalDate through =
              fingerprint.latestClose() == null
                  ? null
                  : fingerprint.latestClose().atZoneSameInstant(FeedbackService.ZONE).toLocalDate();
          return new Kept(fingerprint, estimate(sampler.finish(), settings, through));
        });
  }

  /** The reference that the sample gives, or the placeholders where it gives none. */
  static Reference estimate(Sample sample, FeedbackSettings settings, LocalDate through) {
    int minimum = settings.referenceMinimumRatees();
    var placeholderNorm =
        new SelfOtherAgreement.ReferenceSample(
            settings.soaNormSize(),
            settings.soaNormMeanDifference(),
            settings.soaNormSdDifference(),
            settings.soaNormMeanOthers());
    Norm norm =
        sample.normRatees() >= minimum
            ? new Norm(
                Source.CLIENT,
                SelfOtherAgreement.ReferenceSample.of(sample.pairs()),
                sample.normRatees(),
                minimum,
                through)
            : new Norm(Source.PLACEHOLDER, placeholderNorm, sample.normRatees(), minimum, through);

    var placeholderChange =
        new ReliableChange.Reference(settings.changeSd(), settings.changeReliability());
    Change change =
        new Change(
            Source.PLACEHOLDER,
            placeholderChange,
            sample.changeRatees(),
            minimum,
            through,
            null,
            null,
            null,
            false);
    if (sample.changeRatees() >= minimum) {
      Estimate e = changeEstimate(sample.firstRoundGroups());
      if (e.reference() != null) {
        change =
            new Change(
                Source.CLIENT,
                e.reference(),
                sample.changeRatees(),
                minimum,
                through,
                e.groups(),
                e.icc().k(),
                e.icc().icc1(),
                true);
      } else {
        change =
            new Change(
                Source.PLACEHOLDER,
                placeholderChange,
                sample.changeRatees(),
                minimum,
                through,
                e.groups(),
                e.icc() == null ? null : e.icc().k(),
                e.icc() == null ? null : e.icc().icc1(),
                false);
      }
    }
    return new Reference(change, norm);
  }

  /**
   * s₁ and r of groups of others' ratings (one group per ratee × behaviour).
   *
   * @param reference null when they give none: fewer than two groups, no spread between group
   *     means, or an ICC(2) outside [0, 1) (raters who agree perfectly, or less than chance)
   * @param icc the ANOVA, null when there is none
   */
  record Estimate(
      int groups, double sd, RaterAgreement.Icc icc, ReliableChange.Reference reference) {}

  static Estimate changeEstimate(List<double[]> groups) {
    double[] means = new double[groups.size()];
    for (int i = 0; i < means.length; i++) {
      double sum = 0;
      for (double y : groups.get(i)) {
        sum += y;
      }
      means[i] = sum / groups.get(i).length;
    }
    double sd = sd(means);
    RaterAgreement.Icc icc =
        RaterAgreement.icc(groups, RaterAgreement.GroupSize.ADJUSTED_K0)
                instanceof RaterAgreement.Icc i
            ? i
            : null;
    ReliableChange.Reference reference =
        icc != null
                && Double.isFinite(sd)
                && sd > 0
                && icc.icc2() >= 0
                && icc.icc2() < 1
                && Double.isFinite(icc.icc2())
            ? new ReliableChange.Reference(sd, icc.icc2())
            : null;
    return new Estimate(groups.size(), sd, icc, reference);
  }

  private static double sd(double[] values) {
    if (values.length < 2) {
      return Double.NaN;
    }
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= values.length;
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    return Math.sqrt(ss / (values.length - 1));
  }

  /**
   * The sentence about the source, in English (for the API): the client's count of ratees and the
   * date of the latest close, or why the placeholder is used (with the count, of the minimum).
   */
  static String basis(Source source, int sampleSize, int minimum, LocalDate through) {
    if (source == Source.CLIENT) {
      return "from this client's " + sampleSize + " ratees, rounds closed up to " + through;
    }
    if (sampleSize >= minimum) {
      return "placeholder (this client's "
          + sampleSize
          + " ratees give no usable estimate: no spread between ratees, or an ICC(2) outside"
          + " [0, 1))";
    }
    return "placeholder (this client has " + sampleSize + " of the " + minimum + " ratees needed)";
  }

  /**
   * Runs each ratee's closed rounds through {@link FeedbackAnonymity#decide} as the results page
   * does, and keeps what the reference needs: rows must come ratee by ratee, rounds oldest first.
   */
  static final class Sampler {

    private final FeedbackAnonymity anonymity;
    private final List<Row> current = new ArrayList<>();
    private final List<SelfOtherAgreement.Ratings> pairs = new ArrayList<>();
    private final List<double[]> firstRoundGroups = new ArrayList<>();
    private final Set<UUID> done = new HashSet<>();
    private int normRatees;
    private int changeRatees;

    Sampler(FeedbackAnonymity anonymity) {
      this.anonymity = anonymity;
    }

    void accept(Row row) {
      if (!current.isEmpty() && !current.get(0).ratee().equals(row.ratee())) {
        flush();
      }
      current.add(row);
    }

    Sample finish() {
      flush();
      return new Sample(
          List.copyOf(pairs), normRatees, List.copyOf(firstRoundGroups), changeRatees);
    }

    private void flush() {
      if (current.isEmpty()) {
        return;
      }
      UUID ratee = current.get(0).ratee();
      if (!done.add(ratee)) {
        throw new IllegalStateException("rows of a ratee must come together: " + ratee);
      }
      // round → behaviour → rows, in the order given
      Map<UUID, Map<UUID, List<Row>>> rounds = new LinkedHashMap<>();
      for (Row r : current) {
        rounds
            .computeIfAbsent(r.round(), k -> new LinkedHashMap<>())
            .computeIfAbsent(r.behaviour(), k -> new ArrayList<>())
            .add(r);
      }
      current.clear();
      Map<String, List<AnonymityRule.Group<String>>> visible = new LinkedHashMap<>();
      Map<UUID, SelfOtherAgreement.Ratings> latest = new LinkedHashMap<>();
      List<double[]> first = null;
      for (Map<UUID, List<Row>> behaviours : rounds.values()) {
        List<double[]> shownHere = new ArrayList<>();
        for (List<Row> rows : behaviours.values()) {
          Row b = rows.get(0);
          String key = b.text().strip().toLowerCase(Locale.ROOT);
          List<FeedbackAnonymity.Answer> answers = new ArrayList<>();
          List<Double> others = new ArrayList<>();
          for (Row r : rows) {
            answers.add(
                new FeedbackAnonymity.Answer(
                    r.respondent(), r.group(), r.named(), r.rating(), null));
            if (r.group() != RaterGroup.SELF) {
              others.add((double) r.rating());
            }
          }
          var decided = anonymity.decide(answers, visible.getOrDefault(key, List.of()));
          visible.put(key, decided.visible());
          var all = decided.result().allOthers();
          if (all == null || !all.shown()) {
            continue;
          }
          if (!Objects.equals(all.n(), others.size())) {
            throw new IllegalStateException("all others and the others' ratings differ");
          }
          shownHere.add(others.stream().mapToDouble(Double::doubleValue).toArray());
          Integer self = decided.result().self();
          if (b.identity() != null && self != null) {
            latest.put(
                b.identity(), new SelfOtherAgreement.Ratings(ratee.toString(), self, all.mean()));
          }
        }
        if (first == null && !shownHere.isEmpty()) {
          first = shownHere;
        }
      }
      if (first != null) {
        firstRoundGroups.addAll(first);
        changeRatees++;
      }
      if (!latest.isEmpty()) {
        pairs.addAll(latest.values());
        normRatees++;
      }
    }
  }
}
