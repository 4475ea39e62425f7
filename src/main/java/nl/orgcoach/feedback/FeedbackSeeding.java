package nl.orgcoach.feedback;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.LinkTokens;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For start-up data (the demo) only: feedback rounds as they would be after people answered, with
 * the dates they happened on, written in a few batched statements. No mail goes out, and every
 * rater gets a random link secret that nobody knows (a reminder of an open round sends a fresh
 * one). Input is checked like a started round (one to six behaviours, ratings 1–5 or "not seen", a
 * named rater only in the MANAGER group); the answers then go through {@link FeedbackAnonymity}
 * like any others when results are shown.
 */
@Service
public class FeedbackSeeding {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final FeedbackReference reference;

  FeedbackSeeding(JdbcClient jdbc, JdbcTemplate batch, FeedbackReference reference) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.reference = reference;
  }

  /**
   * Publishes the client's feedback reference of today (rounds closed before today), as the
   * scheduler would later, so that seeded results show it at once; once a day, like the scheduler.
   */
  public void publishReference(ClientScope scope) {
    reference.publish(scope, OffsetDateTime.now(java.time.ZoneOffset.UTC));
  }

  /** A behaviour of a seeded round: its text, and the framework behaviour it is (or null). */
  public record Behaviour(String text, UUID frameworkBehaviourId) {}

  /**
   * A rater of a seeded round. {@code ratings} by behaviour, in the round's order: null for a rater
   * who did not answer; an element null is "not seen". {@code comments} likewise (may be null).
   */
  public record Rater(
      UUID personId,
      String email,
      String name,
      RaterGroup group,
      boolean named,
      List<Integer> ratings,
      List<String> comments) {}

  /**
   * A round to seed. {@code closedAt} null: still open (then {@code closesAt} lies ahead). The
   * ratee's own rating is the rater of group SELF.
   */
  public record Round(
      UUID ratee,
      List<Behaviour> behaviours,
      OffsetDateTime createdAt,
      OffsetDateTime closesAt,
      OffsetDateTime closedAt,
      String createdBy,
      List<Rater> raters) {}

  /** Whether the client has feedback rounds already (the demo loads them once). */
  public boolean hasRounds(ClientScope scope) {
    return jdbc.sql("SELECT COUNT(*) FROM feedback_round WHERE client_id = :c")
            .param("c", scope.id())
            .query(Long.class)
            .single()
        > 0;
  }

  /** Writes the rounds, each with its behaviours, raters and answers, in one transaction. */
  @Transactional
  public int seed(ClientScope scope, List<Round> seeded) {
    List<Object[]> rounds = new ArrayList<>();
    List<Object[]> behaviours = new ArrayList<>();
    List<Object[]> raters = new ArrayList<>();
    List<Object[]> answers = new ArrayList<>();
    UUID client = scope.id();
    for (Round r : seeded) {
      check(r);
      UUID round = UUID.randomUUID();
      rounds.add(
          new Object[] {
            round,
            client,
            r.ratee(),
            ts(r.closesAt()),
            ts(r.closedAt()),
            r.createdBy(),
            ts(r.createdAt())
          });
      List<UUID> behaviourIds = new ArrayList<>();
      for (int i = 0; i < r.behaviours().size(); i++) {
        UUID id = UUID.randomUUID();
        behaviourIds.add(id);
        Behaviour b = r.behaviours().get(i);
        behaviours.add(new Object[] {id, client, round, i + 1, b.text(), b.frameworkBehaviourId()});
      }
      for (Rater rater : r.raters()) {
        UUID id = UUID.randomUUID();
        boolean answered = rater.ratings() != null;
        // Answered a day or so after the invitation; never after the round closed.
        OffsetDateTime at = r.createdAt().plusHours(20 + (Math.abs(id.hashCode()) % 72));
        OffsetDateTime end = r.closedAt() != null ? r.closedAt() : r.closesAt();
        if (at.isAfter(end)) {
          at = end.minusHours(1);
        }
        raters.add(
            new Object[] {
              id,
              client,
              round,
              rater.group().name(),
              rater.personId(),
              rater.email(),
              rater.name(),
              "nl",
              LinkTokens.newSecret().hash(),
              ts(r.createdAt()),
              answered ? ts(at) : null,
              rater.named()
            });
        if (!answered) {
          continue;
        }
        for (int i = 0; i < behaviourIds.size(); i++) {
          String comment =
              rater.comments() == null || rater.comments().size() <= i
                  ? null
                  : rater.comments().get(i);
          answers.add(
              new Object[] {id, behaviourIds.get(i), client, rater.ratings().get(i), comment});
        }
      }
    }
    batch.batchUpdate(
        """
        INSERT INTO feedback_round (id, client_id, ratee_person_id, closes_at, closed_at, created_by,
                                    created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
        rounds);
    batch.batchUpdate(
        """
        INSERT INTO feedback_behaviour (id, client_id, round_id, position, text,
                                        framework_behaviour_id)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
        behaviours);
    batch.batchUpdate(
        """
        INSERT INTO feedback_rater (id, client_id, round_id, rater_group, person_id, email, name,
                                    language, token_hash, invited_at, answered_at, named)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        raters);
    batch.batchUpdate(
        """
        INSERT INTO feedback_answer (rater_id, behaviour_id, client_id, rating, comment)
        VALUES (?, ?, ?, ?, ?)
        """,
        answers);
    return seeded.size();
  }

  private static void check(Round r) {
    int n = r.behaviours().size();
    if (n < 1 || n > FeedbackService.MAX_BEHAVIOURS) {
      throw new IllegalArgumentException("a round has 1 to 6 behaviours, not " + n);
    }
    for (Rater rater : r.raters()) {
      if (rater.named() && rater.group() != RaterGroup.MANAGER) {
        throw new IllegalArgumentException("only a manager can be named: " + rater.email());
      }
      if (rater.ratings() == null) {
        continue;
      }
      if (rater.ratings().size() != n) {
        throw new IllegalArgumentException("one rating per behaviour: " + rater.email());
      }
      for (Integer rating : rater.ratings()) {
        if (rating != null && (rating < 1 || rating > 5)) {
          throw new IllegalArgumentException("a rating is 1 to 5: " + rating);
        }
      }
    }
  }

  private static Timestamp ts(OffsetDateTime t) {
    return t == null ? null : Timestamp.from(t.toInstant());
  }
}
