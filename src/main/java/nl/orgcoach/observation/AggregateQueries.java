package nl.orgcoach.observation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the observation aggregates read: the client's unit tree, a quarter's ratings with the unit
 * each person counts in, and the moment a quarter was frozen. Every statement is bound to a scope.
 * Only {@link ObservationAggregates} calls this, after {@link ObservationAccess}.
 */
@Repository
class AggregateQueries {

  private final JdbcClient jdbc;

  AggregateQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
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

  /**
   * The moment the engagement's quarter was frozen; frozen now when it was not yet (the first
   * reader freezes it; a reader racing them gets their moment).
   */
  OffsetDateTime freeze(
      ClientScope scope, UUID engagementId, LocalDate quarter, OffsetDateTime now) {
    Optional<OffsetDateTime> frozen = frozenAt(scope, engagementId, quarter);
    if (frozen.isPresent()) {
      return frozen.get();
    }
    try {
      jdbc.sql(
              """
              INSERT INTO observation_aggregate_freeze (engagement_id, client_id, quarter_from, frozen_at)
              VALUES (:e, :client, :q, :at)
              """)
          .param("e", engagementId)
          .param("client", scope.id())
          .param("q", quarter)
          .param("at", now)
          .update();
      return now;
    } catch (DuplicateKeyException raced) {
      return frozenAt(scope, engagementId, quarter).orElseThrow();
    }
  }

  private Optional<OffsetDateTime> frozenAt(ClientScope scope, UUID engagementId, LocalDate q) {
    return jdbc.sql(
            """
            SELECT frozen_at FROM observation_aggregate_freeze
            WHERE client_id = :client AND engagement_id = :e AND quarter_from = :q
            """)
        .param("client", scope.id())
        .param("e", engagementId)
        .param("q", q)
        .query(OffsetDateTime.class)
        .optional();
  }
}
