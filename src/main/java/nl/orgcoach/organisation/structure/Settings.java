package nl.orgcoach.organisation.structure;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.organisation.SettingKind;
import nl.orgcoach.platform.FilteredSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Settings (gremia) of a client and their members. */
@Repository
class Settings {

  private static final String ROW_SELECT =
      """
      SELECT s.id, s.external_id, s.name, s.kind, s.unit_id, u.name AS unit_name,
             (SELECT count(*) FROM setting_member m WHERE m.setting_id = s.id) AS member_count
      FROM setting s LEFT JOIN unit u ON u.id = s.unit_id
      """;

  private final JdbcClient jdbc;

  Settings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<SettingRow> all(ClientScope scope, SettingKind kind) {
    return FilteredSql.select(ROW_SELECT)
        .where("s.client_id = :client")
        .param("client", scope.id())
        .whereGiven("s.kind = :kind", "kind", kind == null ? null : kind.name())
        .then("ORDER BY s.kind, s.name")
        .on(jdbc)
        .query(SettingRow.class)
        .list();
  }

  List<SettingRow> ofUnit(ClientScope scope, UUID unit) {
    return jdbc.sql(
            ROW_SELECT
                + " WHERE s.client_id = :client AND s.unit_id = :unit ORDER BY s.kind, s.name")
        .param("client", scope.id())
        .param("unit", unit)
        .query(SettingRow.class)
        .list();
  }

  List<SettingRow> ofPerson(ClientScope scope, UUID person) {
    return jdbc.sql(
            ROW_SELECT
                + """
                 WHERE s.client_id = :client
                   AND s.id IN (SELECT m.setting_id FROM setting_member m WHERE m.client_id = :client AND m.person_id = :person)
                 ORDER BY s.kind, s.name
                """)
        .param("client", scope.id())
        .param("person", person)
        .query(SettingRow.class)
        .list();
  }

  Optional<SettingRow> find(ClientScope scope, UUID id) {
    return jdbc.sql(ROW_SELECT + " WHERE s.client_id = :client AND s.id = :id")
        .param("client", scope.id())
        .param("id", id)
        .query(SettingRow.class)
        .optional();
  }

  List<People.PersonRow> members(ClientScope scope, UUID setting) {
    return jdbc.sql(
            """
            SELECT p.id, p.external_id, p.first_name, p.last_name, p.email, p.job_title,
                   p.unit_id, u.name AS unit_name, p.manager_id, NULL AS manager_name
            FROM setting_member m JOIN person p ON p.id = m.person_id JOIN unit u ON u.id = p.unit_id
            WHERE m.client_id = :client AND m.setting_id = :setting
            ORDER BY p.last_name, p.first_name
            """)
        .param("client", scope.id())
        .param("setting", setting)
        .query(People.PersonRow.class)
        .list();
  }

  boolean externalIdTaken(ClientScope scope, String externalId, UUID except) {
    return ExternalIds.taken(jdbc, "setting", scope, externalId, except);
  }

  void insert(ClientScope scope, Setting s) {
    jdbc.sql(
            """
            INSERT INTO setting (id, client_id, external_id, name, kind, unit_id)
            VALUES (:id, :client, :ext, :name, :kind, :unit)
            """)
        .param("id", s.id())
        .param("client", scope.id())
        .param("ext", s.externalId())
        .param("name", s.name())
        .param("kind", s.kind().name())
        .param("unit", s.unitId())
        .update();
  }

  void update(ClientScope scope, Setting s) {
    jdbc.sql(
            """
            UPDATE setting SET external_id = :ext, name = :name, kind = :kind, unit_id = :unit
            WHERE client_id = :client AND id = :id
            """)
        .param("id", s.id())
        .param("client", scope.id())
        .param("ext", s.externalId())
        .param("name", s.name())
        .param("kind", s.kind().name())
        .param("unit", s.unitId())
        .update();
  }

  /**
   * Replaces the members; every person id must already be checked to belong to the scope's client.
   */
  void replaceMembers(ClientScope scope, UUID setting, List<UUID> people) {
    jdbc.sql("DELETE FROM setting_member WHERE client_id = :client AND setting_id = :setting")
        .param("client", scope.id())
        .param("setting", setting)
        .update();
    for (UUID person : people.stream().distinct().toList()) {
      jdbc.sql(
              "INSERT INTO setting_member (setting_id, person_id, client_id) VALUES (:s, :p, :client)")
          .param("s", setting)
          .param("p", person)
          .param("client", scope.id())
          .update();
    }
  }

  record Setting(UUID id, String externalId, String name, SettingKind kind, UUID unitId) {}

  record SettingRow(
      UUID id,
      String externalId,
      String name,
      SettingKind kind,
      UUID unitId,
      String unitName,
      int memberCount) {}
}
