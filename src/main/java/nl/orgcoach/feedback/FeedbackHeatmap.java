package nl.orgcoach.feedback;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.engagement.EngagementLookup;
import nl.orgcoach.feedback.FeedbackAnonymity.Breakdown;
import nl.orgcoach.feedback.FeedbackAnonymity.HeatCell;
import nl.orgcoach.feedback.FeedbackAnonymity.HeatSums;
import nl.orgcoach.observation.FrameworkLookup;
import nl.orgcoach.organisation.UnitLookup;
import nl.orgcoach.platform.KeptByFingerprint;
import nl.orgcoach.platform.NotFoundException;
import nl.orgcoach.platform.UserError;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The HR heatmap (issue 5): units × the behaviours of an engagement's framework, each cell the
 * others' ratings (everyone but the person themself) of the ratees in that unit and the units below
 * it, over the rounds that closed in a period. A ratee counts in their <b>current</b> unit (not the
 * unit they were in on the round's date): the heatmap is read to act on today's organisation.
 *
 * <p>Its input is the read model {@code feedback_heat} (one row per closed round and framework
 * behaviour, written once when a request first finds the round closed: {@link #summarise}). The
 * rows that pass the round gate of {@link FeedbackAnonymity#heatmap} (a round counts for a
 * behaviour only when enough others rated it) are held per client in memory as {@link HeatFacts},
 * with the ratees' current units, and read again only when a round has been summarised or someone
 * moved (a cheap fingerprint, checked on every request, says so); the grid of units × behaviours
 * for any period, the subtree sums and the anonymity rule are then computed in memory. Who may read
 * it is decided in {@link FeedbackService#mayReadHeatmap} alone. Never a person's own result.
 */
@Service
public class FeedbackHeatmap {

  /** Longest period one request may span. */
  static final int MAX_MONTHS = 60;

  private final JdbcClient jdbc;
  private final UnitLookup units;
  private final EngagementLookup engagements;
  private final FrameworkLookup framework;
  private final FeedbackAnonymity anonymity;
  private final TransactionTemplate transactions;
  private final TransactionTemplate readOnly;

  /**
   * For the large reads of {@link #facts}: PostgreSQL's driver holds a whole result in memory
   * unless it is read inside a transaction with a fetch size.
   */
  private final JdbcClient streaming;

  FeedbackHeatmap(
      JdbcClient jdbc,
      UnitLookup units,
      EngagementLookup engagements,
      FrameworkLookup framework,
      FeedbackAnonymity anonymity,
      DataSource dataSource,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    JdbcTemplate fetching = new JdbcTemplate(dataSource);
    fetching.setFetchSize(10_000);
    this.streaming = JdbcClient.create(fetching);
    this.transactions = new TransactionTemplate(transactions);
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.units = units;
    this.engagements = engagements;
    this.framework = framework;
    this.anonymity = anonymity;
  }

  /** An engagement to choose, a unit on the path, a behaviour column. */
  public record Choice(UUID id, String name) {}

  /** A unit's row; {@code drill} when there are units below it to open. */
  public record Row(UUID unitId, String name, boolean drill, List<HeatCell> cells) {}

  /**
   * The heatmap of one engagement's framework at one level of the unit tree.
   *
   * @param path the units from the top of what the user may see down to {@code unit} (empty at the
   *     top level)
   * @param unit the row of the unit whose children are shown (null at the top level)
   * @param rows the units at this level
   * @param unitOfRatee which unit a ratee counts in: always CURRENT
   */
  public record Heatmap(
      UUID engagementId,
      List<Choice> engagements,
      LocalDate from,
      LocalDate to,
      int threshold,
      String unitOfRatee,
      List<Choice> path,
      Row unit,
      List<Choice> columns,
      List<Row> rows) {}

  /** Whether the user may open the heatmap at all (for a link to it). */
  @Transactional(readOnly = true)
  public boolean mayRead(ClientScope scope, UserAccount user) {
    return FeedbackService.mayReadHeatmap(user, null)
        || engagements.sponsors(scope).values().stream()
            .anyMatch(s -> FeedbackService.mayReadHeatmap(user, s));
  }

  /** Not in one transaction: {@link #summarise} writes in its own, then everything is read. */
  public Heatmap heatmap(
      ClientScope scope,
      UserAccount user,
      UUID engagementId,
      UUID unitId,
      String from,
      String to,
      Locale locale) {
    Map<UUID, UUID> sponsors = engagements.sponsors(scope);
    List<EngagementLookup.EngagementRef> readable =
        engagements.list(scope, null).stream()
            .filter(e -> FeedbackService.mayReadHeatmap(user, sponsors.get(e.id())))
            .toList();
    if (readable.isEmpty() && !FeedbackService.mayReadHeatmap(user, null)) {
      throw new NotFoundException("heatmap");
    }
    EngagementLookup.EngagementRef engagement =
        engagementId == null
            ? readable.stream().findFirst().orElse(null)
            : readable.stream()
                .filter(e -> e.id().equals(engagementId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("engagement"));
    Period period = period(from, to);
    List<Choice> choices = readable.stream().map(e -> new Choice(e.id(), e.title())).toList();
    if (engagement == null) {
      if (unitId != null) {
        throw new NotFoundException("unit");
      }
      return new Heatmap(
          null,
          choices,
          period.from(),
          period.to(),
          anonymity.threshold(),
          "CURRENT",
          List.of(),
          null,
          List.of(),
          List.of());
    }
    List<Choice> columns =
        framework.ofEngagement(scope, engagement.id()).stream()
            .map(f -> new Choice(f.id(), f.name(locale)))
            .toList();

    Tree tree = new Tree(units.tree(scope));
    // HR and admins see the whole client; a sponsor the engagement's scope (none: the whole
    // client), which FeedbackService.mayReadHeatmap has allowed for this engagement only.
    Set<UUID> roots = new LinkedHashSet<>();
    boolean whole = FeedbackService.mayReadHeatmap(user, null) || engagement.units().isEmpty();
    if (whole) {
      roots.addAll(tree.tops);
    } else {
      for (UUID u : engagement.units()) {
        if (tree.index.containsKey(u)
            && tree.ancestors(u).stream().noneMatch(engagement.units()::contains)) {
          roots.add(u);
        }
      }
    }
    if (unitId != null && !tree.index.containsKey(unitId)) {
      throw new NotFoundException("unit");
    }
    List<UUID> path = new ArrayList<>();
    if (unitId != null) {
      List<UUID> up = new ArrayList<>(tree.ancestors(unitId));
      up.add(unitId);
      int root = -1;
      for (int i = 0; i < up.size() && root < 0; i++) {
        if (roots.contains(up.get(i))) {
          root = i;
        }
      }
      if (root < 0) {
        throw new NotFoundException("unit");
      }
      path = up.subList(root, up.size());
    }
    List<UUID> rowUnits = unitId == null ? List.copyOf(roots) : tree.childrenOf(unitId);

    Grid grid = grid(scope, columns, period, tree);
    List<Map<UUID, HeatCell>> decided = decide(anonymity, grid, unitId, rowUnits);
    List<Row> rows = new ArrayList<>();
    for (UUID r : rowUnits) {
      rows.add(row(tree, r, decided));
    }
    List<Choice> crumbs = path.stream().map(u -> new Choice(u, tree.name(u))).toList();
    return new Heatmap(
        engagement.id(),
        choices,
        period.from(),
        period.to(),
        anonymity.threshold(),
        "CURRENT",
        crumbs,
        unitId == null ? null : row(tree, unitId, decided),
        columns,
        rows);
  }

  /**
   * The cells of one view, per column: the rows' and, in a drill-down, the unit's own. Each column
   * is decided along the chain from the top units down to every row's parent, so a unit's cell is
   * the same in every view it appears in.
   */
  static List<Map<UUID, HeatCell>> decide(
      FeedbackAnonymity anonymity, Grid grid, UUID unitId, List<UUID> rowUnits) {
    Tree tree = grid.tree;
    Set<UUID> chainEnds = new LinkedHashSet<>();
    if (unitId != null) {
      chainEnds.add(unitId);
    } else {
      for (UUID r : rowUnits) {
        UUID parent = tree.parentOf(r);
        if (parent != null) {
          chainEnds.add(parent);
        }
      }
    }
    List<Map<UUID, HeatCell>> decided = new ArrayList<>();
    for (int c = 0; c < grid.own.length; c++) {
      Map<UUID, HeatCell> cells = new HashMap<>(anonymity.heatmap(grid.chain(c, List.of())));
      for (UUID end : chainEnds) {
        List<UUID> chain = new ArrayList<>(tree.ancestors(end));
        chain.add(end);
        cells.putAll(anonymity.heatmap(grid.chain(c, chain)));
      }
      decided.add(cells);
    }
    return decided;
  }

  private static Row row(Tree tree, UUID unit, List<Map<UUID, HeatCell>> decided) {
    List<HeatCell> cells = new ArrayList<>();
    for (Map<UUID, HeatCell> column : decided) {
      cells.add(column.getOrDefault(unit, HeatCell.HIDDEN));
    }
    return new Row(unit, tree.name(unit), !tree.childrenOf(unit).isEmpty(), cells);
  }

  // --- the period

  /** Closed between the start of {@code from} and the end of {@code to}, Dutch time. */
  record Period(LocalDate from, LocalDate to) {

    OffsetDateTime start() {
      return from.atStartOfDay(FeedbackService.ZONE).toOffsetDateTime();
    }

    OffsetDateTime end() {
      return to.plusDays(1).atStartOfDay(FeedbackService.ZONE).toOffsetDateTime();
    }
  }

  /** Default: the last twelve months up to today. */
  static Period period(String from, String to) {
    LocalDate today = LocalDate.now(FeedbackService.ZONE);
    LocalDate end = date(to, "to", today);
    LocalDate start = date(from, "from", end.minusMonths(12).plusDays(1));
    if (start.isAfter(end)) {
      throw new UserError("feedback.heatmap.error.period");
    }
    if (start.isBefore(end.minusMonths(MAX_MONTHS))) {
      throw new UserError("feedback.heatmap.error.tooLong", MAX_MONTHS);
    }
    return new Period(start, end);
  }

  private static LocalDate date(String s, String field, LocalDate otherwise) {
    if (s == null || s.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      throw new UserError(
          "feedback.heatmap.error.date",
          List.of(new UserError.Problem(null, field, "feedback.heatmap.error.date", List.of())));
    }
  }

  // --- the grid

  /** The rounds of the client closed by now whose rows in {@code feedback_heat} are not written. */
  static final String UNSUMMARISED =
      """
      SELECT id FROM feedback_round
      WHERE client_id = :client AND heat_at IS NULL AND COALESCE(closed_at, closes_at) <= :now
      """;

  /**
   * Writes the rows of {@code feedback_heat} for some closed rounds (V4_4): per round and framework
   * behaviour, the number and total of the others' ratings. Raters are found by their round and
   * answers by their key (rater, behaviour), so a few new rounds cost a few index lookups. The
   * answers of a closed round never change, so each round is done once; two requests at the same
   * moment insert the same rows, and the second insert skips them.
   */
  static final String SUMMARISE =
      """
      INSERT INTO feedback_heat (behaviour_id, client_id, framework_behaviour_id, ratee_person_id,
                                 closed_at, others_ratings, others_total)
      SELECT b.id, r.client_id, b.framework_behaviour_id, r.ratee_person_id,
             COALESCE(r.closed_at, r.closes_at),
             COUNT(CASE WHEN fr.rater_group <> 'SELF' THEN a.rating END),
             COALESCE(SUM(CASE WHEN fr.rater_group <> 'SELF' THEN a.rating END), 0)
      FROM feedback_round r
      JOIN feedback_behaviour b ON b.round_id = r.id AND b.client_id = r.client_id
      LEFT JOIN feedback_rater fr ON fr.round_id = r.id AND fr.client_id = r.client_id
      LEFT JOIN feedback_answer a ON a.rater_id = fr.id AND a.behaviour_id = b.id
      WHERE r.client_id = :client AND r.id IN (:rounds) AND b.framework_behaviour_id IS NOT NULL
      GROUP BY b.id, r.client_id, b.framework_behaviour_id, r.ratee_person_id, r.closed_at,
               r.closes_at
      ON CONFLICT DO NOTHING
      """;

  static final String SUMMARISED =
      "UPDATE feedback_round SET heat_at = :now WHERE client_id = :client AND id IN (:rounds)";

  /** Rounds per statement when many closed at once (the first request after an import). */
  private static final int CHUNK = 1_000;

  /** Brings {@code feedback_heat} up to date with the rounds closed by now. */
  void summarise(ClientScope scope, OffsetDateTime now) {
    List<UUID> rounds =
        jdbc.sql(UNSUMMARISED)
            .param("client", scope.id())
            .param("now", now)
            .query(UUID.class)
            .list();
    for (int from = 0; from < rounds.size(); from += CHUNK) {
      List<UUID> chunk = rounds.subList(from, Math.min(rounds.size(), from + CHUNK));
      transactions.executeWithoutResult(
          status -> {
            jdbc.sql(SUMMARISE).param("client", scope.id()).param("rounds", chunk).update();
            jdbc.sql(SUMMARISED)
                .param("client", scope.id())
                .param("rounds", chunk)
                .param("now", now)
                .update();
          });
    }
  }

  /**
   * What the heatmap of a client was built from: the rounds summarised into {@code feedback_heat}
   * (how many, and the latest; rows are only ever added, by {@link #summarise}), and the client's
   * {@link UnitLookup#peopleVersion} (someone moved).
   */
  record Fingerprint(long rounds, OffsetDateTime latest, long people) {

    boolean sameRounds(Fingerprint other) {
      return rounds == other.rounds && Objects.equals(latest, other.latest);
    }
  }

  static final String SUMMARISED_ROUNDS =
      """
      SELECT COUNT(heat_at), MAX(heat_at) FROM feedback_round
      WHERE client_id = :client AND heat_at IS NOT NULL
      """;

  /** Every row of the client's read model that passes the round gate (see {@link HeatFacts}). */
  static final String FACTS =
      """
      SELECT framework_behaviour_id, ratee_person_id, closed_at, others_ratings, others_total
      FROM feedback_heat WHERE client_id = :client AND others_ratings >= :threshold
      """;

  static final String UNITS_OF_PEOPLE = "SELECT id, unit_id FROM person WHERE client_id = :client";

  /**
   * Clients whose facts are kept, least recently used dropped first. One client of 2,000,000
   * answers (200,000 facts) takes some 6 MB.
   */
  static final int CLIENTS_KEPT = 8;

  private final KeptByFingerprint<UUID, Fingerprint, HeatFacts> kept =
      new KeptByFingerprint<>(CLIENTS_KEPT);

  private Fingerprint fingerprint(ClientScope scope) {
    long people = units.peopleVersion(scope);
    return jdbc.sql(SUMMARISED_ROUNDS)
        .param("client", scope.id())
        .query(
            (rs, i) ->
                new Fingerprint(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), people))
        .single();
  }

  private Grid grid(ClientScope scope, List<Choice> columns, Period period, Tree tree) {
    Grid grid = new Grid(tree, columns.size());
    if (columns.isEmpty()) {
      return grid;
    }
    summarise(scope, OffsetDateTime.now(ZoneOffset.UTC));
    HeatSums[][] own =
        facts(scope)
            .own(
                columns.stream().map(Choice::id).toList(),
                period.start().toInstant().toEpochMilli(),
                period.end().toInstant().toEpochMilli(),
                tree.index);
    for (int c = 0; c < own.length; c++) {
      System.arraycopy(own[c], 0, grid.own[c], 0, own[c].length);
    }
    grid.sumSubtrees();
    return grid;
  }

  /**
   * The client's facts as they are now: kept ones if nothing changed since they were read; the kept
   * rows with the people's units read again if only someone moved; otherwise read anew (after a
   * round closed: some 0.5 s for 200,000 rows).
   */
  HeatFacts facts(ClientScope scope) {
    return kept.get(
            scope.id(),
            () -> fingerprint(scope),
            known -> {
              Fingerprint now = fingerprint(scope);
              HeatFacts facts =
                  known != null && known.fingerprint().sameRounds(now)
                      ? known.value().withUnits(unitsOfPeople(scope))
                      : readFacts(scope);
              return new KeptByFingerprint.Entry<>(now, facts);
            })
        .value();
  }

  private HeatFacts readFacts(ClientScope scope) {
    return readOnly.execute(
        status -> {
          List<HeatFacts.Row> rows = new ArrayList<>();
          streaming
              .sql(FACTS)
              .param("client", scope.id())
              .param("threshold", anonymity.threshold())
              .query(
                  (RowCallbackHandler)
                      rs ->
                          rows.add(
                              new HeatFacts.Row(
                                  rs.getObject(1, UUID.class),
                                  rs.getObject(2, UUID.class),
                                  rs.getObject(3, OffsetDateTime.class).toInstant().toEpochMilli(),
                                  rs.getInt(4),
                                  rs.getInt(5))));
          return HeatFacts.of(rows, anonymity.threshold(), unitsOfPeople(scope));
        });
  }

  private Map<UUID, UUID> unitsOfPeople(ClientScope scope) {
    return readOnly.execute(
        status -> {
          Map<UUID, UUID> units = new HashMap<>();
          streaming
              .sql(UNITS_OF_PEOPLE)
              .param("client", scope.id())
              .query(
                  (RowCallbackHandler)
                      rs -> units.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)));
          return units;
        });
  }

  /** The units of the client as index arrays, children by name. */
  static final class Tree {
    final List<UnitLookup.UnitNode> nodes;
    final Map<UUID, Integer> index = new HashMap<>();
    final List<UUID> tops = new ArrayList<>();
    final Map<UUID, List<UUID>> children = new HashMap<>();

    /** Every unit before the units above it: the order to add subtree sums up in. */
    final int[] bottomUp;

    Tree(List<UnitLookup.UnitNode> nodes) {
      this.nodes = nodes;
      for (int i = 0; i < nodes.size(); i++) {
        index.put(nodes.get(i).id(), i);
      }
      for (UnitLookup.UnitNode n : nodes) {
        if (n.parentId() == null || !index.containsKey(n.parentId())) {
          tops.add(n.id());
        } else {
          children.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n.id());
        }
      }
      List<Integer> topDown = new ArrayList<>();
      java.util.ArrayDeque<UUID> queue = new java.util.ArrayDeque<>(tops);
      while (!queue.isEmpty()) {
        UUID u = queue.poll();
        topDown.add(index.get(u));
        queue.addAll(childrenOf(u));
      }
      bottomUp = new int[topDown.size()];
      for (int i = 0; i < bottomUp.length; i++) {
        bottomUp[i] = topDown.get(topDown.size() - 1 - i);
      }
    }

    List<UUID> childrenOf(UUID unit) {
      return children.getOrDefault(unit, List.of());
    }

    UUID parentOf(UUID unit) {
      UUID p = nodes.get(index.get(unit)).parentId();
      return p != null && index.containsKey(p) ? p : null;
    }

    String name(UUID unit) {
      return nodes.get(index.get(unit)).name();
    }

    /** The units above, top first. */
    List<UUID> ancestors(UUID unit) {
      List<UUID> up = new ArrayList<>();
      UUID p = parentOf(unit);
      while (p != null && up.size() <= nodes.size()) {
        up.add(0, p);
        p = parentOf(p);
      }
      return up;
    }
  }

  /** Per column and unit: the unit's own sums and those of its whole subtree. */
  static final class Grid {
    final Tree tree;
    final HeatSums[][] own;
    final HeatSums[][] subtree;

    Grid(Tree tree, int columns) {
      this.tree = tree;
      own = new HeatSums[columns][tree.nodes.size()];
      subtree = new HeatSums[columns][tree.nodes.size()];
      for (HeatSums[] column : own) {
        java.util.Arrays.fill(column, HeatSums.NONE);
      }
    }

    void sumSubtrees() {
      for (int c = 0; c < own.length; c++) {
        HeatSums[] sub = subtree[c];
        System.arraycopy(own[c], 0, sub, 0, sub.length);
        for (int u : tree.bottomUp) {
          UUID parent = tree.parentOf(tree.nodes.get(u).id());
          if (parent != null) {
            int p = tree.index.get(parent);
            sub[p] = sub[p].plus(sub[u]);
          }
        }
      }
    }

    /** The breakdowns of column c: the top units, then below each unit of the chain in turn. */
    List<Breakdown<UUID>> chain(int c, List<UUID> chain) {
      List<Breakdown<UUID>> path = new ArrayList<>();
      path.add(new Breakdown<>(null, HeatSums.NONE, sums(c, tree.tops)));
      for (UUID unit : chain) {
        path.add(
            new Breakdown<>(unit, own[c][tree.index.get(unit)], sums(c, tree.childrenOf(unit))));
      }
      return path;
    }

    private Map<UUID, HeatSums> sums(int c, List<UUID> units) {
      Map<UUID, HeatSums> sums = new LinkedHashMap<>();
      for (UUID u : units) {
        sums.put(u, subtree[c][tree.index.get(u)]);
      }
      return sums;
    }
  }
}
