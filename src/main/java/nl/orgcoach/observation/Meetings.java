package nl.orgcoach.observation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Meetings and their attendees in the database; every statement is bound to a scope. */
@Repository
class Meetings {

  private final JdbcClient jdbc;

  Meetings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(ClientScope scope, Meeting m, UUID createdBy, OffsetDateTime at) {
    jdbc.sql(
            """
            INSERT INTO meeting (id, client_id, engagement_id, setting_id, title, held_on,
                                 created_by, created_at)
            VALUES (:id, :client, :e, :s, :title, :on, :by, :at)
            """)
        .param("id", m.id())
        .param("client", scope.id())
        .param("e", m.engagementId())
        .param("s", m.settingId())
        .param("title", m.title())
        .param("on", m.heldOn())
        .param("by", createdBy)
        .param("at", at)
        .update();
    insertAttendees(scope, m.id(), m.attendees());
  }

  void replaceAttendees(ClientScope scope, UUID meetingId, List<Meeting.Attendee> attendees) {
    jdbc.sql("DELETE FROM meeting_attendee WHERE client_id = :client AND meeting_id = :m")
        .param("client", scope.id())
        .param("m", meetingId)
        .update();
    insertAttendees(scope, meetingId, attendees);
  }

  private void insertAttendees(ClientScope scope, UUID meetingId, List<Meeting.Attendee> list) {
    for (Meeting.Attendee a : list) {
      jdbc.sql(
              """
              INSERT INTO meeting_attendee (id, meeting_id, client_id, person_id, outsider_name)
              VALUES (:id, :m, :client, :p, :n)
              """)
          .param("id", UUID.randomUUID())
          .param("m", meetingId)
          .param("client", scope.id())
          .param("p", a.personId())
          .param("n", a.outsider() ? a.name() : null)
          .update();
    }
  }

  Optional<Meeting> find(ClientScope scope, UUID engagementId, UUID id) {
    record Row(UUID id, UUID engagementId, UUID settingId, String title, LocalDate heldOn) {}
    return jdbc.sql(
            """
            SELECT id, engagement_id, setting_id, title, held_on FROM meeting
            WHERE client_id = :client AND engagement_id = :e AND id = :id
            """)
        .param("client", scope.id())
        .param("e", engagementId)
        .param("id", id)
        .query(Row.class)
        .optional()
        .map(
            r ->
                new Meeting(
                    r.id(),
                    r.engagementId(),
                    r.settingId(),
                    r.title(),
                    r.heldOn(),
                    attendees(scope, r.id())));
  }

  /** The engagement a meeting of the scope's client belongs to. */
  Optional<UUID> engagementOf(ClientScope scope, UUID meetingId) {
    return jdbc.sql("SELECT engagement_id FROM meeting WHERE client_id = :client AND id = :id")
        .param("client", scope.id())
        .param("id", meetingId)
        .query(UUID.class)
        .optional();
  }

  List<Meeting.Attendee> attendees(ClientScope scope, UUID meetingId) {
    return jdbc.sql(
            """
            SELECT a.person_id,
                   COALESCE(p.first_name || ' ' || p.last_name, a.outsider_name) AS name
            FROM meeting_attendee a
            LEFT JOIN person p ON p.id = a.person_id AND p.client_id = a.client_id
            WHERE a.client_id = :client AND a.meeting_id = :m
            ORDER BY CASE WHEN a.person_id IS NULL THEN 1 ELSE 0 END, p.last_name, p.first_name,
                     a.outsider_name
            """)
        .param("client", scope.id())
        .param("m", meetingId)
        .query(Meeting.Attendee.class)
        .list();
  }

  /** The meetings of the engagements given, newest first, between the dates (inclusive). */
  List<Meeting.Summary> list(
      ClientScope scope, List<UUID> engagements, LocalDate from, LocalDate to, int limit) {
    if (engagements.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            SELECT m.id, m.engagement_id, m.setting_id, m.title, m.held_on,
                   (SELECT count(*) FROM meeting_attendee a
                     WHERE a.client_id = m.client_id AND a.meeting_id = m.id) AS attendee_count,
                   (SELECT count(*) FROM observation o
                     WHERE o.client_id = m.client_id AND o.meeting_id = m.id) AS observation_count
            FROM meeting m
            WHERE m.client_id = :client AND m.engagement_id IN (:e)
              AND m.held_on >= :from AND m.held_on <= :to
            ORDER BY m.held_on DESC, m.created_at DESC
            """
                + " FETCH FIRST "
                + Math.max(1, limit)
                + " ROWS ONLY")
        .param("client", scope.id())
        .param("e", engagements)
        .param("from", from)
        .param("to", to)
        .query(Meeting.Summary.class)
        .list();
  }
}
