package nl.orgcoach.observation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.orgcoach.access.ClientScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Observations in the database; every statement is bound to a scope. Read only through {@link
 * ObservationService}, which asks {@link ObservationAccess} first.
 */
@Repository
class Observations {

  private final JdbcClient jdbc;

  Observations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(ClientScope scope, Observation o) {
    String present = o.present().stream().map(Enum::name).collect(Collectors.joining(","));
    jdbc.sql(
            """
            INSERT INTO observation (id, client_id, engagement_id, meeting_id, person_id,
                                     observed_on, observer_id, note, bright_spot, present,
                                     dominant, idempotency_key, recorded_at)
            VALUES (:id, :client, :e, :m, :p, :on, :by, :note, :bright, :present, :dominant,
                    :key, :at)
            """)
        .param("id", o.id())
        .param("client", scope.id())
        .param("e", o.engagementId())
        .param("m", o.meetingId())
        .param("p", o.personId())
        .param("on", o.observedOn())
        .param("by", o.observerId())
        .param("note", o.note())
        .param("bright", o.brightSpot())
        .param("present", present)
        .param("dominant", o.dominant() == null ? null : o.dominant().name())
        .param("key", o.idempotencyKey())
        .param("at", o.recordedAt())
        .update();
    // One statement for the ratings and one for the attendees: capture is on the hot path.
    var ratings = new StringBuilder();
    int i = 0;
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    params.put("o", o.id());
    params.put("client", scope.id());
    for (Map.Entry<UUID, Integer> r : o.ratings().entrySet()) {
      ratings
          .append(i == 0 ? "" : ", ")
          .append("(:o, :b")
          .append(i)
          .append(", :client, :r")
          .append(i)
          .append(")");
      params.put("b" + i, r.getKey());
      params.put("r" + i, r.getValue());
      i++;
    }
    jdbc.sql(
            "INSERT INTO observation_rating (observation_id, behaviour_id, client_id, rating) VALUES "
                + ratings)
        .params(params)
        .update();
    if (o.attendees().isEmpty()) {
      return;
    }
    var attendees = new StringBuilder();
    params = new java.util.HashMap<>();
    params.put("o", o.id());
    params.put("client", scope.id());
    int seq = 0;
    for (Observation.StoredAttendee a : o.attendees()) {
      attendees
          .append(seq == 0 ? "" : ", ")
          .append("(:o, :client, ")
          .append(seq)
          .append(", :p")
          .append(seq)
          .append(", :n")
          .append(seq)
          .append(", :c")
          .append(seq)
          .append(", :r")
          .append(seq)
          .append(", :u")
          .append(seq)
          .append(")");
      params.put("p" + seq, a.personId());
      params.put("n" + seq, a.outsiderName());
      params.put("c" + seq, a.category().name());
      params.put("r" + seq, a.relation().name());
      params.put("u" + seq, a.unitId());
      seq++;
    }
    jdbc.sql(
            "INSERT INTO observation_attendee (observation_id, client_id, seq, person_id,"
                + " outsider_name, category, relation, unit_id) VALUES "
                + attendees)
        .params(params)
        .update();
  }

  /** The observation a device already submitted with this key, with its engagement. */
  Optional<Keyed> byKey(ClientScope scope, UUID key) {
    return jdbc.sql(
            "SELECT id, engagement_id FROM observation WHERE client_id = :client AND idempotency_key = :k")
        .param("client", scope.id())
        .param("k", key)
        .query(Keyed.class)
        .optional();
  }

  record Keyed(UUID id, UUID engagementId) {}

  /** An observation as shown: names resolved, the constellation as stored. */
  record Row(
      UUID id,
      UUID engagementId,
      UUID meetingId,
      String meetingTitle,
      UUID personId,
      String personName,
      LocalDate observedOn,
      UUID observerId,
      String observerName,
      String note,
      boolean brightSpot,
      String present,
      String dominant,
      OffsetDateTime recordedAt) {

    List<String> presentList() {
      return present == null || present.isEmpty() ? List.of() : Arrays.asList(present.split(","));
    }
  }

  record Rating(UUID observationId, UUID behaviourId, int rating) {}

  record Attendee(
      UUID observationId,
      UUID personId,
      String name,
      String category,
      String relation,
      UUID unitId) {}

  /** Filters of the observation list; null means any. */
  record Filter(UUID personId, UUID behaviourId, String dominant, UUID meetingId) {
    static final Filter NONE = new Filter(null, null, null, null);
  }

  private static final String ROW =
      """
      SELECT o.id, o.engagement_id, o.meeting_id, m.title AS meeting_title, o.person_id,
             p.first_name || ' ' || p.last_name AS person_name, o.observed_on, o.observer_id,
             u.display_name AS observer_name, o.note, o.bright_spot, o.present, o.dominant,
             o.recorded_at
      FROM observation o
      JOIN meeting m ON m.id = o.meeting_id AND m.client_id = o.client_id
      JOIN person p ON p.id = o.person_id AND p.client_id = o.client_id
      JOIN app_user u ON u.id = o.observer_id
      WHERE o.client_id = :client AND o.engagement_id = :e
      """;

  Optional<Row> find(ClientScope scope, UUID engagementId, UUID id) {
    return jdbc.sql(ROW + " AND o.id = :id")
        .param("client", scope.id())
        .param("e", engagementId)
        .param("id", id)
        .query(Row.class)
        .optional();
  }

  /** The engagement's observations, newest first, at most {@code limit}. */
  List<Row> list(ClientScope scope, UUID engagementId, Filter f, int limit) {
    return jdbc.sql(
            ROW
                + " AND (CAST(:p AS UUID) IS NULL OR o.person_id = CAST(:p AS UUID))"
                + " AND (CAST(:m AS UUID) IS NULL OR o.meeting_id = CAST(:m AS UUID))"
                + " AND (CAST(:d AS VARCHAR(30)) IS NULL OR o.dominant = CAST(:d AS VARCHAR(30)))"
                + " AND (CAST(:b AS UUID) IS NULL OR EXISTS (SELECT 1 FROM observation_rating r"
                + " WHERE r.client_id = o.client_id AND r.observation_id = o.id"
                + " AND r.behaviour_id = CAST(:b AS UUID)))"
                + " ORDER BY o.observed_on DESC, o.recorded_at DESC FETCH FIRST "
                + Math.max(1, limit)
                + " ROWS ONLY")
        .param("client", scope.id())
        .param("e", engagementId)
        .param("p", f.personId())
        .param("m", f.meetingId())
        .param("d", f.dominant())
        .param("b", f.behaviourId())
        .query(Row.class)
        .list();
  }

  /** The ratings of the given observations, by observation. */
  Map<UUID, List<Rating>> ratings(ClientScope scope, List<UUID> observations) {
    if (observations.isEmpty()) {
      return Map.of();
    }
    Map<UUID, List<Rating>> by = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT observation_id, behaviour_id, rating FROM observation_rating
            WHERE client_id = :client AND observation_id IN (:o)
            """)
        .param("client", scope.id())
        .param("o", observations)
        .query(Rating.class)
        .list()
        .forEach(r -> by.computeIfAbsent(r.observationId(), k -> new ArrayList<>()).add(r));
    return by;
  }

  /** The stored constellation of the given observations, by observation, in stored order. */
  Map<UUID, List<Attendee>> attendees(ClientScope scope, List<UUID> observations) {
    if (observations.isEmpty()) {
      return Map.of();
    }
    Map<UUID, List<Attendee>> by = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT a.observation_id, a.person_id,
                   COALESCE(p.first_name || ' ' || p.last_name, a.outsider_name) AS name,
                   a.category, a.relation, a.unit_id
            FROM observation_attendee a
            LEFT JOIN person p ON p.id = a.person_id AND p.client_id = a.client_id
            WHERE a.client_id = :client AND a.observation_id IN (:o)
            ORDER BY a.observation_id, a.seq
            """)
        .param("client", scope.id())
        .param("o", observations)
        .query(Attendee.class)
        .list()
        .forEach(a -> by.computeIfAbsent(a.observationId(), k -> new ArrayList<>()).add(a));
    return by;
  }

  /** One rating of the person in the engagement, with what the profile groups it by. */
  record ProfileRating(
      UUID observationId, LocalDate observedOn, String dominant, UUID behaviourId, int rating) {}

  List<ProfileRating> profileRatings(ClientScope scope, UUID engagementId, UUID personId) {
    return jdbc.sql(
            """
            SELECT o.id AS observation_id, o.observed_on, o.dominant, r.behaviour_id, r.rating
            FROM observation o
            JOIN observation_rating r ON r.observation_id = o.id AND r.client_id = o.client_id
            WHERE o.client_id = :client AND o.engagement_id = :e AND o.person_id = :p
            """)
        .param("client", scope.id())
        .param("e", engagementId)
        .param("p", personId)
        .query(ProfileRating.class)
        .list();
  }

  /** The people observed in the engagement, with how often, by name. */
  record ObservedPerson(UUID personId, String name, int observations, boolean released) {}

  List<ObservedPerson> observedPeople(ClientScope scope, UUID engagementId) {
    return jdbc.sql(
            """
            SELECT o.person_id, p.first_name || ' ' || p.last_name AS name,
                   count(*) AS observations,
                   CASE WHEN EXISTS (SELECT 1 FROM profile_release pr WHERE pr.client_id = o.client_id
                        AND pr.engagement_id = o.engagement_id AND pr.person_id = o.person_id)
                        THEN TRUE ELSE FALSE END AS released
            FROM observation o JOIN person p ON p.id = o.person_id AND p.client_id = o.client_id
            WHERE o.client_id = :client AND o.engagement_id = :e
            GROUP BY o.client_id, o.engagement_id, o.person_id, p.first_name, p.last_name
            ORDER BY p.last_name, p.first_name
            """)
        .param("client", scope.id())
        .param("e", engagementId)
        .query(ObservedPerson.class)
        .list();
  }

  boolean isReleased(ClientScope scope, UUID engagementId, UUID personId) {
    return jdbc.sql(
                """
            SELECT count(*) FROM profile_release
            WHERE client_id = :client AND engagement_id = :e AND person_id = :p
            """)
            .param("client", scope.id())
            .param("e", engagementId)
            .param("p", personId)
            .query(Integer.class)
            .single()
        > 0;
  }

  void release(ClientScope scope, UUID engagementId, UUID personId, UUID by, OffsetDateTime at) {
    if (isReleased(scope, engagementId, personId)) {
      return;
    }
    jdbc.sql(
            """
            INSERT INTO profile_release (engagement_id, person_id, client_id, released_by, released_at)
            VALUES (:e, :p, :client, :by, :at)
            """)
        .param("e", engagementId)
        .param("p", personId)
        .param("client", scope.id())
        .param("by", by)
        .param("at", at)
        .update();
  }

  void revoke(ClientScope scope, UUID engagementId, UUID personId) {
    jdbc.sql(
            "DELETE FROM profile_release WHERE client_id = :client AND engagement_id = :e AND person_id = :p")
        .param("client", scope.id())
        .param("e", engagementId)
        .param("p", personId)
        .update();
  }
}
