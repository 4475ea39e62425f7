package nl.orgcoach.organisation;

import java.util.List;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Units of a client as other modules need them: to pick from and to check an id. */
@Component
@Transactional(readOnly = true)
public class UnitLookup {

  private final JdbcClient jdbc;

  UnitLookup(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A unit to show or pick. */
  public record UnitRef(UUID id, String name) {}

  /** Every unit of the scope's client, by name. */
  public List<UnitRef> all(ClientScope scope) {
    return jdbc.sql("SELECT id, name FROM unit WHERE client_id = :client ORDER BY name")
        .param("client", scope.id())
        .query(UnitRef.class)
        .list();
  }

  /** The ids of the unit and the units above it, top first. */
  public List<UUID> path(ClientScope scope, UUID unitId) {
    return jdbc.sql(
            """
            WITH RECURSIVE up (id, parent_id, depth) AS (
              SELECT id, parent_id, 0 FROM unit WHERE client_id = :client AND id = :id
              UNION ALL
              SELECT u.id, u.parent_id, up.depth + 1 FROM unit u JOIN up ON u.id = up.parent_id
              WHERE u.client_id = :client AND up.depth < 100
            )
            SELECT id FROM up ORDER BY depth DESC
            """)
        .param("client", scope.id())
        .param("id", unitId)
        .query(UUID.class)
        .list();
  }

  /** The ids of the unit and every unit below it. */
  public List<UUID> subtree(ClientScope scope, UUID unitId) {
    return jdbc.sql(
            """
            WITH RECURSIVE down (id, depth) AS (
              SELECT id, 0 FROM unit WHERE client_id = :client AND id = :id
              UNION ALL
              SELECT u.id, down.depth + 1 FROM unit u JOIN down ON u.parent_id = down.id
              WHERE u.client_id = :client AND down.depth < 100
            )
            SELECT id FROM down ORDER BY depth, id
            """)
        .param("client", scope.id())
        .param("id", unitId)
        .query(UUID.class)
        .list();
  }

  /** Whether the unit exists in the scope's client (a foreign id does not). */
  public boolean exists(ClientScope scope, UUID unitId) {
    return unitId != null
        && jdbc.sql("SELECT count(*) FROM unit WHERE client_id = :client AND id = :id")
                .param("client", scope.id())
                .param("id", unitId)
                .query(Integer.class)
                .single()
            > 0;
  }

  /** A unit with the unit above it (null for a top unit). */
  public record UnitNode(UUID id, String name, UUID parentId) {}

  /** Every unit of the scope's client with its parent, by name: the whole tree in one read. */
  public List<UnitNode> tree(ClientScope scope) {
    return jdbc.sql(
            "SELECT id, name, parent_id FROM unit WHERE client_id = :client ORDER BY name, id")
        .param("client", scope.id())
        .query(UnitNode.class)
        .list();
  }

  /**
   * A number that changes whenever a person of the client moves to another unit (or gets another
   * manager): what a cache of figures per unit compares to know that nobody moved since it read
   * them, without reading every person again. 0 until the first move.
   */
  public long peopleVersion(ClientScope scope) {
    return jdbc.sql("SELECT version FROM people_version WHERE client_id = :client")
        .param("client", scope.id())
        .query(Long.class)
        .optional()
        .orElse(0L);
  }
}
