package nl.orgcoach.organisation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.organisation.PersonLookup.PersonRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Settings (gremia) and their members, for modules that plan meetings of them (observations). */
@Component
@Transactional(readOnly = true)
public class SettingLookup {

  /** A setting by name. */
  public record SettingRef(UUID id, String name) {}

  private final JdbcClient jdbc;

  SettingLookup(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The client's settings of the given units (all when empty), by name. */
  public List<SettingRef> list(ClientScope scope, java.util.Collection<UUID> units) {
    String inUnits = units.isEmpty() ? "" : " AND unit_id IN (:units)";
    var sql =
        jdbc.sql(
                "SELECT id, name FROM setting WHERE client_id = :client"
                    + inUnits
                    + " ORDER BY name")
            .param("client", scope.id());
    if (!units.isEmpty()) {
      sql = sql.param("units", List.copyOf(units));
    }
    return sql.query(SettingRef.class).list();
  }

  /** The setting if it is of the scope's client. */
  public Optional<SettingRef> find(ClientScope scope, UUID settingId) {
    return jdbc.sql("SELECT id, name FROM setting WHERE client_id = :client AND id = :id")
        .param("client", scope.id())
        .param("id", settingId)
        .query(SettingRef.class)
        .optional();
  }

  /** The members of the setting, by name. */
  public List<PersonRef> members(ClientScope scope, UUID settingId) {
    return jdbc.sql(
            """
            SELECT p.id, p.first_name || ' ' || p.last_name AS name, p.unit_id
            FROM setting_member m JOIN person p ON p.id = m.person_id AND p.client_id = m.client_id
            WHERE m.client_id = :client AND m.setting_id = :s
            ORDER BY p.last_name, p.first_name
            """)
        .param("client", scope.id())
        .param("s", settingId)
        .query(PersonRef.class)
        .list();
  }
}
