package nl.orgcoach.observation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.engagement.EngagementLookup.EngagementRef;
import nl.orgcoach.platform.NotFoundException;
import nl.orgcoach.stats.AnonymityRule;
import nl.orgcoach.stats.IncongruenceSettings;
import org.springframework.stereotype.Component;

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
  private final AnonymityRule rule;
  private final int graceDays;
  private final Clock clock;

  @org.springframework.beans.factory.annotation.Autowired
  ObservationAggregates(
      ObservationAccess access,
      AggregateQueries queries,
      Behaviours behaviours,
      AggregateSettings settings) {
    this(access, queries, behaviours, settings, Clock.systemUTC());
  }

  ObservationAggregates(
      ObservationAccess access,
      AggregateQueries queries,
      Behaviours behaviours,
      AggregateSettings settings,
      Clock clock) {
    this.access = access;
    this.queries = queries;
    this.behaviours = behaviours;
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

    /** The colour class of the heatmap: heat-1 (mean below 2) to heat-5 (4.25 and up). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String heat() {
      if (mean == null) {
        return "heat-none";
      }
      int level = mean < 2 ? 1 : mean < 2.75 ? 2 : mean < 3.5 ? 3 : mean < 4.25 ? 4 : 5;
      return "heat-" + level;
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
    OffsetDateTime now =
        OffsetDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    UUID unitId = unitId(unit);
    AggregatePeriod period = AggregatePeriod.parse(from, to, now, graceDays);
    OffsetDateTime frozenAt = queries.freeze(scope, e.id(), period.from(), now);
    List<UnitAggregates.Unit> tree = queries.units(scope);
    int favourableFrom = IncongruenceSettings.defaults().favourableFrom();
    UnitAggregates decided =
        UnitAggregates.decide(
            tree,
            queries.ratings(scope, e.id(), period.from(), period.to(), frozenAt),
            rule,
            favourableFrom);
    if (unitId != null && !decided.contains(unitId)) {
      throw new NotFoundException("unit");
    }
    List<Behaviour> framework = behaviours.of(scope, e.id());
    List<Column> columns =
        framework.stream().map(b -> new Column(b.id(), b.name(locale), b.retired())).toList();
    List<Row> rows = new ArrayList<>();
    List<UnitAggregates.Unit> level;
    if (unitId == null) {
      level = decided.roots();
    } else {
      rows.add(row(decided, decided.unit(unitId), true, columns));
      level = decided.children(unitId);
    }
    int unlisted = 0;
    for (UnitAggregates.Unit u : level) {
      if (decided.observed(u.id())) {
        rows.add(row(decided, u, false, columns));
      } else {
        unlisted++;
      }
    }
    List<Crumb> path =
        unitId == null
            ? List.of()
            : decided.path(unitId).stream().map(u -> new Crumb(u.id(), u.name())).toList();
    return new View(
        Quarter.of(period),
        frozenAt,
        rule.threshold(),
        favourableFrom,
        unitId,
        path,
        columns,
        rows,
        unlisted,
        quarters());
  }

  /** The quarters offered, newest first (for the page when the one asked for was refused). */
  List<Quarter> quarters() {
    return AggregatePeriod.recent(OffsetDateTime.now(clock), graceDays, QUARTERS_OFFERED).stream()
        .map(Quarter::of)
        .toList();
  }

  private static Row row(
      UnitAggregates decided, UnitAggregates.Unit u, boolean total, List<Column> columns) {
    boolean drillable = decided.children(u.id()).stream().anyMatch(c -> decided.observed(c.id()));
    List<CellView> cells = new ArrayList<>();
    for (Column c : columns) {
      UnitAggregates.Cell cell = decided.cell(u.id(), c.id());
      cells.add(
          new CellView(
              c.id(),
              cell.status().name(),
              cell.people(),
              cell.observations(),
              cell.mean() == null ? null : Math.round(cell.mean() * 100) / 100.0,
              cell.favourable() == null ? null : Math.round(cell.favourable() * 1000) / 1000.0));
    }
    return new Row(u.id(), u.name(), total, drillable, cells);
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
