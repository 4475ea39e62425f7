package nl.orgcoach.organisation;

import java.util.Optional;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds people by the client's own identifiers, for modules that link to a person (users, demo
 * data).
 */
@Component
public class PersonLookup {

  private final JdbcClient jdbc;

  PersonLookup(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The internal id of the person with this external id in the scope's client. */
  @Transactional(readOnly = true)
  public Optional<UUID> idOfExternal(ClientScope scope, String externalId) {
    return jdbc.sql("SELECT id FROM person WHERE client_id = :client AND external_id = :ext")
        .param("client", scope.id())
        .param("ext", externalId)
        .query(UUID.class)
        .optional();
  }
}
