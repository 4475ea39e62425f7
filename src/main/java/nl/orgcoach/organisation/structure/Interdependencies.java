package nl.orgcoach.organisation.structure;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.platform.FilteredSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** "Unit A depends on unit B for something": the system map of a client. */
@Repository
class Interdependencies {

  private static final String ROW_SELECT =
      """
      SELECT d.id, d.from_unit_id, f.name AS from_name, d.to_unit_id, t.name AS to_name, d.description, d.strength
      FROM interdependency d JOIN unit f ON f.id = d.from_unit_id JOIN unit t ON t.id = d.to_unit_id
      """;

  private final JdbcClient jdbc;

  Interdependencies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The strongest interdependencies first, optionally only those touching one unit. */
  List<Row> list(ClientScope scope, UUID unit, int limit) {
    return FilteredSql.select(ROW_SELECT)
        .where("d.client_id = :client")
        .param("client", scope.id())
        .whereGiven("d.from_unit_id = :unit OR d.to_unit_id = :unit", "unit", unit)
        .then("ORDER BY d.strength DESC, f.name, t.name FETCH FIRST :limit ROWS ONLY")
        .on(jdbc)
        .param("limit", limit)
        .query(Row.class)
        .list();
  }

  int count(ClientScope scope) {
    return jdbc.sql("SELECT count(*) FROM interdependency WHERE client_id = :client")
        .param("client", scope.id())
        .query(Integer.class)
        .single();
  }

  Optional<Row> find(ClientScope scope, UUID id) {
    return jdbc.sql(ROW_SELECT + " WHERE d.client_id = :client AND d.id = :id")
        .param("client", scope.id())
        .param("id", id)
        .query(Row.class)
        .optional();
  }

  Optional<UUID> between(ClientScope scope, UUID from, UUID to) {
    return jdbc.sql(
            "SELECT id FROM interdependency WHERE client_id = :client AND from_unit_id = :f AND to_unit_id = :t")
        .param("client", scope.id())
        .param("f", from)
        .param("t", to)
        .query(UUID.class)
        .optional();
  }

  void insert(ClientScope scope, UUID id, UUID from, UUID to, String description, int strength) {
    jdbc.sql(
            """
            INSERT INTO interdependency (id, client_id, from_unit_id, to_unit_id, description, strength)
            VALUES (:id, :client, :f, :t, :d, :s)
            """)
        .param("id", id)
        .param("client", scope.id())
        .param("f", from)
        .param("t", to)
        .param("d", description)
        .param("s", strength)
        .update();
  }

  void update(ClientScope scope, UUID id, String description, int strength) {
    jdbc.sql(
            "UPDATE interdependency SET description = :d, strength = :s WHERE client_id = :client AND id = :id")
        .param("id", id)
        .param("client", scope.id())
        .param("d", description)
        .param("s", strength)
        .update();
  }

  boolean delete(ClientScope scope, UUID id) {
    return jdbc.sql("DELETE FROM interdependency WHERE client_id = :client AND id = :id")
            .param("client", scope.id())
            .param("id", id)
            .update()
        > 0;
  }

  record Row(
      UUID id,
      UUID fromUnitId,
      String fromName,
      UUID toUnitId,
      String toName,
      String description,
      int strength) {}
}
