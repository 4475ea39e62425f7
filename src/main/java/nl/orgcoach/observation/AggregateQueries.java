package nl.orgcoach.observation;

import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the observation aggregates read and keep: the client's unit tree, a quarter's ratings with
 * the unit each person counts in, and a quarter's decided cells once frozen. Every statement is
 * bound to a scope. Only {@link ObservationAggregates} calls this, after {@link ObservationAccess}.
 */
@Repository
class AggregateQueries {

  private static final int BATCH = 1000;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  AggregateQueries(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /** Every unit of the client, with its parent (the organisation module's tree, read as it is). */
  List<UnitAggregates.Unit> units(ClientScope scope) {
    return jdbc.sql("SELECT id, name, parent_id FROM unit WHERE client_id = :client")
        .param("client", scope.id())
        .query(UnitAggregates.Unit.class)
        .list();
  }

  /**
   * The ratings of the engagement's observations dated in [from, to] and recorded before {@code
   * recordedBefore}, each with the unit its person counts in: the unit the person belonged to on
   * the day of their last observation in the period (person_history), or their current unit when
   * the history does not know that day.
   */
  List<UnitAggregates.Rated> ratings(
      ClientScope scope,
      UUID engagementId,
      LocalDate from,
      LocalDate to,
      OffsetDateTime recordedBefore) {
    return jdbc.sql(
            """
            SELECT o.person_id, COALESCE(h.unit_id, p.unit_id) AS unit_id, r.behaviour_id, r.rating
            FROM observation o
            JOIN observation_rating r ON r.observation_id = o.id AND r.client_id = o.client_id
            JOIN (SELECT person_id, MAX(observed_on) AS last_on FROM observation
                  WHERE client_id = :client AND engagement_id = :e AND observed_on >= :from
                    AND observed_on <= :to AND recorded_at < :before
                  GROUP BY person_id) l ON l.person_id = o.person_id
            JOIN person p ON p.id = o.person_id AND p.client_id = o.client_id
            LEFT JOIN person_history h ON h.client_id = o.client_id AND h.person_id = o.person_id
                 AND h.valid_from <= l.last_on AND (h.valid_to IS NULL OR h.valid_to > l.last_on)
            WHERE o.client_id = :client AND o.engagement_id = :e AND o.observed_on >= :from
              AND o.observed_on <= :to AND o.recorded_at < :before
            """)
        .param("client", scope.id())
        .param("e", engagementId)
        .param("from", from)
        .param("to", to)
        .param("before", recordedBefore)
        .query(UnitAggregates.Rated.class)
        .list();
  }

  /** A frozen quarter: when, and how many top units the tree had then. */
  record Frozen(OffsetDateTime frozenAt, int topUnits) {}

  /** A unit as the quarter was frozen on; parentId null at the top. */
  record FrozenUnit(UUID unitId, UUID parentId, String name, int childUnits) {}

  /** A stored cell; the figures only when SHOWN. */
  record FrozenCell(
      UUID unitId,
      UUID behaviourId,
      String status,
      Integer people,
      Integer observations,
      Double mean,
      Double favourable) {}

  Optional<Frozen> frozen(ClientScope scope, UUID engagementId, LocalDate quarter) {
    return ofQuarter(
            """
            SELECT frozen_at, top_units FROM observation_aggregate_freeze
            WHERE client_id = :client AND engagement_id = :e AND quarter_from = :q
            """,
            scope,
            engagementId,
            quarter)
        .query(Frozen.class)
        .optional();
  }

  /**
   * Keeps the decided quarter: the moment, the units with observations and their cells. Call in a
   * transaction: a second reader freezing the same quarter at the same time fails on the key and
   * rolls back, and then reads the first one's.
   */
  void store(
      ClientScope scope,
      UUID engagementId,
      LocalDate quarter,
      OffsetDateTime at,
      UnitAggregates decided) {
    List<UnitAggregates.Unit> units = decided.observedUnits();
    int topUnits = decided.roots().size();
    jdbc.sql(
            """
            INSERT INTO observation_aggregate_freeze (engagement_id, client_id, quarter_from,
                                                      frozen_at, top_units)
            VALUES (:e, :client, :q, :at, :top)
            """)
        .param("e", engagementId)
        .param("client", scope.id())
        .param("q", quarter)
        .param("at", at)
        .param("top", topUnits)
        .update();
    batch.batchUpdate(
        """
        INSERT INTO observation_aggregate_unit (engagement_id, quarter_from, client_id, unit_id,
                                                parent_id, name, child_units)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
        units,
        BATCH,
        (ps, u) -> {
          ps.setObject(1, engagementId);
          ps.setObject(2, quarter);
          ps.setObject(3, scope.id());
          ps.setObject(4, u.id());
          if (decided.isRoot(u.id())) {
            ps.setNull(5, Types.OTHER);
          } else {
            ps.setObject(5, u.parentId());
          }
          ps.setString(6, u.name());
          ps.setInt(7, decided.children(u.id()).size());
        });
    List<Map.Entry<UnitAggregates.Key, UnitAggregates.Cell>> cells =
        new ArrayList<>(decided.cells().entrySet());
    batch.batchUpdate(
        """
        INSERT INTO observation_aggregate_cell (engagement_id, quarter_from, client_id, unit_id,
                                                behaviour_id, status, people, observations, mean,
                                                favourable)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        cells,
        BATCH,
        (ps, c) -> {
          UnitAggregates.Cell cell = c.getValue();
          ps.setObject(1, engagementId);
          ps.setObject(2, quarter);
          ps.setObject(3, scope.id());
          ps.setObject(4, c.getKey().unitId());
          ps.setObject(5, c.getKey().behaviourId());
          ps.setString(6, cell.status().name());
          ps.setObject(7, cell.people(), Types.INTEGER);
          ps.setObject(8, cell.observations(), Types.INTEGER);
          ps.setObject(9, cell.mean(), Types.DOUBLE);
          ps.setObject(10, cell.favourable(), Types.DOUBLE);
        });
  }

  List<FrozenUnit> frozenUnits(ClientScope scope, UUID engagementId, LocalDate quarter) {
    return ofQuarter(
            """
            SELECT unit_id, parent_id, name, child_units FROM observation_aggregate_unit
            WHERE client_id = :client AND engagement_id = :e AND quarter_from = :q
            """,
            scope,
            engagementId,
            quarter)
        .query(FrozenUnit.class)
        .list();
  }

  /** The stored cells of these units. */
  List<FrozenCell> frozenCells(
      ClientScope scope, UUID engagementId, LocalDate quarter, Collection<UUID> units) {
    if (units.isEmpty()) {
      return List.of();
    }
    return ofQuarter(
            """
            SELECT unit_id, behaviour_id, status, people, observations, mean, favourable
            FROM observation_aggregate_cell
            WHERE client_id = :client AND engagement_id = :e AND quarter_from = :q
              AND unit_id IN (:units)
            """,
            scope,
            engagementId,
            quarter)
        .param("units", List.copyOf(units))
        .query(FrozenCell.class)
        .list();
  }

  /** A statement about one frozen quarter of the engagement: :client, :e and :q bound. */
  private JdbcClient.StatementSpec ofQuarter(
      String sql, ClientScope scope, UUID engagementId, LocalDate quarter) {
    return jdbc.sql(sql).param("client", scope.id()).param("e", engagementId).param("q", quarter);
  }
}
