package nl.orgcoach.engagement;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.orgcoach.access.ClientScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Interventions, agreements and note shares in the database; every statement is bound to a scope.
 * No query here selects the notes except {@link #notes}, which only {@link NoteAccess} calls.
 */
@Repository
class Interventions {

  private final JdbcClient jdbc;

  Interventions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An intervention without its notes, as lists and detail pages show it. */
  record Summary(
      UUID id,
      UUID engagementId,
      InterventionType type,
      LocalDate heldOn,
      int durationMinutes,
      UUID recordedBy,
      OffsetDateTime recordedAt,
      LocalTime startsAt) {}

  /** An agreement with its owner's name and the intervention and engagement it followed. */
  record AgreementRow(
      UUID id,
      UUID interventionId,
      UUID engagementId,
      UUID ownerPersonId,
      String ownerName,
      String what,
      LocalDate dueOn,
      AgreementStatus status,
      OffsetDateTime updatedAt) {}

  record Named(UUID id, String name) {}

  void insert(ClientScope scope, Intervention i) {
    jdbc.sql(
            """
            INSERT INTO intervention (id, client_id, engagement_id, type, held_on, starts_at,
                                      duration_minutes, notes, recorded_by, recorded_at)
            VALUES (:id, :client, :e, :type, :held, :starts, :duration, :notes, :by, :at)
            """)
        .param("id", i.id())
        .param("client", scope.id())
        .param("e", i.engagementId().value())
        .param("type", i.type().name())
        .param("held", i.heldOn())
        .param("starts", i.startsAt())
        .param("duration", i.durationMinutes())
        .param("notes", i.notes())
        .param("by", i.recordedBy())
        .param("at", i.recordedAt())
        .update();
    for (UUID coach : i.coaches()) {
      jdbc.sql(
              "INSERT INTO intervention_coach (intervention_id, user_id, client_id) VALUES (:i, :u, :c)")
          .param("i", i.id())
          .param("u", coach)
          .param("c", scope.id())
          .update();
    }
    for (UUID person : i.participantPersons()) {
      participant(scope, i.id(), person, null);
    }
    for (UUID unit : i.participantUnits()) {
      participant(scope, i.id(), null, unit);
    }
    for (Question q : i.answered()) {
      jdbc.sql(
              """
              INSERT INTO intervention_question (intervention_id, question_id, client_id)
              VALUES (:i, :q, :c)
              """)
          .param("i", i.id())
          .param("q", q.id().value())
          .param("c", scope.id())
          .update();
    }
    for (Agreement a : i.agreements()) {
      jdbc.sql(
              """
              INSERT INTO agreement (id, client_id, intervention_id, owner_person_id, what, due_on,
                                     status, updated_at)
              VALUES (:id, :c, :i, :owner, :what, :due, :status, :at)
              """)
          .param("id", a.id())
          .param("c", scope.id())
          .param("i", i.id())
          .param("owner", a.ownerPersonId())
          .param("what", a.what())
          .param("due", a.dueOn())
          .param("status", a.status().name())
          .param("at", a.updatedAt())
          .update();
    }
  }

  private void participant(ClientScope scope, UUID intervention, UUID person, UUID unit) {
    jdbc.sql(
            """
            INSERT INTO intervention_participant (intervention_id, person_id, unit_id, client_id)
            VALUES (:i, :p, :u, :c)
            """)
        .param("i", intervention)
        .param("p", person)
        .param("u", unit)
        .param("c", scope.id())
        .update();
  }

  private static final String SUMMARY =
      """
      SELECT id, engagement_id, type, held_on, duration_minutes, recorded_by, recorded_at, starts_at
      FROM intervention WHERE client_id = :client
      """;

  Optional<Summary> find(ClientScope scope, UUID engagementId, UUID id) {
    return jdbc.sql(SUMMARY + " AND engagement_id = :e AND id = :id")
        .param("client", scope.id())
        .param("e", engagementId)
        .param("id", id)
        .query(Summary.class)
        .optional();
  }

  List<Summary> list(ClientScope scope, UUID engagementId, int limit) {
    return jdbc.sql(
            SUMMARY
                + " AND engagement_id = :e ORDER BY held_on DESC, recorded_at DESC FETCH FIRST "
                + Math.max(1, limit)
                + " ROWS ONLY")
        .param("client", scope.id())
        .param("e", engagementId)
        .query(Summary.class)
        .list();
  }

  /** An intervention of the client in any engagement (the caller checks the engagement). */
  Optional<Summary> findAny(ClientScope scope, UUID id) {
    return jdbc.sql(SUMMARY + " AND id = :id")
        .param("client", scope.id())
        .param("id", id)
        .query(Summary.class)
        .optional();
  }

  /** A coming session as the coachee's home shows it: when, what, with which coaches. */
  record Coming(
      UUID id,
      UUID engagementId,
      String engagementTitle,
      InterventionType type,
      LocalDate heldOn,
      LocalTime startsAt,
      int durationMinutes,
      List<String> coaches,
      String calendar) {}

  /**
   * The interventions from {@code today} on in which the person takes part, in person or as a
   * member of a participating unit (the unit they belong to); two statements, whatever the count.
   */
  List<Coming> coming(ClientScope scope, UUID personId, LocalDate today, int limit) {
    record Row(
        UUID id,
        UUID engagementId,
        String engagementTitle,
        InterventionType type,
        LocalDate heldOn,
        LocalTime startsAt,
        int durationMinutes) {}
    List<Row> rows =
        jdbc.sql(
                """
                SELECT i.id, i.engagement_id, e.title AS engagement_title, i.type, i.held_on,
                       i.starts_at, i.duration_minutes
                FROM intervention i
                JOIN engagement e ON e.id = i.engagement_id AND e.client_id = i.client_id
                WHERE i.client_id = :client AND i.held_on >= :today
                  AND (i.id IN (SELECT x.intervention_id FROM intervention_participant x
                                WHERE x.client_id = :client AND x.person_id = :p)
                       OR i.id IN (SELECT x.intervention_id FROM intervention_participant x
                                   JOIN person p ON p.unit_id = x.unit_id AND p.client_id = x.client_id
                                   WHERE x.client_id = :client AND p.id = :p))
                ORDER BY i.held_on, i.starts_at, i.id FETCH FIRST
                """
                    + Math.max(1, limit)
                    + " ROWS ONLY")
            .param("client", scope.id())
            .param("today", today)
            .param("p", personId)
            .query(Row.class)
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    record CoachName(UUID interventionId, String displayName) {}
    Map<UUID, List<String>> coaches =
        jdbc
            .sql(
                """
                SELECT c.intervention_id, u.display_name FROM intervention_coach c
                JOIN app_user u ON u.id = c.user_id
                WHERE c.client_id = :client AND c.intervention_id IN (:ids)
                ORDER BY u.display_name
                """)
            .param("client", scope.id())
            .param("ids", rows.stream().map(Row::id).toList())
            .query(CoachName.class)
            .list()
            .stream()
            .collect(
                Collectors.groupingBy(
                    CoachName::interventionId,
                    Collectors.mapping(CoachName::displayName, Collectors.toList())));
    return rows.stream()
        .map(
            r ->
                new Coming(
                    r.id(),
                    r.engagementId(),
                    r.engagementTitle(),
                    r.type(),
                    r.heldOn(),
                    r.startsAt(),
                    r.durationMinutes(),
                    coaches.getOrDefault(r.id(), List.of()),
                    "/c/" + scope.clientId() + "/interventions/" + r.id() + ".ics"))
        .toList();
  }

  /** The interventions that answered a question, oldest first. */
  List<Summary> answering(ClientScope scope, UUID engagementId, UUID questionId) {
    return jdbc.sql(
            SUMMARY
                + """
                 AND engagement_id = :e
                 AND id IN (SELECT intervention_id FROM intervention_question
                            WHERE client_id = :client AND question_id = :q)
                ORDER BY held_on, id
                """)
        .param("client", scope.id())
        .param("e", engagementId)
        .param("q", questionId)
        .query(Summary.class)
        .list();
  }

  /** The interventions a person took part in or had the notes shared with. */
  List<Summary> ofPerson(ClientScope scope, UUID personId, int limit) {
    return jdbc.sql(
            SUMMARY
                + """
                 AND (id IN (SELECT intervention_id FROM intervention_participant
                             WHERE client_id = :client AND person_id = :p)
                      OR id IN (SELECT intervention_id FROM note_share
                                WHERE client_id = :client AND person_id = :p))
                ORDER BY held_on DESC FETCH FIRST
                """
                + Math.max(1, limit)
                + " ROWS ONLY")
        .param("client", scope.id())
        .param("p", personId)
        .query(Summary.class)
        .list();
  }

  /** The confidential notes. Only {@link NoteAccess} calls this, after its check, and audits it. */
  Optional<String> notes(ClientScope scope, UUID interventionId) {
    return jdbc.sql("SELECT notes FROM intervention WHERE client_id = :client AND id = :id")
        .param("client", scope.id())
        .param("id", interventionId)
        .query(String.class)
        .optional();
  }

  Set<UUID> coachIds(ClientScope scope, UUID interventionId) {
    return Set.copyOf(
        jdbc.sql(
                "SELECT user_id FROM intervention_coach WHERE client_id = :client AND intervention_id = :i")
            .param("client", scope.id())
            .param("i", interventionId)
            .query(UUID.class)
            .list());
  }

  boolean isParticipant(ClientScope scope, UUID interventionId, UUID personId) {
    return jdbc.sql(
                """
                SELECT COUNT(*) FROM intervention_participant
                WHERE client_id = :client AND intervention_id = :i AND person_id = :p
                """)
            .param("client", scope.id())
            .param("i", interventionId)
            .param("p", personId)
            .query(Long.class)
            .single()
        > 0;
  }

  boolean isSharedWith(ClientScope scope, UUID interventionId, UUID personId) {
    return jdbc.sql(
                """
                SELECT COUNT(*) FROM note_share
                WHERE client_id = :client AND intervention_id = :i AND person_id = :p
                """)
            .param("client", scope.id())
            .param("i", interventionId)
            .param("p", personId)
            .query(Long.class)
            .single()
        > 0;
  }

  void share(ClientScope scope, UUID interventionId, UUID personId, UUID by, OffsetDateTime at) {
    if (isSharedWith(scope, interventionId, personId)) {
      return;
    }
    jdbc.sql(
            """
            INSERT INTO note_share (intervention_id, person_id, client_id, shared_by_person_id,
                                    shared_at)
            VALUES (:i, :p, :c, :by, :at)
            """)
        .param("i", interventionId)
        .param("p", personId)
        .param("c", scope.id())
        .param("by", by)
        .param("at", at)
        .update();
  }

  List<Named> coaches(ClientScope scope, UUID interventionId) {
    return jdbc.sql(
            """
            SELECT u.id, u.display_name AS name FROM intervention_coach c
            JOIN app_user u ON u.id = c.user_id
            WHERE c.client_id = :client AND c.intervention_id = :i ORDER BY u.display_name
            """)
        .param("client", scope.id())
        .param("i", interventionId)
        .query(Named.class)
        .list();
  }

  List<Named> participants(ClientScope scope, UUID interventionId) {
    return jdbc.sql(
            """
            SELECT COALESCE(p.id, u.id) AS id,
                   COALESCE(p.first_name || ' ' || p.last_name, u.name) AS name
            FROM intervention_participant x
            LEFT JOIN person p ON p.id = x.person_id AND p.client_id = x.client_id
            LEFT JOIN unit u ON u.id = x.unit_id AND u.client_id = x.client_id
            WHERE x.client_id = :client AND x.intervention_id = :i
            ORDER BY 2
            """)
        .param("client", scope.id())
        .param("i", interventionId)
        .query(Named.class)
        .list();
  }

  List<Named> sharedWith(ClientScope scope, UUID interventionId) {
    return jdbc.sql(
            """
            SELECT p.id, p.first_name || ' ' || p.last_name AS name FROM note_share s
            JOIN person p ON p.id = s.person_id AND p.client_id = s.client_id
            WHERE s.client_id = :client AND s.intervention_id = :i ORDER BY 2
            """)
        .param("client", scope.id())
        .param("i", interventionId)
        .query(Named.class)
        .list();
  }

  List<UUID> questionIds(ClientScope scope, UUID interventionId) {
    return jdbc.sql(
            """
            SELECT question_id FROM intervention_question
            WHERE client_id = :client AND intervention_id = :i
            """)
        .param("client", scope.id())
        .param("i", interventionId)
        .query(UUID.class)
        .list();
  }

  private static final String AGREEMENT =
      """
      SELECT a.id, a.intervention_id, i.engagement_id, a.owner_person_id,
             p.first_name || ' ' || p.last_name AS owner_name, a.what, a.due_on, a.status,
             a.updated_at
      FROM agreement a
      JOIN intervention i ON i.id = a.intervention_id AND i.client_id = a.client_id
      JOIN person p ON p.id = a.owner_person_id AND p.client_id = a.client_id
      WHERE a.client_id = :client
      """;

  List<AgreementRow> agreements(ClientScope scope, UUID interventionId) {
    return jdbc.sql(AGREEMENT + " AND a.intervention_id = :i ORDER BY a.due_on, a.what")
        .param("client", scope.id())
        .param("i", interventionId)
        .query(AgreementRow.class)
        .list();
  }

  List<AgreementRow> agreementsOf(ClientScope scope, UUID personId, int limit) {
    return jdbc.sql(
            AGREEMENT
                + " AND a.owner_person_id = :p ORDER BY a.due_on, a.what FETCH FIRST "
                + Math.max(1, limit)
                + " ROWS ONLY")
        .param("client", scope.id())
        .param("p", personId)
        .query(AgreementRow.class)
        .list();
  }

  Optional<AgreementRow> agreementRow(ClientScope scope, UUID agreementId) {
    return jdbc.sql(AGREEMENT + " AND a.id = :id")
        .param("client", scope.id())
        .param("id", agreementId)
        .query(AgreementRow.class)
        .optional();
  }

  Optional<Agreement> agreement(ClientScope scope, UUID agreementId) {
    return agreementRow(scope, agreementId)
        .map(
            r ->
                new Agreement(
                    r.id(),
                    r.interventionId(),
                    r.ownerPersonId(),
                    r.what(),
                    r.dueOn(),
                    r.status(),
                    r.updatedAt()));
  }

  void updateStatus(ClientScope scope, Agreement a) {
    jdbc.sql(
            """
            UPDATE agreement SET status = :s, updated_at = :at WHERE client_id = :client AND id = :id
            """)
        .param("s", a.status().name())
        .param("at", a.updatedAt())
        .param("client", scope.id())
        .param("id", a.id())
        .update();
  }
}
