package nl.orgcoach.engagement;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.ClientScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Intake links in the database. Every statement is bound to a scope, except {@link #resolve}: a
 * public link's secret is what names its client, so that one lookup is by token hash alone.
 */
@Repository
class IntakeLinks {

  private final JdbcClient jdbc;

  IntakeLinks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A link as its list shows it (never with its secret, which is not stored). */
  record Row(
      UUID id,
      UUID engagementId,
      UUID unitId,
      String unitName,
      String createdBy,
      OffsetDateTime createdAt,
      OffsetDateTime expiresAt,
      OffsetDateTime revokedAt,
      int usedCount,
      OffsetDateTime lastUsedAt) {

    public boolean activeAt(OffsetDateTime now) {
      return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
  }

  /** What a valid secret opens: the link, its client, engagement and (for a team link) team. */
  record Resolved(UUID id, ClientId client, UUID engagementId, UUID unitId) {}

  void insert(
      ClientScope scope,
      UUID id,
      UUID engagementId,
      UUID unitId,
      String tokenHash,
      OffsetDateTime now,
      OffsetDateTime expires) {
    jdbc.sql(
            """
            INSERT INTO intake_link (id, client_id, engagement_id, unit_id, token_hash, created_by,
                                     created_at, expires_at, used_count)
            VALUES (:id, :client, :e, :unit, :hash, :by, :now, :expires, 0)
            """)
        .param("id", id)
        .param("client", scope.id())
        .param("e", engagementId)
        .param("unit", unitId)
        .param("hash", tokenHash)
        .param("by", scope.actor())
        .param("now", now)
        .param("expires", expires)
        .update();
  }

  private static final String ROW =
      """
      SELECT l.id, l.engagement_id, l.unit_id, u.name AS unit_name, l.created_by, l.created_at,
             l.expires_at, l.revoked_at, l.used_count, l.last_used_at
      FROM intake_link l
      LEFT JOIN unit u ON u.id = l.unit_id AND u.client_id = l.client_id
      WHERE l.client_id = :client AND l.engagement_id = :e
      """;

  List<Row> list(ClientScope scope, UUID engagementId) {
    return jdbc.sql(ROW + " ORDER BY l.created_at DESC, l.id")
        .param("client", scope.id())
        .param("e", engagementId)
        .query(Row.class)
        .list();
  }

  Optional<Row> find(ClientScope scope, UUID engagementId, UUID id) {
    return jdbc.sql(ROW + " AND l.id = :id")
        .param("client", scope.id())
        .param("e", engagementId)
        .param("id", id)
        .query(Row.class)
        .optional();
  }

  /** Revokes the link; answers whether it was active (a second revocation changes nothing). */
  boolean revoke(ClientScope scope, UUID engagementId, UUID id, OffsetDateTime now) {
    return jdbc.sql(
                """
                UPDATE intake_link SET revoked_at = :now
                WHERE client_id = :client AND engagement_id = :e AND id = :id AND revoked_at IS NULL
                """)
            .param("now", now)
            .param("client", scope.id())
            .param("e", engagementId)
            .param("id", id)
            .update()
        > 0;
  }

  /** The link a secret's hash opens now: not revoked, not expired. */
  Optional<Resolved> resolve(String tokenHash, OffsetDateTime now) {
    if (tokenHash == null) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            SELECT id, client_id, engagement_id, unit_id FROM intake_link
            WHERE token_hash = :h AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)
            """)
        .param("h", tokenHash)
        .param("now", now)
        .query(
            (rs, n) ->
                new Resolved(
                    rs.getObject("id", UUID.class),
                    new ClientId(rs.getObject("client_id", UUID.class)),
                    rs.getObject("engagement_id", UUID.class),
                    rs.getObject("unit_id", UUID.class)))
        .optional();
  }

  void used(ClientScope scope, UUID id, OffsetDateTime now) {
    jdbc.sql(
            """
            UPDATE intake_link SET used_count = used_count + 1, last_used_at = :now
            WHERE client_id = :client AND id = :id
            """)
        .param("now", now)
        .param("client", scope.id())
        .param("id", id)
        .update();
  }
}
