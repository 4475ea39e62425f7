package nl.orgcoach.observation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.engagement.EngagementLookup.EngagementRef;
import nl.orgcoach.organisation.UnitLookup;
import nl.orgcoach.platform.NotFoundException;
import nl.orgcoach.stats.AnonymityRule;
import nl.orgcoach.stats.IncongruenceSettings;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The observation aggregates of an engagement for HR (issue 4): per unit × behaviour of its
 * framework, for one closed quarter, the number of people observed, the number of observations, the
 * mean rating and the share favourable (≥ 4, ADR 0005) — only where {@link UnitAggregates} says so.
 * Never a person's numbers, never a name. Who may read them: {@link ObservationAccess}.
 */
@Component
class ObservationAggregates {

  /** How many closed quarters the page offers. */
  static final int QUARTERS_OFFERED = 8;

  private final ObservationAccess access;
  private final AggregateQueries queries;
  private final Behaviours behaviours;
  private final UnitLookup unitLookup;
  private final TransactionTemplate tx;
  private final AnonymityRule rule;
  private final int favourableFrom = IncongruenceSettings.defaults().favourableFrom();
  private final int graceDays;
  private final Clock clock;

  private static final Comparator<AggregateQueries.FrozenUnit> BY_NAME =
      Comparator.comparing(AggregateQueries.FrozenUnit::name, String.CASE_INSENSITIVE_ORDER)
          .thenComparing(u -> u.unitId().toString());

  @org.springframework.beans.factory.annotation.Autowired
  ObservationAggregates(
      ObservationAccess access,
      AggregateQueries queries,
      Behaviours behaviours,
      UnitLookup units,
      PlatformTransactionManager transactions,
      AggregateSettings settings) {
    this(access, queries, behaviours, units, transactions, settings, Clock.systemUTC());
  }

  ObservationAggregates(
      ObservationAccess access,
      AggregateQueries queries,
      Behaviours behaviours,
      UnitLookup units,
      PlatformTransactionManager transactions,
      AggregateSettings settings,
      Clock clock) {
    this.access = access;
    this.queries = queries;
    this.behaviours = behaviours;
    this.unitLookup = units;
    this.tx = new TransactionTemplate(transactions);
    this.rule = new AnonymityRule(settings.threshold());
    this.graceDays = settings.graceDays();
    this.clock = clock;
  }

  /** A column: a behaviour of the framework. */
  record Column(UUID id, String name, boolean retired) {}

  /** A cell as shown: numbers only when its status is SHOWN. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record CellView(
      UUID behaviourId,
      String status,
      Integer people,
      Integer observations,
      Double mean,
      Double favourable) {

    /** The colour class of the heatmap: obs-heat-1 (mean below 2) to obs-heat-5 (4.25 and up). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String heat() {
      if (mean == null) {
        return "obs-heat-none";
      }
      int level = mean < 2 ? 1 : mean < 2.75 ? 2 : mean < 3.5 ? 3 : mean < 4.25 ? 4 : 5;
      return "obs-heat-" + level;
    }

    /** The share favourable in whole percent. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public Long percentFavourable() {
      return favourable == null ? null : Math.round(favourable * 100);
    }
  }

  /**
   * A row: a unit and its subtree. {@code total} marks the unit drilled into (its own row above its
   * children); {@code drillable} that units below it have observations.
   */
  record Row(UUID unitId, String name, boolean total, boolean drillable, List<CellView> cells) {}

  /** A unit on the way down from the top. */
  record Crumb(UUID unitId, String name) {}

  /** A quarter that may be chosen. */
  record Quarter(LocalDate from, LocalDate to, int year, int quarter) {

    static Quarter of(AggregatePeriod p) {
      return new Quarter(p.from(), p.to(), p.year(), p.quarter());
    }
  }

  /**
   * The aggregates of one quarter at one level of the unit tree.
   *
   * @param frozenAt only observations recorded before it count
   * @param unlisted units at this level without any observation in the quarter, not listed
   */
  record View(
      Quarter period,
      OffsetDateTime frozenAt,
      int threshold,
      int favourableFrom,
      UUID unit,
      List<Crumb> path,
      List<Column> behaviours,
      List<Row> rows,
      int unlisted,
      List<Quarter> quarters) {}

  View view(
      ClientScope scope,
      UserAccount me,
      UUID engagementId,
      String unit,
      String from,
      String to,
      Locale locale) {
    EngagementRef e = access.aggregates(scope, me, engagementId);
    // Microseconds: what both databases keep, so that the moment read back equals the one written.
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    UUID unitId = unitId(unit);
    AggregatePeriod period = AggregatePeriod.parse(from, to, now, graceDays);
    AggregateQueries.Frozen frozen =
        queries.frozen(scope, e.id(), period.from()).orElseGet(() -> freeze(scope, e, period, now));

    Map<UUID, AggregateQueries.FrozenUnit> units = new HashMap<>();
    Map<UUID, List<AggregateQueries.FrozenUnit>> children = new HashMap<>();
    for (AggregateQueries.FrozenUnit u : queries.frozenUnits(scope, e.id(), period.from())) {
      units.put(u.unitId(), u);
    }
    for (AggregateQueries.FrozenUnit u : units.values()) {
      children.computeIfAbsent(u.parentId(), p -> new ArrayList<>()).add(u);
    }
    children.values().forEach(list -> list.sort(BY_NAME));
    List<Crumb> path = new ArrayList<>();
    if (unitId != null) {
      if (!units.containsKey(unitId) && !unitLookup.exists(scope, unitId)) {
        throw new NotFoundException("unit");
      }
      Set<UUID> seen = new HashSet<>();
      for (AggregateQueries.FrozenUnit u = units.get(unitId);
          u != null && seen.add(u.unitId());
          u = u.parentId() == null ? null : units.get(u.parentId())) {
        path.add(0, new Crumb(u.unitId(), u.name()));
      }
    }
    List<AggregateQueries.FrozenUnit> shown = new ArrayList<>();
    int unlisted;
    if (unitId == null) {
      shown.addAll(children.getOrDefault(null, List.of()));
      unlisted = frozen.topUnits() - shown.size();
    } else if (units.containsKey(unitId)) {
      List<AggregateQueries.FrozenUnit> below = children.getOrDefault(unitId, List.of());
      shown.add(units.get(unitId));
      shown.addAll(below);
      unlisted = units.get(unitId).childUnits() - below.size();
    } else {
      unlisted = 0;
    }
    Map<UUID, Map<UUID, AggregateQueries.FrozenCell>> cells = new HashMap<>();
    for (AggregateQueries.FrozenCell c :
        queries.frozenCells(
            scope, e.id(), period.from(), shown.stream().map(u -> u.unitId()).toList())) {
      cells.computeIfAbsent(c.unitId(), u -> new HashMap<>()).put(c.behaviourId(), c);
    }
    List<Column> columns =
        behaviours.of(scope, e.id()).stream()
            .map(b -> new Column(b.id(), b.name(locale), b.retired()))
            .toList();
    List<Row> rows = new ArrayList<>();
    for (AggregateQueries.FrozenUnit u : shown) {
      boolean total = u.unitId().equals(unitId);
      boolean drillable = !children.getOrDefault(u.unitId(), List.of()).isEmpty();
      List<CellView> row = new ArrayList<>();
      for (Column c : columns) {
        row.add(cell(c.id(), cells.getOrDefault(u.unitId(), Map.of()).get(c.id())));
      }
      rows.add(new Row(u.unitId(), u.name(), total, drillable, row));
    }
    return new View(
        Quarter.of(period),
        frozen.frozenAt(),
        rule.threshold(),
        favourableFrom,
        unitId,
        path,
        columns,
        rows,
        Math.max(0, unlisted),
        quarters());
  }

  /**
   * Decides the quarter from the observations recorded until now and keeps it. When another reader
   * froze it at the same moment, theirs is kept and read.
   */
  private AggregateQueries.Frozen freeze(
      ClientScope scope, EngagementRef e, AggregatePeriod period, OffsetDateTime now) {
    UnitAggregates decided =
        UnitAggregates.decide(
            queries.units(scope),
            queries.ratings(scope, e.id(), period.from(), period.to(), now),
            rule,
            favourableFrom);
    try {
      tx.executeWithoutResult(s -> queries.store(scope, e.id(), period.from(), now, decided));
    } catch (DuplicateKeyException raced) {
      // frozen by a reader at the same moment: theirs stands
    }
    return queries.frozen(scope, e.id(), period.from()).orElseThrow();
  }

  private static CellView cell(UUID behaviour, AggregateQueries.FrozenCell c) {
    if (c == null) {
      return new CellView(behaviour, UnitAggregates.Status.NONE.name(), null, null, null, null);
    }
    return new CellView(
        behaviour,
        c.status(),
        c.people(),
        c.observations(),
        c.mean() == null ? null : Math.round(c.mean() * 100) / 100.0,
        c.favourable() == null ? null : Math.round(c.favourable() * 1000) / 1000.0);
  }

  /** The quarters offered, newest first (for the page when the one asked for was refused). */
  List<Quarter> quarters() {
    return AggregatePeriod.recent(OffsetDateTime.now(clock), graceDays, QUARTERS_OFFERED).stream()
        .map(Quarter::of)
        .toList();
  }

  private static UUID unitId(String unit) {
    if (unit == null || unit.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(unit.strip());
    } catch (IllegalArgumentException e) {
      throw Input.bad("unit", "aggregates.error.unit");
    }
  }
}
