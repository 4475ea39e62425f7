package nl.orgcoach.feedback;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.ClientScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Feedback rounds in the database. Every statement is bound to a scope, except {@link #resolve}: a
 * rater link's secret is what names its client, so that one lookup is by token hash alone.
 */
@Repository
class FeedbackRounds {

  private final JdbcClient jdbc;

  FeedbackRounds(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Round(
      UUID id,
      UUID rateePersonId,
      String rateeName,
      OffsetDateTime closesAt,
      OffsetDateTime closedAt,
      String createdBy,
      OffsetDateTime createdAt) {

    boolean closedAt(OffsetDateTime now) {
      return closedAt != null || !closesAt.isAfter(now);
    }
  }

  record Behaviour(
      UUID id, int position, String text, UUID referenceId, UUID frameworkBehaviourId) {}

  /** A rater as the round's own pages list them: who was asked, never whether they answered. */
  record Rater(
      UUID id,
      RaterGroup raterGroup,
      UUID personId,
      String email,
      String name,
      String language,
      OffsetDateTime answeredAt,
      boolean named) {}

  /**
   * What a valid rater secret opens: the rater, their client and round, and what their form shows
   * of them (one query serves both showing and saving the form).
   */
  record Resolved(
      UUID raterId,
      ClientId client,
      UUID roundId,
      RaterGroup raterGroup,
      boolean named,
      OffsetDateTime answeredAt,
      OffsetDateTime closesAt,
      String rateeName) {}

  /** A behaviour of a rater's form with what that rater answered before ({@code answered}). */
  record FormRow(
      UUID behaviourId,
      int position,
      String text,
      boolean answered,
      Integer rating,
      String comment) {}

  /** One stored answer with its rater (for {@link FeedbackAnonymity} only). */
  record AnswerRow(
      UUID behaviourId,
      UUID raterId,
      UUID personId,
      String email,
      RaterGroup raterGroup,
      boolean named,
      Integer rating,
      String comment) {}

  void insertRound(
      ClientScope scope, UUID id, UUID ratee, OffsetDateTime closesAt, OffsetDateTime now) {
    jdbc.sql(
            """
            INSERT INTO feedback_round (id, client_id, ratee_person_id, closes_at, created_by, created_at)
            VALUES (:id, :client, :ratee, :closes, :by, :now)
            """)
        .param("id", id)
        .param("client", scope.id())
        .param("ratee", ratee)
        .param("closes", closesAt)
        .param("by", scope.actor())
        .param("now", now)
        .update();
  }

  void insertBehaviour(
      ClientScope scope,
      UUID round,
      UUID id,
      int position,
      String text,
      UUID referenceId,
      UUID frameworkBehaviourId) {
    jdbc.sql(
            """
            INSERT INTO feedback_behaviour (id, client_id, round_id, position, text, reference_id,
                                            framework_behaviour_id)
            VALUES (:id, :client, :round, :pos, :text, :ref, :framework)
            """)
        .param("id", id)
        .param("client", scope.id())
        .param("round", round)
        .param("pos", position)
        .param("text", text)
        .param("ref", referenceId)
        .param("framework", frameworkBehaviourId)
        .update();
  }

  void insertRater(
      ClientScope scope,
      UUID round,
      UUID id,
      RaterGroup group,
      UUID personId,
      String email,
      String name,
      String language,
      String tokenHash,
      OffsetDateTime now) {
    jdbc.sql(
            """
            INSERT INTO feedback_rater (id, client_id, round_id, rater_group, person_id, email, name,
                                        language, token_hash, invited_at)
            VALUES (:id, :client, :round, :g, :person, :email, :name, :lang, :hash, :now)
            """)
        .param("id", id)
        .param("client", scope.id())
        .param("round", round)
        .param("g", group.name())
        .param("person", personId)
        .param("email", email)
        .param("name", name)
        .param("lang", language)
        .param("hash", tokenHash)
        .param("now", now)
        .update();
  }

  private static final String ROUND =
      """
      SELECT r.id, r.ratee_person_id, p.first_name || ' ' || p.last_name AS ratee_name, r.closes_at,
             r.closed_at, r.created_by, r.created_at
      FROM feedback_round r JOIN person p ON p.id = r.ratee_person_id AND p.client_id = r.client_id
      WHERE r.client_id = :client
      """;

  Optional<Round> find(ClientScope scope, UUID id) {
    return jdbc.sql(ROUND + " AND r.id = :id")
        .param("client", scope.id())
        .param("id", id)
        .query(Round.class)
        .optional();
  }

  /** One rater of the client (the schedule reminds raters one by one). */
  Optional<Rater> rater(ClientScope scope, UUID raterId) {
    return jdbc.sql(
            """
            SELECT id, rater_group, person_id, email, name, language, answered_at, named
            FROM feedback_rater WHERE client_id = :client AND id = :id
            """)
        .param("client", scope.id())
        .param("id", raterId)
        .query(Rater.class)
        .optional();
  }

  /**
   * Rounds of one person, or of everyone in the client when {@code ratee} is null; newest first.
   */
  List<Round> list(ClientScope scope, UUID ratee, int limit) {
    String filter = ratee == null ? "" : " AND r.ratee_person_id = :ratee";
    var sql =
        jdbc.sql(
                ROUND
                    + filter
                    + " ORDER BY r.created_at DESC, r.id FETCH FIRST "
                    + Math.max(1, limit)
                    + " ROWS ONLY")
            .param("client", scope.id());
    if (ratee != null) {
      sql = sql.param("ratee", ratee);
    }
    return sql.query(Round.class).list();
  }

  List<Behaviour> behaviours(ClientScope scope, UUID round) {
    return jdbc.sql(
            """
            SELECT id, position, text, reference_id, framework_behaviour_id FROM feedback_behaviour
            WHERE client_id = :client AND round_id = :round ORDER BY position
            """)
        .param("client", scope.id())
        .param("round", round)
        .query(Behaviour.class)
        .list();
  }

  List<Rater> raters(ClientScope scope, UUID round) {
    return jdbc.sql(
            """
            SELECT id, rater_group, person_id, email, name, language, answered_at, named
            FROM feedback_rater WHERE client_id = :client AND round_id = :round
            ORDER BY rater_group, name, email
            """)
        .param("client", scope.id())
        .param("round", round)
        .query(Rater.class)
        .list();
  }

  List<AnswerRow> answers(ClientScope scope, UUID round) {
    return jdbc.sql(
            """
            SELECT a.behaviour_id, a.rater_id, r.person_id, r.email, r.rater_group, r.named,
                   a.rating, a.comment
            FROM feedback_answer a JOIN feedback_rater r ON r.id = a.rater_id
            WHERE r.client_id = :client AND r.round_id = :round AND r.answered_at IS NOT NULL
            ORDER BY a.behaviour_id, r.id
            """)
        .param("client", scope.id())
        .param("round", round)
        .query(AnswerRow.class)
        .list();
  }

  /** The behaviours of a rater's round in order, each with the rater's earlier answer. */
  List<FormRow> form(ClientScope scope, UUID round, UUID raterId) {
    return jdbc.sql(
            """
            SELECT b.id AS behaviour_id, b.position, b.text, a.rater_id IS NOT NULL AS answered,
                   a.rating, a.comment
            FROM feedback_behaviour b
            LEFT JOIN feedback_answer a
              ON a.behaviour_id = b.id AND a.rater_id = :rater AND a.client_id = b.client_id
            WHERE b.client_id = :client AND b.round_id = :round ORDER BY b.position
            """)
        .param("client", scope.id())
        .param("round", round)
        .param("rater", raterId)
        .query(FormRow.class)
        .list();
  }

  /**
   * The rater a secret's hash opens now (the round is neither closed nor past its close), by the
   * unique index on the hash.
   */
  Optional<Resolved> resolve(String tokenHash, OffsetDateTime now) {
    if (tokenHash == null) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            SELECT r.id, r.client_id, r.round_id, r.rater_group, r.named, r.answered_at,
                   f.closes_at, p.first_name || ' ' || p.last_name AS ratee_name
            FROM feedback_rater r
            JOIN feedback_round f ON f.id = r.round_id AND f.client_id = r.client_id
            JOIN person p ON p.id = f.ratee_person_id AND p.client_id = f.client_id
            WHERE r.token_hash = :h AND f.closed_at IS NULL AND f.closes_at > :now
            """)
        .param("h", tokenHash)
        .param("now", now)
        .query(
            (rs, n) ->
                new Resolved(
                    rs.getObject("id", UUID.class),
                    new ClientId(rs.getObject("client_id", UUID.class)),
                    rs.getObject("round_id", UUID.class),
                    RaterGroup.valueOf(rs.getString("rater_group")),
                    rs.getBoolean("named"),
                    rs.getObject("answered_at", OffsetDateTime.class),
                    rs.getObject("closes_at", OffsetDateTime.class),
                    rs.getString("ratee_name")))
        .optional();
  }

  /**
   * Replaces a rater's answers, while the round is still open: checked in the statement that marks
   * the rater answered, which also locks the rater's row, so two submissions of one link at once
   * take turns. False (and nothing written) when the round closed meanwhile. Three statements
   * whatever the number of behaviours.
   */
  boolean saveAnswers(
      ClientScope scope,
      UUID raterId,
      List<FeedbackService.Given> given,
      boolean named,
      OffsetDateTime now) {
    int open =
        jdbc.sql(
                """
                UPDATE feedback_rater SET answered_at = :now, named = :named
                WHERE client_id = :client AND id = :rater AND EXISTS (
                  SELECT 1 FROM feedback_round f
                  WHERE f.id = feedback_rater.round_id AND f.client_id = feedback_rater.client_id
                    AND f.closed_at IS NULL AND f.closes_at > :now)
                """)
            .param("now", now)
            .param("named", named)
            .param("client", scope.id())
            .param("rater", raterId)
            .update();
    if (open == 0) {
      return false;
    }
    jdbc.sql("DELETE FROM feedback_answer WHERE client_id = :client AND rater_id = :rater")
        .param("client", scope.id())
        .param("rater", raterId)
        .update();
    if (given.isEmpty()) {
      return true;
    }
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO feedback_answer (rater_id, behaviour_id, client_id, rating, comment)"
                + " VALUES ");
    Map<String, Object> params = new HashMap<>();
    params.put("rater", raterId);
    params.put("client", scope.id());
    for (int i = 0; i < given.size(); i++) {
      FeedbackService.Given g = given.get(i);
      sql.append(i == 0 ? "" : ", ")
          .append("(:rater, :b")
          .append(i)
          .append(", :client, CAST(:rating")
          .append(i)
          .append(" AS INT), :comment")
          .append(i)
          .append(')');
      params.put("b" + i, g.behaviourId());
      params.put("rating" + i, g.rating());
      params.put("comment" + i, g.comment());
    }
    jdbc.sql(sql.toString()).params(params).update();
    return true;
  }

  /** A new secret for a rater who has not answered (a reminder carries a fresh link). */
  boolean renewToken(ClientScope scope, UUID raterId, String tokenHash, OffsetDateTime now) {
    return jdbc.sql(
                """
                UPDATE feedback_rater SET token_hash = :h, reminded_at = :now,
                       reminders_sent = reminders_sent + 1
                WHERE client_id = :client AND id = :rater AND answered_at IS NULL
                """)
            .param("h", tokenHash)
            .param("now", now)
            .param("client", scope.id())
            .param("rater", raterId)
            .update()
        > 0;
  }

  /** A rater who has not answered, in a round that is open now (for the scheduled reminders). */
  record Unanswered(
      UUID raterId,
      ClientId client,
      UUID roundId,
      OffsetDateTime closesAt,
      OffsetDateTime invitedAt,
      OffsetDateTime remindedAt) {}

  /**
   * Across all clients: raters without an answer and with fewer than {@code maxReminders}
   * reminders, in rounds that are open now and close before {@code until}. The scheduler alone asks
   * this; each row is claimed with {@link #claimReminder} before anything is sent.
   */
  List<Unanswered> unanswered(OffsetDateTime now, OffsetDateTime until, int maxReminders) {
    return jdbc.sql(
            """
            SELECT r.id, r.client_id, r.round_id, f.closes_at, r.invited_at, r.reminded_at
            FROM feedback_round f
            JOIN feedback_rater r ON r.round_id = f.id AND r.client_id = f.client_id
            WHERE f.closed_at IS NULL AND f.closes_at > :now AND f.closes_at <= :until
              AND r.answered_at IS NULL AND r.reminders_sent < :max
            ORDER BY f.closes_at, r.id
            """)
        .param("now", now)
        .param("until", until)
        .param("max", maxReminders)
        .query(
            (rs, n) ->
                new Unanswered(
                    rs.getObject("id", UUID.class),
                    new ClientId(rs.getObject("client_id", UUID.class)),
                    rs.getObject("round_id", UUID.class),
                    rs.getObject("closes_at", OffsetDateTime.class),
                    rs.getObject("invited_at", OffsetDateTime.class),
                    rs.getObject("reminded_at", OffsetDateTime.class)))
        .list();
  }

  /**
   * Renews the link of a rater for a scheduled reminder, if nobody did since {@code windowStart}:
   * the one conditional statement that keeps two application nodes from both sending it (the second
   * waits for the first's row lock, then finds the row no longer matching). Also false when the
   * rater answered, reached the maximum, or the round closed meanwhile.
   */
  boolean claimReminder(
      ClientScope scope,
      UUID raterId,
      String tokenHash,
      OffsetDateTime now,
      OffsetDateTime windowStart,
      int maxReminders) {
    return jdbc.sql(
                """
                UPDATE feedback_rater SET token_hash = :h, reminded_at = :now,
                       reminders_sent = reminders_sent + 1
                WHERE client_id = :client AND id = :rater AND answered_at IS NULL
                  AND reminders_sent < :max AND (reminded_at IS NULL OR reminded_at < :ws)
                  AND EXISTS (SELECT 1 FROM feedback_round f
                              WHERE f.id = feedback_rater.round_id AND f.client_id = :client
                                AND f.closed_at IS NULL AND f.closes_at > :now)
                """)
            .param("h", tokenHash)
            .param("now", now)
            .param("client", scope.id())
            .param("rater", raterId)
            .param("max", maxReminders)
            .param("ws", windowStart)
            .update()
        > 0;
  }

  /** A round past its close date that nobody closed yet. */
  record Due(UUID roundId, ClientId client) {}

  /** Across all clients (for the scheduler): rounds whose close date passed, still open. */
  List<Due> pastClose(OffsetDateTime now, int limit) {
    return jdbc.sql(
            """
            SELECT id, client_id FROM feedback_round
            WHERE closed_at IS NULL AND closes_at <= :now
            ORDER BY closes_at FETCH FIRST %d ROWS ONLY
            """
                .formatted(Math.max(1, limit)))
        .param("now", now)
        .query(
            (rs, n) ->
                new Due(
                    rs.getObject("id", UUID.class),
                    new ClientId(rs.getObject("client_id", UUID.class))))
        .list();
  }

  /**
   * Marks a round that passed its close date as closed at that date; false when it was closed
   * already (by a person, or by the scheduler on another node).
   */
  boolean closeAtItsDate(ClientScope scope, UUID round, OffsetDateTime now) {
    return jdbc.sql(
                """
                UPDATE feedback_round SET closed_at = closes_at
                WHERE client_id = :client AND id = :id AND closed_at IS NULL AND closes_at <= :now
                """)
            .param("client", scope.id())
            .param("id", round)
            .param("now", now)
            .update()
        > 0;
  }

  boolean close(ClientScope scope, UUID round, OffsetDateTime now) {
    return jdbc.sql(
                """
                UPDATE feedback_round SET closed_at = :now
                WHERE client_id = :client AND id = :id AND closed_at IS NULL AND closes_at > :now
                """)
            .param("now", now)
            .param("client", scope.id())
            .param("id", round)
            .update()
        > 0;
  }
}
