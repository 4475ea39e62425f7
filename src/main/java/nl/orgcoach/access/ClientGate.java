package nl.orgcoach.access;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.orgcoach.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place that decides whether a user may enter a client organisation (PRODUCT.md invariant
 * 5), and the only issuer of {@link ClientScope}s. An admin enters every client; a coach the
 * clients assigned to them; everyone else only their own. A refusal looks exactly like a client
 * that does not exist, so ids of other tenants reveal nothing.
 */
@Component
class ClientGate {

  private final JdbcClient jdbc;
  private final AuditLog audit;

  ClientGate(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public ClientScope enter(UserAccount user, ClientId client) {
    if (user == null || !mayEnter(user, client.value())) {
      audit.record(AuditType.ACCESS_DENIED, null, "client " + client);
      throw new NotFoundException("client");
    }
    return new ClientScope(client, user.email());
  }

  /**
   * The rule itself, as a condition on {@code client c}: admins see every client, coaches the
   * clients assigned to them, everyone else their own. {@link Clients#visibleTo} lists with the
   * same condition, so the list and the check cannot drift apart. Parameters: {@link #parameters}.
   */
  static final String VISIBLE =
      """
      (:role = 'ADMIN'
       OR (:role = 'COACH' AND EXISTS (SELECT 1 FROM coach_assignment a
                                       WHERE a.client_id = c.id AND a.user_id = :user))
       OR (:role IN ('HR', 'MANAGER', 'EMPLOYEE') AND c.id = :own))
      """;

  static Map<String, Object> parameters(UserAccount user) {
    var parameters = new HashMap<String, Object>();
    parameters.put("role", user.role().name());
    parameters.put("user", user.id());
    parameters.put("own", user.clientId());
    return parameters;
  }

  boolean mayEnter(UserAccount user, UUID client) {
    return jdbc.sql("SELECT count(*) FROM client c WHERE c.id = :client AND " + VISIBLE)
            .params(parameters(user))
            .param("client", client)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** A scope for work the system does itself (demo data at start-up), never for a request. */
  ClientScope system(ClientId client, String purpose) {
    return new ClientScope(client, "system:" + purpose);
  }
}
