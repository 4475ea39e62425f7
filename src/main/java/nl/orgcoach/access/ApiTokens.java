package nl.orgcoach.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.orgcoach.platform.NotFoundException;
import nl.orgcoach.platform.UserError;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: 256 random bits, shown once, stored as a SHA-256 hash (a fast hash is enough
 * for a secret of that entropy), scoped to one client the owner may enter, revocable, optionally
 * expiring.
 */
@Service
public class ApiTokens {

  static final String PREFIX = "oc_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final ClientGate gate;
  private final AuditLog audit;
  private final AccountStore accounts;

  ApiTokens(JdbcClient jdbc, ClientGate gate, AuditLog audit, AccountStore accounts) {
    this.jdbc = jdbc;
    this.gate = gate;
    this.audit = audit;
    this.accounts = accounts;
  }

  /** A new token; {@link NewToken#secret()} is the only time its value is ever available. */
  @Transactional
  public NewToken create(UserAccount owner, ClientId client, String name, Integer validDays) {
    String trimmed = name == null ? "" : name.trim();
    if (trimmed.isEmpty() || trimmed.length() > 100) {
      throw new UserError("token.name.invalid");
    }
    if (validDays != null && (validDays < 1 || validDays > 3650)) {
      throw new UserError("token.validity.invalid");
    }
    if (!gate.mayEnter(owner, client.value())) {
      throw new NotFoundException("client");
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    UUID id = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    OffsetDateTime expires = validDays == null ? null : now.plusDays(validDays);
    jdbc.sql(
            """
            INSERT INTO api_token (id, user_id, client_id, name, token_hash, prefix, created_at, expires_at)
            VALUES (:id, :user, :client, :name, :hash, :prefix, :now, :expires)
            """)
        .param("id", id)
        .param("user", owner.id())
        .param("client", client.value())
        .param("name", trimmed)
        .param("hash", hash(secret))
        .param("prefix", secret.substring(0, 10))
        .param("now", now)
        .param("expires", expires)
        .update();
    audit.record(
        AuditType.TOKEN_CREATED,
        client,
        "token '" + trimmed + "' (" + secret.substring(0, 10) + "…)");
    return new NewToken(id, secret);
  }

  @Transactional(readOnly = true)
  public List<TokenInfo> of(UserAccount owner) {
    return jdbc.sql(
            """
            SELECT t.id, t.name, t.prefix, t.client_id, c.name AS client_name, t.created_at, t.expires_at,
                   t.last_used_at, t.revoked_at
            FROM api_token t JOIN client c ON c.id = t.client_id
            WHERE t.user_id = :u ORDER BY t.created_at DESC
            """)
        .param("u", owner.id())
        .query(TokenInfo.class)
        .list();
  }

  @Transactional
  public void revoke(UserAccount owner, UUID tokenId) {
    var client =
        jdbc.sql(
                "SELECT client_id FROM api_token WHERE id = :id AND user_id = :u AND revoked_at IS NULL")
            .param("id", tokenId)
            .param("u", owner.id())
            .query(UUID.class)
            .optional()
            .orElseThrow(() -> new NotFoundException("token"));
    jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE id = :id")
        .param("now", OffsetDateTime.now(ZoneOffset.UTC))
        .param("id", tokenId)
        .update();
    audit.record(AuditType.TOKEN_REVOKED, new ClientId(client), "token " + tokenId);
  }

  /** Resolves a presented secret to its authentication, if it is valid now. */
  @Transactional
  Optional<ApiTokenAuthentication> authenticate(String secret) {
    if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
      return Optional.empty();
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    var row =
        jdbc.sql(
                """
                SELECT id, user_id, client_id FROM api_token
                WHERE token_hash = :h AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)
                """)
            .param("h", hash(secret))
            .param("now", now)
            .query(
                (rs, i) ->
                    new UUID[] {
                      rs.getObject(1, UUID.class),
                      rs.getObject(2, UUID.class),
                      rs.getObject(3, UUID.class)
                    })
            .optional();
    if (row.isEmpty()) {
      return Optional.empty();
    }
    UUID[] ids = row.get();
    Optional<UserAccount> user = accounts.byId(ids[1]).filter(UserAccount::enabled);
    if (user.isEmpty()) {
      return Optional.empty();
    }
    jdbc.sql("UPDATE api_token SET last_used_at = :now WHERE id = :id")
        .param("now", now)
        .param("id", ids[0])
        .update();
    return Optional.of(
        new ApiTokenAuthentication(user.get().withoutPassword(), new ClientId(ids[2]), ids[0]));
  }

  static String hash(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public record NewToken(UUID id, String secret) {}

  public record TokenInfo(
      UUID id,
      String name,
      String prefix,
      UUID clientId,
      String clientName,
      OffsetDateTime createdAt,
      OffsetDateTime expiresAt,
      OffsetDateTime lastUsedAt,
      OffsetDateTime revokedAt) {

    public boolean active() {
      return revokedAt == null
          && (expiresAt == null || expiresAt.isAfter(OffsetDateTime.now(ZoneOffset.UTC)));
    }
  }
}
