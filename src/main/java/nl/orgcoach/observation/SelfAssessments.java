package nl.orgcoach.observation;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Self-assessments in the database; every statement is bound to a scope. Read only through {@link
 * ObservationService}, which asks {@link ObservationAccess} first.
 */
@Repository
class SelfAssessments {

  private final JdbcClient jdbc;

  SelfAssessments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(ClientScope scope, SelfAssessment a, UUID submittedBy) {
    jdbc.sql(
            """
            INSERT INTO self_assessment (id, client_id, engagement_id, person_id, submitted_by,
                                         submitted_at)
            VALUES (:id, :client, :e, :p, :by, :at)
            """)
        .param("id", a.id())
        .param("client", scope.id())
        .param("e", a.engagementId())
        .param("p", a.personId())
        .param("by", submittedBy)
        .param("at", a.submittedAt())
        .update();
    // One statement for all answers, as for an observation's ratings.
    StringBuilder values = new StringBuilder();
    Map<String, Object> params = new HashMap<>();
    params.put("a", a.id());
    params.put("client", scope.id());
    int i = 0;
    for (Map.Entry<UUID, SelfAssessment.Answer> e : a.answers().entrySet()) {
      values
          .append(i == 0 ? "" : ", ")
          .append("(:a, :b%d, :client, :r%d, :c%d)".formatted(i, i, i));
      params.put("b" + i, e.getKey());
      params.put("r" + i, e.getValue().rating());
      params.put("c" + i, e.getValue().comment());
      i++;
    }
    jdbc.sql(
            "INSERT INTO self_assessment_rating (self_assessment_id, behaviour_id, client_id,"
                + " rating, comment) VALUES "
                + values)
        .params(params)
        .update();
  }

  /** A submission, without its answers. */
  record Submission(UUID id, OffsetDateTime submittedAt) {}

  /** The person's submissions in the engagement, newest first. */
  List<Submission> history(ClientScope scope, UUID engagementId, UUID personId) {
    return jdbc.sql(
            """
            SELECT id, submitted_at FROM self_assessment
            WHERE client_id = :client AND engagement_id = :e AND person_id = :p
            ORDER BY submitted_at DESC
            """)
        .param("client", scope.id())
        .param("e", engagementId)
        .param("p", personId)
        .query(Submission.class)
        .list();
  }

  /** The answers of one submission, by behaviour. */
  Map<UUID, SelfAssessment.Answer> answers(ClientScope scope, UUID submissionId) {
    record Row(UUID behaviourId, int rating, String comment) {}
    Map<UUID, SelfAssessment.Answer> by = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT behaviour_id, rating, comment FROM self_assessment_rating
            WHERE client_id = :client AND self_assessment_id = :a
            """)
        .param("client", scope.id())
        .param("a", submissionId)
        .query(Row.class)
        .list()
        .forEach(r -> by.put(r.behaviourId(), new SelfAssessment.Answer(r.rating(), r.comment())));
    return by;
  }

  /** The latest of these submissions before {@code until} (null: the latest of all). */
  Optional<SelfAssessment> latest(
      ClientScope scope,
      UUID engagementId,
      UUID personId,
      List<Submission> history,
      OffsetDateTime until) {
    return history.stream()
        .filter(s -> until == null || s.submittedAt().isBefore(until))
        .findFirst()
        .map(
            s ->
                new SelfAssessment(
                    s.id(), engagementId, personId, s.submittedAt(), answers(scope, s.id())));
  }

  /** When each person of the engagement last gave their own account. */
  Map<UUID, OffsetDateTime> lastSubmitted(ClientScope scope, UUID engagementId) {
    record Row(UUID personId, OffsetDateTime at) {}
    Map<UUID, OffsetDateTime> by = new HashMap<>();
    jdbc.sql(
            """
            SELECT person_id, MAX(submitted_at) AS at FROM self_assessment
            WHERE client_id = :client AND engagement_id = :e GROUP BY person_id
            """)
        .param("client", scope.id())
        .param("e", engagementId)
        .query(Row.class)
        .list()
        .forEach(r -> by.put(r.personId(), r.at()));
    return by;
  }

  /**
   * Whether the person takes part in the engagement as far as observation knows: attended one of
   * its meetings, or had their profile released or gave their account there before.
   */
  boolean takesPart(ClientScope scope, UUID engagementId, UUID personId) {
    return engagementsOf(scope, personId).contains(engagementId);
  }

  /**
   * The engagements in which the person attended a meeting, had their profile released or gave
   * their account.
   */
  List<UUID> engagementsOf(ClientScope scope, UUID personId) {
    return jdbc.sql(
            """
            SELECT m.engagement_id FROM meeting_attendee a
            JOIN meeting m ON m.id = a.meeting_id AND m.client_id = a.client_id
            WHERE a.client_id = :client AND a.person_id = :p
            UNION
            SELECT engagement_id FROM profile_release WHERE client_id = :client AND person_id = :p
            UNION
            SELECT engagement_id FROM self_assessment WHERE client_id = :client AND person_id = :p
            """)
        .param("client", scope.id())
        .param("p", personId)
        .query(UUID.class)
        .list();
  }
}
