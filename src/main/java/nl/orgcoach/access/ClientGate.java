package nl.orgcoach.access;

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

  boolean mayEnter(UserAccount user, UUID client) {
    return switch (user.role()) {
      case ADMIN ->
          jdbc.sql("SELECT count(*) FROM client WHERE id = :c")
                  .param("c", client)
                  .query(Integer.class)
                  .single()
              > 0;
      case COACH ->
          jdbc.sql("SELECT count(*) FROM coach_assignment WHERE user_id = :u AND client_id = :c")
                  .param("u", user.id())
                  .param("c", client)
                  .query(Integer.class)
                  .single()
              > 0;
      case HR, MANAGER, EMPLOYEE -> client.equals(user.clientId());
    };
  }

  /** A scope for work the system does itself (demo data at start-up), never for a request. */
  ClientScope system(ClientId client, String purpose) {
    return new ClientScope(client, "system:" + purpose);
  }
}
