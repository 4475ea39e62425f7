package nl.orgcoach.organisation;

import java.util.Collection;
import java.util.List;
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

  /** A person as other modules show and pick one. */
  public record PersonRef(UUID id, String name, UUID unitId) {}

  /** The person with this id in the scope's client (a foreign id is not found). */
  @Transactional(readOnly = true)
  public Optional<PersonRef> find(ClientScope scope, UUID personId) {
    if (personId == null) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            SELECT id, first_name || ' ' || last_name AS name, unit_id FROM person
            WHERE client_id = :client AND id = :id
            """)
        .param("client", scope.id())
        .param("id", personId)
        .query(PersonRef.class)
        .optional();
  }

  /** People of the given units (all units when empty), by name, at most {@code limit}. */
  @Transactional(readOnly = true)
  public List<PersonRef> inUnits(ClientScope scope, Collection<UUID> units, int limit) {
    String inUnits = units.isEmpty() ? "" : " AND unit_id IN (:units)";
    var sql =
        jdbc.sql(
                "SELECT id, first_name || ' ' || last_name AS name, unit_id FROM person"
                    + " WHERE client_id = :client"
                    + inUnits
                    + " ORDER BY last_name, first_name FETCH FIRST "
                    + Math.max(1, limit)
                    + " ROWS ONLY")
            .param("client", scope.id());
    if (!units.isEmpty()) {
      sql = sql.param("units", List.copyOf(units));
    }
    return sql.query(PersonRef.class).list();
  }

  /** The first person (by id of the client's own systems) without a manager: the top. */
  public Optional<UUID> top(ClientScope scope) {
    return jdbc.sql(
            """
            SELECT id FROM person WHERE client_id = :client AND manager_id IS NULL
            ORDER BY external_id FETCH FIRST 1 ROWS ONLY
            """)
        .param("client", scope.id())
        .query(UUID.class)
        .optional();
  }

  /** A person with their e-mail address and how they relate to someone in the org chart. */
  public record Colleague(UUID id, String name, String email, String relation) {}

  /**
   * The reporting lines around a person: their manager ({@code MANAGER}), the others with the same
   * manager ({@code PEER}) and their direct reports ({@code DIRECT_REPORT}), by name; at most
   * {@code limit} of each.
   */
  @Transactional(readOnly = true)
  public List<Colleague> reportingLines(ClientScope scope, UUID personId, int limit) {
    String fetch =
        " ORDER BY last_name, first_name FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY";
    String select = "SELECT id, first_name || ' ' || last_name AS name, email, ";
    List<Colleague> result = new java.util.ArrayList<>();
    result.addAll(
        jdbc.sql(
                select
                    + "'MANAGER' AS relation FROM person WHERE client_id = :client AND id ="
                    + " (SELECT manager_id FROM person WHERE client_id = :client AND id = :id)")
            .param("client", scope.id())
            .param("id", personId)
            .query(Colleague.class)
            .list());
    result.addAll(
        jdbc.sql(
                select
                    + "'PEER' AS relation FROM person WHERE client_id = :client AND id <> :id"
                    + " AND manager_id = (SELECT manager_id FROM person"
                    + " WHERE client_id = :client AND id = :id)"
                    + fetch)
            .param("client", scope.id())
            .param("id", personId)
            .query(Colleague.class)
            .list());
    result.addAll(
        jdbc.sql(
                select
                    + "'DIRECT_REPORT' AS relation FROM person"
                    + " WHERE client_id = :client AND manager_id = :id"
                    + fetch)
            .param("client", scope.id())
            .param("id", personId)
            .query(Colleague.class)
            .list());
    return result;
  }

  /** The e-mail address of a person of the scope's client, if they have one. */
  @Transactional(readOnly = true)
  public Optional<String> emailOf(ClientScope scope, UUID personId) {
    return jdbc
        .sql("SELECT email FROM person WHERE client_id = :client AND id = :id")
        .param("client", scope.id())
        .param("id", personId)
        .query(String.class)
        .list()
        .stream()
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }
}
