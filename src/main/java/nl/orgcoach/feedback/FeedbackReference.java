package nl.orgcoach.feedback;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.LinkTokens;
import nl.orgcoach.stats.AnonymityRule;
import nl.orgcoach.stats.RaterAgreement;
import nl.orgcoach.stats.ReliableChange;
import nl.orgcoach.stats.SelfOtherAgreement;
import org.springframework.dao.DuplicateKeyException;
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
 * <p><b>Published versions</b> (table {@code feedback_reference}, V4_7). The results read the
 * stored version only ({@link #of}: one lookup by key). {@link #publish} computes a new one, off
 * the request path (the scheduler, at most once a day per client, claimed by one conditional
 * update): it counts the rounds closed by the start of that day (Dutch time), and replaces a stored
 * version that showed the client's figures only when at least {@link FeedbackAnonymity#threshold()}
 * ratees are new, changed or gone in the sample since then (product invariant 4, METHODS §6: the
 * difference of two published versions stands for at least that many people). Otherwise the stored
 * version stays.
 */
@Service
class FeedbackReference {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(FeedbackReference.class);

  enum Source {
    /** Estimated from this client's own closed rounds. */
    CLIENT,
    /** The configured values of {@link FeedbackSettings}: too few ratees, or no usable estimate. */
    PLACEHOLDER
  }

  /**
   * The reference of reliable change.
   *
   * @param sampleSize ratees with a first closed round that showed "all others" somewhere
   * @param through the last day whose closed rounds count (Dutch time), null when nothing was
   *     published
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

  /**
   * Both references of a version.
   *
   * @param publishedAt when the version was computed; null: nothing published for the client yet
   *     (both are then the placeholders, with a sample size of 0)
   */
  record Reference(Change change, Norm norm, OffsetDateTime publishedAt) {

    Reference(Change change, Norm norm) {
      this(change, norm, null);
    }

    /** Whether it shows any figure of the client (an unusable estimate shows groups and k0). */
    boolean disclosesClient() {
      return norm.source() == Source.CLIENT || change.groups() != null;
    }
  }

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
   * rounds, with how many distinct ratees are behind each, and per ratee who contributed a digest
   * of what they contributed (to count changed ratees between versions).
   */
  record Sample(
      List<SelfOtherAgreement.Ratings> pairs,
      int normRatees,
      List<double[]> firstRoundGroups,
      int changeRatees,
      Map<UUID, String> digests) {

    Sample(
        List<SelfOtherAgreement.Ratings> pairs,
        int normRatees,
        List<double[]> firstRoundGroups,
        int changeRatees) {
      this(pairs, normRatees, firstRoundGroups, changeRatees, Map.of());
    }
  }

  /** What {@link #publish} did. */
  enum Publication {
    /** The new version replaced the stored one (or is the first). */
    PUBLISHED,
    /**
     * The stored version stays: it shows the client's figures and fewer than the threshold of
     * ratees changed since.
     */
    KEPT,
    /** This day's attempt was made already (by this or another node). */
    DONE_ALREADY
  }

  /**
   * The rated answers of the client's rounds closed by the cut-off ("not seen" is no rating and
   * changes no decision; behaviours nobody rated change none either). Rounds in the order the
   * results page takes a person's history: created_at, then id descending.
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
      WHERE f.client_id = :client AND (f.closed_at <= :cut OR f.closes_at <= :cut)
        AND r.answered_at IS NOT NULL AND a.rating IS NOT NULL
      ORDER BY f.ratee_person_id, f.created_at, f.id DESC, b.position, a.rater_id
      """;

  private static final String STORED =
      """
      SELECT through, computed_at, minimum_ratees, norm_source, norm_ratees, norm_size,
             norm_mean_difference, norm_sd_difference, norm_mean_others, change_source,
             change_ratees, change_sd, change_reliability, change_groups, change_k0, change_icc1
      FROM feedback_reference WHERE client_id = :client AND through IS NOT NULL
      """;

  /**
   * Clients with rounds whose attempt of the day is not made yet (for the scheduler), at most
   * {@code limit}.
   */
  private static final String DUE =
      """
      SELECT c.id FROM client c
      WHERE EXISTS (SELECT 1 FROM feedback_round f WHERE f.client_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM feedback_reference r
                        WHERE r.client_id = c.id AND r.attempted_through >= :cut)
      ORDER BY c.id FETCH FIRST %d ROWS ONLY
      """;

  /**
   * Rows fetched per round trip: PostgreSQL streams a result only inside a transaction and with a
   * fetch size; without one the driver would hold every answer of a large client at once.
   */
  static final int FETCH_SIZE = 10_000;

  private final JdbcClient jdbc;
  private final JdbcClient streaming;
  private final org.springframework.jdbc.core.JdbcTemplate template;
  private final FeedbackAnonymity anonymity;
  private final FeedbackSettings settings;
  private final TransactionTemplate tx;
  private final LinkTokens links;

  FeedbackReference(
      JdbcClient jdbc,
      javax.sql.DataSource dataSource,
      FeedbackAnonymity anonymity,
      FeedbackSettings settings,
      PlatformTransactionManager transactions,
      LinkTokens links) {
    this.jdbc = jdbc;
    var template = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    template.setFetchSize(FETCH_SIZE);
    this.streaming = JdbcClient.create(template);
    this.template = template;
    this.anonymity = anonymity;
    this.settings = settings;
    this.tx = new TransactionTemplate(transactions);
    this.links = links;
  }

  /** The start of the day of {@code now} in Dutch time: a version counts rounds closed by then. */
  static OffsetDateTime cutOff(OffsetDateTime now) {
    return now.atZoneSameInstant(FeedbackService.ZONE)
        .toLocalDate()
        .atStartOfDay(FeedbackService.ZONE)
        .toOffsetDateTime()
        .withOffsetSameInstant(ZoneOffset.UTC);
  }

  /** The last day whose closes count in a version of cut-off {@code cut}. */
  static LocalDate lastDay(OffsetDateTime cut) {
    return cut.atZoneSameInstant(FeedbackService.ZONE).toLocalDate().minusDays(1);
  }

  /**
   * The client's published reference: the stored version (one lookup by key), or the placeholders
   * with a sample size of 0 when none was published. Computes nothing.
   */
  Reference of(ClientScope scope) {
    return jdbc.sql(STORED)
        .param("client", scope.id())
        .query(this::stored)
        .optional()
        .orElseGet(this::unpublished);
  }

  private Reference unpublished() {
    Reference none = estimate(new Sample(List.of(), 0, List.of(), 0), settings, null);
    return new Reference(none.change(), none.norm(), null);
  }

  private Reference stored(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    LocalDate through = lastDay(rs.getObject("through", OffsetDateTime.class));
    int minimum = rs.getInt("minimum_ratees");
    Norm norm;
    if (Source.CLIENT.name().equals(rs.getString("norm_source"))) {
      norm =
          new Norm(
              Source.CLIENT,
              new SelfOtherAgreement.ReferenceSample(
                  rs.getInt("norm_size"),
                  rs.getDouble("norm_mean_difference"),
                  rs.getDouble("norm_sd_difference"),
                  rs.getDouble("norm_mean_others")),
              rs.getInt("norm_ratees"),
              minimum,
              through);
    } else {
      norm =
          new Norm(
              Source.PLACEHOLDER,
              placeholderNorm(settings),
              rs.getInt("norm_ratees"),
              minimum,
              through);
    }
    Integer groups = rs.getObject("change_groups", Integer.class);
    Double k0 = rs.getObject("change_k0", Double.class);
    Double icc1 = rs.getObject("change_icc1", Double.class);
    int changeRatees = rs.getInt("change_ratees");
    boolean client = Source.CLIENT.name().equals(rs.getString("change_source"));
    Change change =
        new Change(
            client ? Source.CLIENT : Source.PLACEHOLDER,
            client
                ? new ReliableChange.Reference(
                    rs.getDouble("change_sd"), rs.getDouble("change_reliability"))
                : new ReliableChange.Reference(settings.changeSd(), settings.changeReliability()),
            changeRatees,
            minimum,
            through,
            groups,
            k0,
            icc1,
            client);
    return new Reference(
        change,
        norm,
        rs.getObject("computed_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC));
  }

  /**
   * Clients whose publication of the day of {@code now} is still to be attempted, at most {@code
   * limit} (for the scheduler; a later run takes the rest).
   */
  List<ClientId> due(OffsetDateTime now, int limit) {
    return jdbc.sql(DUE.formatted(Math.max(1, limit)))
        .param("cut", cutOff(now))
        .query((rs, n) -> new ClientId(rs.getObject(1, UUID.class)))
        .list();
  }

  /** {@link #publish} for the scheduler, which knows the client by the id of a row it read. */
  Publication publishScheduled(ClientId client, OffsetDateTime now) {
    return publish(links.scopeOf(client, "feedback-schedule"), now);
  }

  /**
   * Attempts the client's version of the day of {@code now}: counts the rounds closed by the start
   * of that day, and stores the result unless the stored version shows the client's figures and
   * fewer than the threshold of ratees changed since (then it stays). At most one attempt per
   * client and day, whatever the number of nodes or calls: the attempt is claimed by one
   * conditional update, in the same transaction as the write (a failure leaves the day to the next
   * run).
   */
  Publication publish(ClientScope scope, OffsetDateTime now) {
    OffsetDateTime cut = cutOff(now);
    try {
      jdbc.sql(
              """
              INSERT INTO feedback_reference (client_id) VALUES (:client) ON CONFLICT DO NOTHING
              """)
          .param("client", scope.id())
          .update();
    } catch (DuplicateKeyException raced) {
      // Another node made the row at the same moment; the claim below decides.
    }
    return tx.execute(
        status -> {
          int claimed =
              jdbc.sql(
                      """
                      UPDATE feedback_reference SET attempted_through = :cut
                      WHERE client_id = :client
                        AND (attempted_through IS NULL OR attempted_through < :cut)
                      """)
                  .param("cut", cut)
                  .param("client", scope.id())
                  .update();
          if (claimed == 0) {
            return Publication.DONE_ALREADY;
          }
          Sample sample = sample(scope, cut);
          Reference next = estimate(sample, settings, lastDay(cut));
          Map<UUID, String> disclosed = disclosedSet(scope);
          if (next.disclosesClient() && disclosed != null) {
            int changed = changed(disclosed, sample.digests());
            if (changed < anonymity.threshold()) {
              log.info(
                  "Feedback reference of client {}: kept ({} ratee(s) changed, {} needed)",
                  scope.id(),
                  changed,
                  anonymity.threshold());
              return Publication.KEPT;
            }
          }
          write(scope, cut, now, next, sample);
          return Publication.PUBLISHED;
        });
  }

  /** The sample of the latest version that showed the client's figures, or null if none did. */
  private Map<UUID, String> disclosedSet(ClientScope scope) {
    List<Integer> size =
        jdbc.sql("SELECT disclosed_ratees FROM feedback_reference WHERE client_id = :client")
            .param("client", scope.id())
            .query((rs, n) -> rs.getObject(1, Integer.class))
            .list();
    if (size.isEmpty() || size.get(0) == null) {
      return null;
    }
    Map<UUID, String> set = new HashMap<>();
    jdbc.sql(
            "SELECT ratee_person_id, digest FROM feedback_reference_ratee WHERE client_id = :client")
        .param("client", scope.id())
        .query(
            rs -> {
              set.put(rs.getObject(1, UUID.class), rs.getString(2));
            });
    return set;
  }

  /** Ratees new, changed or gone in {@code now} against {@code before}. */
  static int changed(Map<UUID, String> before, Map<UUID, String> now) {
    int changed = 0;
    for (var e : now.entrySet()) {
      if (!e.getValue().equals(before.get(e.getKey()))) {
        changed++;
      }
    }
    for (UUID ratee : before.keySet()) {
      if (!now.containsKey(ratee)) {
        changed++;
      }
    }
    return changed;
  }

  private void write(
      ClientScope scope, OffsetDateTime cut, OffsetDateTime now, Reference r, Sample sample) {
    Norm norm = r.norm();
    Change change = r.change();
    boolean normClient = norm.source() == Source.CLIENT;
    boolean changeClient = change.source() == Source.CLIENT;
    jdbc.sql(
            """
            UPDATE feedback_reference SET through = :through, computed_at = :now,
              minimum_ratees = :minimum, norm_source = :ns, norm_ratees = :nr, norm_size = :nsize,
              norm_mean_difference = :nmd, norm_sd_difference = :nsd, norm_mean_others = :nmo,
              change_source = :cs, change_ratees = :cr, change_sd = :csd,
              change_reliability = :crel, change_groups = :cg, change_k0 = :ck0,
              change_icc1 = :cicc1
            WHERE client_id = :client
            """)
        .param("through", cut)
        .param("now", now.withOffsetSameInstant(ZoneOffset.UTC))
        .param("minimum", norm.minimumSampleSize())
        .param("ns", norm.source().name())
        .param("nr", norm.sampleSize())
        .param("nsize", normClient ? norm.sample().size() : null, java.sql.Types.INTEGER)
        .param("nmd", normClient ? norm.sample().meanDifference() : null, java.sql.Types.DOUBLE)
        .param("nsd", normClient ? norm.sample().sdDifference() : null, java.sql.Types.DOUBLE)
        .param("nmo", normClient ? norm.sample().meanOthers() : null, java.sql.Types.DOUBLE)
        .param("cs", change.source().name())
        .param("cr", change.sampleSize())
        .param("csd", changeClient ? change.reference().sd() : null, java.sql.Types.DOUBLE)
        .param(
            "crel", changeClient ? change.reference().reliability() : null, java.sql.Types.DOUBLE)
        .param("cg", change.groups(), java.sql.Types.INTEGER)
        .param("ck0", change.k0(), java.sql.Types.DOUBLE)
        .param("cicc1", change.icc1(), java.sql.Types.DOUBLE)
        .param("client", scope.id())
        .update();
    if (!r.disclosesClient()) {
      // The set of the latest version with figures stays: a later one is compared with it.
      return;
    }
    jdbc.sql("DELETE FROM feedback_reference_ratee WHERE client_id = :client")
        .param("client", scope.id())
        .update();
    List<Object[]> rows = new ArrayList<>();
    sample.digests().forEach((ratee, digest) -> rows.add(new Object[] {scope.id(), ratee, digest}));
    if (!rows.isEmpty()) {
      template.batchUpdate(
          "INSERT INTO feedback_reference_ratee (client_id, ratee_person_id, digest)"
              + " VALUES (?, ?, ?)",
          rows);
    }
    jdbc.sql("UPDATE feedback_reference SET disclosed_ratees = :n WHERE client_id = :client")
        .param("n", rows.size())
        .param("client", scope.id())
        .update();
  }

  /** Streams and summarises the answers of the client's rounds closed by {@code cut}. */
  private Sample sample(ClientScope scope, OffsetDateTime cut) {
    Sampler sampler = new Sampler(anonymity);
    streaming
        .sql(ANSWERS)
        .param("client", scope.id())
        .param("cut", cut)
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
    return sampler.finish();
  }

  private static SelfOtherAgreement.ReferenceSample placeholderNorm(FeedbackSettings settings) {
    return new SelfOtherAgreement.ReferenceSample(
        settings.soaNormSize(),
        settings.soaNormMeanDifference(),
        settings.soaNormSdDifference(),
        settings.soaNormMeanOthers());
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
   * last day whose closes the version counts, or why the placeholder is used (with the count, of
   * the minimum).
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
    private final Map<UUID, String> digests = new HashMap<>();
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
          List.copyOf(pairs),
          normRatees,
          List.copyOf(firstRoundGroups),
          changeRatees,
          Map.copyOf(digests));
    }

    /**
     * SHA-256 (hex) of what one ratee contributes: their pairs by behaviour identity (self, exact
     * mean of others) and the groups of their first round. Equal contributions give equal digests,
     * so a ratee counts as changed between two versions exactly when their part of the sample
     * changed.
     */
    static String digest(Map<UUID, SelfOtherAgreement.Ratings> latest, List<double[]> first) {
      StringBuilder text = new StringBuilder("norm");
      latest.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e ->
                  text.append(';')
                      .append(e.getKey())
                      .append('=')
                      .append(e.getValue().self())
                      .append('/')
                      .append(e.getValue().othersMean()));
      text.append("|change");
      if (first != null) {
        for (double[] group : first) {
          text.append(';').append(java.util.Arrays.toString(group));
        }
      }
      try {
        byte[] hash =
            java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(hash);
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
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
      if (first != null || !latest.isEmpty()) {
        digests.put(ratee, digest(latest, first));
      }
    }
  }
}
