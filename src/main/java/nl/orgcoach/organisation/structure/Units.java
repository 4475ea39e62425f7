package nl.orgcoach.organisation.structure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Units of a client: the tree, its nodes with counts for the org chart, and edits. */
@Repository
class Units {

  /**
   * A node of the org chart: one level at a time, with what is needed to decide whether it can be
   * opened. The head is the unit's highest person: someone in the unit whose manager is outside it.
   */
  private static final String NODE_SELECT =
      """
      SELECT u.id, u.external_id, u.name, u.kind, u.parent_id,
             (SELECT count(*) FROM unit c WHERE c.client_id = u.client_id AND c.parent_id = u.id) AS child_count,
             (SELECT count(*) FROM person p WHERE p.client_id = u.client_id AND p.unit_id = u.id) AS person_count,
             (SELECT min(p.last_name || ', ' || p.first_name) FROM person p LEFT JOIN person m ON m.id = p.manager_id
              WHERE p.client_id = u.client_id AND p.unit_id = u.id AND (m.id IS NULL OR m.unit_id <> u.id)) AS head
      FROM unit u
      """;

  private final JdbcClient jdbc;

  Units(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<UnitNode> roots(ClientScope scope) {
    return jdbc.sql(
            NODE_SELECT + " WHERE u.client_id = :client AND u.parent_id IS NULL ORDER BY u.name")
        .param("client", scope.id())
        .query(UnitNode::map)
        .list();
  }

  List<UnitNode> children(ClientScope scope, UUID parent) {
    return jdbc.sql(
            NODE_SELECT + " WHERE u.client_id = :client AND u.parent_id = :parent ORDER BY u.name")
        .param("client", scope.id())
        .param("parent", parent)
        .query(UnitNode::map)
        .list();
  }

  Optional<UnitNode> node(ClientScope scope, UUID id) {
    return jdbc.sql(NODE_SELECT + " WHERE u.client_id = :client AND u.id = :id")
        .param("client", scope.id())
        .param("id", id)
        .query(UnitNode::map)
        .optional();
  }

  /** The unit and the units above it, top first. */
  List<UnitRef> path(ClientScope scope, UUID id) {
    return jdbc.sql(
            """
            WITH RECURSIVE up (id, name, parent_id, depth) AS (
              SELECT id, name, parent_id, 0 FROM unit WHERE client_id = :client AND id = :id
              UNION ALL
              SELECT u.id, u.name, u.parent_id, up.depth + 1 FROM unit u JOIN up ON u.id = up.parent_id
              WHERE u.client_id = :client AND up.depth < 100
            )
            SELECT id, name FROM up ORDER BY depth DESC
            """)
        .param("client", scope.id())
        .param("id", id)
        .query(UnitRef.class)
        .list();
  }

  /** Whether {@code candidate} lies in the subtree below {@code unit} (or is the unit itself). */
  boolean isInSubtree(ClientScope scope, UUID unit, UUID candidate) {
    return jdbc.sql(
                """
                WITH RECURSIVE down (id, depth) AS (
                  SELECT id, 0 FROM unit WHERE client_id = :client AND id = :unit
                  UNION ALL
                  SELECT u.id, down.depth + 1 FROM unit u JOIN down ON u.parent_id = down.id
                  WHERE u.client_id = :client AND down.depth < 100
                )
                SELECT count(*) FROM down WHERE id = :candidate
                """)
            .param("client", scope.id())
            .param("unit", unit)
            .param("candidate", candidate)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** People in the unit and every unit below it. */
  int headcountOfSubtree(ClientScope scope, UUID unit) {
    return jdbc.sql(
            """
            WITH RECURSIVE down (id, depth) AS (
              SELECT id, 0 FROM unit WHERE client_id = :client AND id = :unit
              UNION ALL
              SELECT u.id, down.depth + 1 FROM unit u JOIN down ON u.parent_id = down.id
              WHERE u.client_id = :client AND down.depth < 100
            )
            SELECT count(*) FROM person p JOIN down ON p.unit_id = down.id WHERE p.client_id = :client
            """)
        .param("client", scope.id())
        .param("unit", unit)
        .query(Integer.class)
        .single();
  }

  Optional<Unit> find(ClientScope scope, UUID id) {
    return jdbc.sql(
            "SELECT id, external_id, name, kind, parent_id FROM unit WHERE client_id = :client AND id = :id")
        .param("client", scope.id())
        .param("id", id)
        .query(Unit.class)
        .optional();
  }

  boolean externalIdTaken(ClientScope scope, String externalId, UUID except) {
    return ExternalIds.taken(jdbc, "unit", scope, externalId, except);
  }

  /** All units as choices for a form, by name. */
  List<UnitRef> choices(ClientScope scope) {
    return jdbc.sql(
            "SELECT id, name FROM unit WHERE client_id = :client ORDER BY name, external_id")
        .param("client", scope.id())
        .query(UnitRef.class)
        .list();
  }

  List<Unit> all(ClientScope scope) {
    return jdbc.sql(
            "SELECT id, external_id, name, kind, parent_id FROM unit WHERE client_id = :client ORDER BY name, external_id")
        .param("client", scope.id())
        .query(Unit.class)
        .list();
  }

  void insert(ClientScope scope, Unit unit) {
    jdbc.sql(
            """
            INSERT INTO unit (id, client_id, external_id, name, kind, parent_id)
            VALUES (:id, :client, :ext, :name, :kind, :parent)
            """)
        .param("id", unit.id())
        .param("client", scope.id())
        .param("ext", unit.externalId())
        .param("name", unit.name())
        .param("kind", unit.kind())
        .param("parent", unit.parentId())
        .update();
  }

  void update(ClientScope scope, Unit unit) {
    jdbc.sql(
            """
            UPDATE unit SET external_id = :ext, name = :name, kind = :kind, parent_id = :parent
            WHERE client_id = :client AND id = :id
            """)
        .param("id", unit.id())
        .param("client", scope.id())
        .param("ext", unit.externalId())
        .param("name", unit.name())
        .param("kind", unit.kind())
        .param("parent", unit.parentId())
        .update();
  }

  /** A unit as stored. */
  record Unit(UUID id, String externalId, String name, String kind, UUID parentId) {}

  /** A unit's id and name, for links and choices. */
  record UnitRef(UUID id, String name) {}

  /** A unit in the org chart. */
  record UnitNode(
      UUID id,
      String externalId,
      String name,
      String kind,
      UUID parentId,
      int childCount,
      int personCount,
      String head) {

    static UnitNode map(ResultSet rs, int row) throws SQLException {
      return new UnitNode(
          rs.getObject("id", UUID.class),
          rs.getString("external_id"),
          rs.getString("name"),
          rs.getString("kind"),
          rs.getObject("parent_id", UUID.class),
          rs.getInt("child_count"),
          rs.getInt("person_count"),
          rs.getString("head"));
    }
  }
}
