package nl.orgcoach.organisation.structure;

import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import org.springframework.jdbc.core.simple.JdbcClient;

/** External ids (the client's own identifiers) are unique per client in every structure table. */
final class ExternalIds {

  private ExternalIds() {}

  /** Whether another row than {@code except} of this client's {@code table} has the id. */
  static boolean taken(
      JdbcClient jdbc, String table, ClientScope scope, String externalId, UUID except) {
    // table is one of this package's constants, never input.
    return jdbc.sql(
                "SELECT count(*) FROM "
                    + table
                    + " WHERE client_id = :client AND external_id = :ext AND id <> :except")
            .param("client", scope.id())
            .param("ext", externalId)
            .param("except", except == null ? new UUID(0, 0) : except)
            .query(Integer.class)
            .single()
        > 0;
  }
}
