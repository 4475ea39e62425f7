package nl.orgcoach.engagement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.platform.FilteredSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Questions in the database; every statement is bound to a scope. There is deliberately no delete:
 * a question is parked, merged or withdrawn, never removed.
 */
@Repository
class Questions {

  private final JdbcClient jdbc;

  Questions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A question as the inbox and the API show it: with the owner's and the unit's names. */
  record Row(
      UUID id,
      UUID engagementId,
      String text,
      QuestionLevel level,
      OwnerKind ownerKind,
      UUID ownerPersonId,
      String ownerName,
      UUID unitId,
      String unitName,
      UUID decisionId,
      QuestionStatus status,
      String statusReason,
      UUID mergedInto,
      Channel channel,
      String registeredBy,
      OffsetDateTime askedAt,
      String askerName) {

    /**
     * The row without the name someone gave with an intake question: that name is for the
     * engagement's coaches (and admins) only, as the intake page promises.
     */
    Row withoutAsker() {
      return askerName == null
          ? this
          : new Row(
              id,
              engagementId,
              text,
              level,
              ownerKind,
              ownerPersonId,
              ownerName,
              unitId,
              unitName,
              decisionId,
              status,
              statusReason,
              mergedInto,
              channel,
              registeredBy,
              askedAt,
              null);
    }

    /**
     * Maps by column name, not through the property row mapper: that one looks each camelCase
     * component up as it is first, and the driver answers every miss with an exception — twelve per
     * row, six thousand for a full inbox.
     */
    static Row from(ResultSet rs, int rowNum) throws SQLException {
      String owner = rs.getString("owner_kind");
      String channel = rs.getString("channel");
      return new Row(
          rs.getObject("id", UUID.class),
          rs.getObject("engagement_id", UUID.class),
          rs.getString("text"),
          QuestionLevel.valueOf(rs.getString("level")),
          owner == null ? null : OwnerKind.valueOf(owner),
          rs.getObject("owner_person_id", UUID.class),
          rs.getString("owner_name"),
          rs.getObject("unit_id", UUID.class),
          rs.getString("unit_name"),
          rs.getObject("decision_id", UUID.class),
          QuestionStatus.valueOf(rs.getString("status")),
          rs.getString("status_reason"),
          rs.getObject("merged_into", UUID.class),
          channel == null ? null : Channel.valueOf(channel),
          rs.getString("registered_by"),
          rs.getObject("asked_at", OffsetDateTime.class),
          rs.getString("asker_name"));
    }
  }

  void insert(ClientScope scope, Question q) {
    jdbc.sql(
            """
            INSERT INTO question (id, client_id, engagement_id, text, level, owner_kind,
                                  owner_person_id, owner_unit_id, decision_id, follow_up_of, status,
                                  status_reason, merged_into, channel, registered_by, asked_at,
                                  asker_name, asker_person_id, raised_in)
            VALUES (:id, :client, :e, :text, :level, :kind, :person, :unit, :decision, :followUp,
                    :status, :reason, :merged, :channel, :by, :at, :askerName, :askerPerson,
                    :raisedIn)
            """)
        .param("id", q.id().value())
        .param("client", scope.id())
        .param("e", q.engagementId().value())
        .param("text", q.text())
        .param("level", q.level().name())
        .param("kind", q.owner().kind().name())
        .param("person", q.owner().personId())
        .param("unit", q.owner().unitId())
        .param("decision", q.decisionId())
        .param("followUp", q.followUpOf() == null ? null : q.followUpOf().value())
        .param("status", q.status().name())
        .param("reason", q.statusReason())
        .param("merged", q.mergedInto() == null ? null : q.mergedInto().value())
        .param("channel", q.channel().name())
        .param("by", q.registeredBy())
        .param("at", q.askedAt())
        .param("askerName", q.askerName())
        .param("askerPerson", q.askerPersonId())
        .param("raisedIn", q.raisedIn())
        .update();
  }

  /** Stores a question's status after a transition (the only thing that changes). */
  void updateStatus(ClientScope scope, Question q) {
    jdbc.sql(
            """
            UPDATE question SET status = :status, status_reason = :reason, merged_into = :merged
            WHERE client_id = :client AND id = :id
            """)
        .param("status", q.status().name())
        .param("reason", q.statusReason())
        .param("merged", q.mergedInto() == null ? null : q.mergedInto().value())
        .param("client", scope.id())
        .param("id", q.id().value())
        .update();
  }

  Optional<Question> find(ClientScope scope, UUID engagementId, UUID id) {
    return jdbc.sql(
            """
            SELECT * FROM question
            WHERE client_id = :client AND engagement_id = :e AND id = :id
            """)
        .param("client", scope.id())
        .param("e", engagementId)
        .param("id", id)
        .query((rs, n) -> load(rs))
        .optional();
  }

  /** A question of the client in any engagement (the aggregates decide whether it fits). */
  Optional<Question> findAny(ClientScope scope, UUID id) {
    return jdbc.sql("SELECT * FROM question WHERE client_id = :client AND id = :id")
        .param("client", scope.id())
        .param("id", id)
        .query((rs, n) -> load(rs))
        .optional();
  }

  /** The follow-up questions of the given questions. */
  List<Row> followUpsOf(ClientScope scope, UUID engagementId, List<UUID> of) {
    if (of.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(ROW + " AND q.follow_up_of IN (:of) ORDER BY q.asked_at, q.id")
        .param("client", scope.id())
        .param("e", engagementId)
        .param("of", of)
        .query(Row::from)
        .list();
  }

  /** The questions a person owns or put, across the client's engagements. */
  List<Row> ofPerson(ClientScope scope, UUID personId, String email, int limit) {
    return jdbc.sql(
            ROW.replace("AND q.engagement_id = :e", "")
                + """
                 AND (q.owner_person_id = CAST(:p AS UUID) OR q.registered_by = :by)
                ORDER BY q.asked_at DESC, q.id FETCH FIRST
                """
                + Math.max(1, limit)
                + " ROWS ONLY")
        .param("client", scope.id())
        .param("p", personId)
        .param("by", email)
        .query(Row::from)
        .list();
  }

  private static Question load(ResultSet rs) throws SQLException {
    UUID followUp = rs.getObject("follow_up_of", UUID.class);
    UUID merged = rs.getObject("merged_into", UUID.class);
    Question q =
        new Question(
            new QuestionId(rs.getObject("id", UUID.class)),
            new EngagementId(rs.getObject("engagement_id", UUID.class)),
            rs.getString("text"),
            QuestionLevel.valueOf(rs.getString("level")),
            new Question.Owner(
                OwnerKind.valueOf(rs.getString("owner_kind")),
                rs.getObject("owner_person_id", UUID.class),
                rs.getObject("owner_unit_id", UUID.class)),
            rs.getObject("decision_id", UUID.class),
            followUp == null ? null : new QuestionId(followUp),
            Channel.valueOf(rs.getString("channel")),
            rs.getString("registered_by"),
            rs.getObject("asked_at", OffsetDateTime.class),
            rs.getString("asker_name"),
            rs.getObject("asker_person_id", UUID.class),
            QuestionStatus.valueOf(rs.getString("status")),
            rs.getString("status_reason"),
            merged == null ? null : new QuestionId(merged));
    UUID raisedIn = rs.getObject("raised_in", UUID.class);
    if (raisedIn != null) {
      q.raisedIn(raisedIn);
    }
    return q;
  }

  private static final String ROW =
      """
      SELECT q.id, q.engagement_id, q.text, q.level, q.owner_kind, q.owner_person_id,
             p.first_name || ' ' || p.last_name AS owner_name,
             COALESCE(q.owner_unit_id, p.unit_id) AS unit_id, u.name AS unit_name,
             q.decision_id, q.status, q.status_reason, q.merged_into, q.channel, q.registered_by,
             q.asked_at, q.asker_name
      FROM question q
      LEFT JOIN person p ON p.id = q.owner_person_id AND p.client_id = q.client_id
      LEFT JOIN unit u ON u.id = COALESCE(q.owner_unit_id, p.unit_id) AND u.client_id = q.client_id
      WHERE q.client_id = :client AND q.engagement_id = :e
      """;

  /** How many interventions answer the question. */
  int answeringInterventions(ClientScope scope, UUID questionId) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM intervention_question WHERE client_id = :client AND question_id = :q")
        .param("client", scope.id())
        .param("q", questionId)
        .query(Integer.class)
        .single();
  }

  Optional<Row> row(ClientScope scope, UUID engagementId, UUID id) {
    return jdbc.sql(ROW + " AND q.id = :id")
        .param("client", scope.id())
        .param("e", engagementId)
        .param("id", id)
        .query(Row::from)
        .optional();
  }

  /**
   * The questions of an engagement, oldest first ("what is the question here and now?"), filtered
   * by status and by units (the team that owns it, or the unit of the person who does; {@code null}
   * for all units) when given. Only the filters given become SQL: a catch-all "(:x IS NULL OR …)"
   * gets a generic plan on PostgreSQL that cannot use an index and, in a large engagement, takes
   * seconds.
   */
  List<Row> list(
      ClientScope scope,
      UUID engagementId,
      QuestionStatus status,
      Collection<UUID> units,
      String registeredBy,
      int limit) {
    if (units != null && units.isEmpty()) {
      return List.of();
    }
    return FilteredSql.selectWhere(ROW)
        .param("client", scope.id())
        .param("e", engagementId)
        .whereGiven("q.status = :status", "status", status == null ? null : status.name())
        // The same as COALESCE(q.owner_unit_id, p.unit_id) IN (:units), in a form the planner can
        // check per question without joining every question to its owner first.
        .whereGiven(
            """
            q.owner_unit_id IN (:units) OR (q.owner_unit_id IS NULL AND q.owner_person_id IN
              (SELECT o.id FROM person o WHERE o.client_id = :client AND o.unit_id IN (:units)))
            """,
            "units",
            units)
        .whereGiven("q.registered_by = :by", "by", registeredBy)
        .then("ORDER BY q.asked_at, q.id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
        .on(jdbc)
        .query(Row::from)
        .list();
  }
}
