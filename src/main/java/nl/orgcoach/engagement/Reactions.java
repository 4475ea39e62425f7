package nl.orgcoach.engagement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.ClientScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reactions and reaction links in the database. Every statement is bound to a scope, except {@link
 * #resolve} (a public link's secret is what names its client). No query here returns who gave a
 * reaction, except {@link #ofPerson}, which only ever answers for that person themselves.
 */
@Repository
class Reactions {

  private final JdbcClient jdbc;

  Reactions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An intervention the person took part in, with their own reaction if they gave one. */
  record Mine(
      UUID interventionId,
      UUID engagementId,
      InterventionType type,
      LocalDate heldOn,
      Integer rating,
      String comment) {

    public boolean rated() {
      return rating != null;
    }
  }

  /** A valid reaction link: its client and intervention. */
  record Resolved(UUID id, ClientId client, UUID interventionId) {}

  /** The current link of an intervention, without its secret (which is not stored). */
  record LinkRow(UUID id, OffsetDateTime createdAt, OffsetDateTime expiresAt) {}

  void insert(ClientScope scope, Reaction r) {
    jdbc.sql(
            """
            INSERT INTO reaction (id, client_id, intervention_id, person_id, rating, comment,
                                  answered_at)
            VALUES (:id, :client, :i, :p, :rating, :comment, :at)
            """)
        .param("id", r.id())
        .param("client", scope.id())
        .param("i", r.interventionId())
        .param("p", r.personId())
        .param("rating", r.rating())
        .param("comment", r.comment())
        .param("at", r.answeredAt())
        .update();
  }

  void update(ClientScope scope, Reaction r) {
    jdbc.sql(
            """
            UPDATE reaction SET rating = :rating, comment = :comment, answered_at = :at
            WHERE client_id = :client AND id = :id
            """)
        .param("rating", r.rating())
        .param("comment", r.comment())
        .param("at", r.answeredAt())
        .param("client", scope.id())
        .param("id", r.id())
        .update();
  }

  /** The person's own reaction to the intervention. */
  Optional<Reaction> ofPerson(ClientScope scope, UUID interventionId, UUID personId) {
    return jdbc.sql(
            """
            SELECT id, intervention_id, person_id, rating, comment, answered_at FROM reaction
            WHERE client_id = :client AND intervention_id = :i AND person_id = :p
            """)
        .param("client", scope.id())
        .param("i", interventionId)
        .param("p", personId)
        .query(
            (rs, n) ->
                new Reaction(
                    rs.getObject("id", UUID.class),
                    rs.getObject("intervention_id", UUID.class),
                    rs.getObject("person_id", UUID.class),
                    rs.getInt("rating"),
                    rs.getString("comment"),
                    rs.getObject("answered_at", OffsetDateTime.class)))
        .optional();
  }

  /** The answers to an intervention for its summary: rating and comment, never who. */
  List<ReactionSummary.Rated> answers(ClientScope scope, UUID interventionId) {
    return jdbc.sql(
            "SELECT rating, comment FROM reaction WHERE client_id = :client AND intervention_id = :i")
        .param("client", scope.id())
        .param("i", interventionId)
        .query((rs, n) -> new ReactionSummary.Rated(rs.getInt(1), rs.getString(2)))
        .list();
  }

  long count(ClientScope scope, UUID interventionId) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM reaction WHERE client_id = :client AND intervention_id = :i")
        .param("client", scope.id())
        .param("i", interventionId)
        .query(Long.class)
        .single();
  }

  /** How many persons took part (the cap of answers through a link). */
  long participantPersons(ClientScope scope, UUID interventionId) {
    return jdbc.sql(
            """
            SELECT COUNT(DISTINCT person_id) FROM intervention_participant
            WHERE client_id = :client AND intervention_id = :i AND person_id IS NOT NULL
            """)
        .param("client", scope.id())
        .param("i", interventionId)
        .query(Long.class)
        .single();
  }

  /**
   * The interventions the person took part in, held from {@code since} up to {@code today}, newest
   * first, with the person's own reaction.
   */
  List<Mine> recentOf(
      ClientScope scope, UUID personId, LocalDate since, LocalDate today, int limit) {
    return jdbc.sql(
            """
            SELECT i.id AS intervention_id, i.engagement_id, i.type, i.held_on, r.rating, r.comment
            FROM intervention i
            LEFT JOIN reaction r ON r.client_id = i.client_id AND r.intervention_id = i.id
                                AND r.person_id = :p
            WHERE i.client_id = :client AND i.held_on >= :since AND i.held_on <= :today
              AND EXISTS (SELECT 1 FROM intervention_participant x
                          WHERE x.client_id = i.client_id AND x.intervention_id = i.id
                            AND x.person_id = :p)
            ORDER BY i.held_on DESC, i.id FETCH FIRST
            """
                + Math.max(1, limit)
                + " ROWS ONLY")
        .param("client", scope.id())
        .param("p", personId)
        .param("since", since)
        .param("today", today)
        .query(Mine.class)
        .list();
  }

  Optional<Mine> mine(ClientScope scope, UUID personId, UUID interventionId) {
    return jdbc.sql(
            """
            SELECT i.id AS intervention_id, i.engagement_id, i.type, i.held_on, r.rating, r.comment
            FROM intervention i
            LEFT JOIN reaction r ON r.client_id = i.client_id AND r.intervention_id = i.id
                                AND r.person_id = :p
            WHERE i.client_id = :client AND i.id = :i
            """)
        .param("client", scope.id())
        .param("p", personId)
        .param("i", interventionId)
        .query(Mine.class)
        .optional();
  }

  // --- reaction links

  /** Stores a new link and revokes the intervention's earlier ones: one link at a time. */
  void insertLink(
      ClientScope scope,
      UUID id,
      UUID interventionId,
      String tokenHash,
      OffsetDateTime now,
      OffsetDateTime expires) {
    revokeLinks(scope, interventionId, now);
    jdbc.sql(
            """
            INSERT INTO reaction_link (id, client_id, intervention_id, token_hash, created_by,
                                       created_at, expires_at)
            VALUES (:id, :client, :i, :hash, :by, :now, :expires)
            """)
        .param("id", id)
        .param("client", scope.id())
        .param("i", interventionId)
        .param("hash", tokenHash)
        .param("by", scope.actor())
        .param("now", now)
        .param("expires", expires)
        .update();
  }

  int revokeLinks(ClientScope scope, UUID interventionId, OffsetDateTime now) {
    return jdbc.sql(
            """
            UPDATE reaction_link SET revoked_at = :now
            WHERE client_id = :client AND intervention_id = :i AND revoked_at IS NULL
            """)
        .param("now", now)
        .param("client", scope.id())
        .param("i", interventionId)
        .update();
  }

  Optional<LinkRow> activeLink(ClientScope scope, UUID interventionId, OffsetDateTime now) {
    return jdbc.sql(
            """
            SELECT id, created_at, expires_at FROM reaction_link
            WHERE client_id = :client AND intervention_id = :i AND revoked_at IS NULL
              AND (expires_at IS NULL OR expires_at > :now)
            ORDER BY created_at DESC FETCH FIRST 1 ROWS ONLY
            """)
        .param("client", scope.id())
        .param("i", interventionId)
        .param("now", now)
        .query(LinkRow.class)
        .optional();
  }

  Optional<Resolved> resolve(String tokenHash, OffsetDateTime now) {
    if (tokenHash == null) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            SELECT id, client_id, intervention_id FROM reaction_link
            WHERE token_hash = :h AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)
            """)
        .param("h", tokenHash)
        .param("now", now)
        .query(
            (rs, n) ->
                new Resolved(
                    rs.getObject("id", UUID.class),
                    new ClientId(rs.getObject("client_id", UUID.class)),
                    rs.getObject("intervention_id", UUID.class)))
        .optional();
  }
}
