package nl.orgcoach.observation;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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
import nl.orgcoach.platform.FilteredSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Observations in the database; every statement is bound to a scope. Read only through {@link
 * ObservationService}, which asks {@link ObservationAccess} first.
 */
@Repository
class Observations {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  Observations(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  void insert(ClientScope scope, Observation o) {
    insertAll(scope, List.of(o));
  }

  /**
   * Writes observations with their ratings and stored constellations: one batch per table, so the
   * cost of capture (one observation) and of seeding (a meeting's worth) is three statements.
   */
  void insertAll(ClientScope scope, List<Observation> all) {
    UUID client = scope.id();
    batch.batchUpdate(
        """
        INSERT INTO observation (id, client_id, engagement_id, meeting_id, person_id, observed_on,
                                 observer_id, note, bright_spot, present, dominant,
                                 idempotency_key, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        all,
        all.size(),
        (ps, o) -> {
          ps.setObject(1, o.id());
          ps.setObject(2, client);
          ps.setObject(3, o.engagementId());
          ps.setObject(4, o.meetingId());
          ps.setObject(5, o.personId());
          ps.setObject(6, o.observedOn());
          ps.setObject(7, o.observerId());
          text(ps, 8, o.note());
          ps.setBoolean(9, o.brightSpot());
          ps.setString(10, o.present().stream().map(Enum::name).collect(Collectors.joining(",")));
          text(ps, 11, o.dominant() == null ? null : o.dominant().name());
          ps.setObject(12, o.idempotencyKey());
          ps.setObject(13, o.recordedAt());
        });
    record RatingRow(UUID observation, UUID behaviour, int rating) {}
    List<RatingRow> ratings = new ArrayList<>();
    record AttendeeRow(UUID observation, int seq, Observation.StoredAttendee a) {}
    List<AttendeeRow> attendees = new ArrayList<>();
    for (Observation o : all) {
      o.ratings().forEach((b, r) -> ratings.add(new RatingRow(o.id(), b, r)));
      int seq = 0;
      for (Observation.StoredAttendee a : o.attendees()) {
        attendees.add(new AttendeeRow(o.id(), seq++, a));
      }
    }
    batch.batchUpdate(
        "INSERT INTO observation_rating (observation_id, behaviour_id, client_id, rating)"
            + " VALUES (?, ?, ?, ?)",
        ratings,
        ratings.size(),
        (ps, r) -> {
          ps.setObject(1, r.observation());
          ps.setObject(2, r.behaviour());
          ps.setObject(3, client);
          ps.setInt(4, r.rating());
        });
    if (attendees.isEmpty()) {
      return;
    }
    batch.batchUpdate(
        "INSERT INTO observation_attendee (observation_id, client_id, seq, person_id,"
            + " outsider_name, category, relation, unit_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        attendees,
        attendees.size(),
        (ps, row) -> {
          Observation.StoredAttendee a = row.a();
          ps.setObject(1, row.observation());
          ps.setObject(2, client);
          ps.setInt(3, row.seq());
          uuid(ps, 4, a.personId());
          text(ps, 5, a.outsiderName());
          ps.setString(6, a.category().name());
          ps.setString(7, a.relation().name());
          uuid(ps, 8, a.unitId());
        });
  }

  private static void uuid(PreparedStatement ps, int i, UUID value) throws SQLException {
    if (value == null) {
      ps.setNull(i, Types.OTHER);
    } else {
      ps.setObject(i, value);
    }
  }

  private static void text(PreparedStatement ps, int i, String value) throws SQLException {
    if (value == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, value);
    }
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

  // Rows mapped by hand: the profile of a busy person reads thousands of rows, and the generic
  // record mapper costs far more per row than the query (see ReportingLines).

  private static UUID uuid(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, UUID.class);
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        uuid(rs, "id"),
        uuid(rs, "engagement_id"),
        uuid(rs, "meeting_id"),
        rs.getString("meeting_title"),
        uuid(rs, "person_id"),
        rs.getString("person_name"),
        rs.getObject("observed_on", LocalDate.class),
        uuid(rs, "observer_id"),
        rs.getString("observer_name"),
        rs.getString("note"),
        rs.getBoolean("bright_spot"),
        rs.getString("present"),
        rs.getString("dominant"),
        rs.getObject("recorded_at", OffsetDateTime.class));
  }

  private static Rating rating(ResultSet rs, int n) throws SQLException {
    return new Rating(uuid(rs, "observation_id"), uuid(rs, "behaviour_id"), rs.getInt("rating"));
  }

  private static Attendee attendee(ResultSet rs, int n) throws SQLException {
    return new Attendee(
        uuid(rs, "observation_id"),
        uuid(rs, "person_id"),
        rs.getString("name"),
        rs.getString("category"),
        rs.getString("relation"),
        uuid(rs, "unit_id"));
  }

  private static ProfileRating profileRating(ResultSet rs, int n) throws SQLException {
    return new ProfileRating(
        uuid(rs, "observation_id"),
        rs.getObject("observed_on", LocalDate.class),
        rs.getString("dominant"),
        uuid(rs, "behaviour_id"),
        rs.getInt("rating"));
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
        .query(Observations::row)
        .optional();
  }

  /**
   * The engagement's observations, newest first, at most {@code limit}. Only the filters given
   * become conditions: with {@code (:p IS NULL OR o.person_id = :p)} PostgreSQL switched to a
   * generic plan after five executions that scanned every meeting of the engagement for one
   * person's profile (1.8 s on the 300,000-observation benchmark, against 2 ms; issue 4).
   */
  List<Row> list(ClientScope scope, UUID engagementId, Filter f, int limit) {
    return FilteredSql.selectWhere(ROW)
        .param("client", scope.id())
        .param("e", engagementId)
        .whereGiven("o.person_id = :p", "p", f.personId())
        .whereGiven("o.meeting_id = :m", "m", f.meetingId())
        .whereGiven("o.dominant = :d", "d", f.dominant())
        .whereGiven(
            "EXISTS (SELECT 1 FROM observation_rating r WHERE r.client_id = o.client_id"
                + " AND r.observation_id = o.id AND r.behaviour_id = :b)",
            "b",
            f.behaviourId())
        .then(
            "ORDER BY o.observed_on DESC, o.recorded_at DESC FETCH FIRST "
                + Math.max(1, limit)
                + " ROWS ONLY")
        .on(jdbc)
        .query(Observations::row)
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
        .query(Observations::rating)
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
        .query(Observations::attendee)
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
        .query(Observations::profileRating)
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
