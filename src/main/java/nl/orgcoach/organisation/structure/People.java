package nl.orgcoach.organisation.structure;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.platform.FilteredSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** People of a client and their reporting lines. */
@Repository
class People {

  private static final String ROW_SELECT =
      """
      SELECT p.id, p.external_id, p.first_name, p.last_name, p.email, p.job_title,
             p.unit_id, u.name AS unit_name, p.manager_id,
             CASE WHEN m.id IS NULL THEN NULL ELSE m.first_name || ' ' || m.last_name END AS manager_name
      FROM person p
      JOIN unit u ON u.id = p.unit_id
      LEFT JOIN person m ON m.id = p.manager_id
      """;

  /** A search text: in the name, e-mail or job title, or exactly the external id. */
  private static final String TEXT_MATCHES =
      """
      lower(p.first_name || ' ' || p.last_name) LIKE :q
      OR lower(p.email) LIKE :q OR lower(p.job_title) LIKE :q OR lower(p.external_id) = :exact
      """;

  private final JdbcClient jdbc;

  People(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One page of people matching a search over name, e-mail and job title, optionally in one unit.
   */
  List<PersonRow> search(ClientScope scope, String query, UUID unit, int offset, int limit) {
    return matching(ROW_SELECT, scope, query, unit)
        .then(
            "ORDER BY p.last_name, p.first_name, p.external_id OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY")
        .on(jdbc)
        .param("offset", offset)
        .param("limit", limit)
        .query(PersonRow.class)
        .list();
  }

  int count(ClientScope scope, String query, UUID unit) {
    return matching("SELECT count(*) FROM person p", scope, query, unit)
        .on(jdbc)
        .query(Integer.class)
        .single();
  }

  /** Who matches a search: in the client, in the unit if one is given, matching the text if any. */
  private static FilteredSql matching(String select, ClientScope scope, String query, UUID unit) {
    FilteredSql sql =
        FilteredSql.select(select)
            .where("p.client_id = :client")
            .param("client", scope.id())
            .whereGiven("p.unit_id = :unit", "unit", unit);
    String like = like(query);
    if (like != null) {
      sql.where(TEXT_MATCHES)
          .param("q", like)
          .param("exact", query.trim().toLowerCase(Locale.ROOT));
    }
    return sql;
  }

  Optional<PersonRow> find(ClientScope scope, UUID id) {
    return jdbc.sql(ROW_SELECT + " WHERE p.client_id = :client AND p.id = :id")
        .param("client", scope.id())
        .param("id", id)
        .query(PersonRow.class)
        .optional();
  }

  List<PersonRow> inUnit(ClientScope scope, UUID unit, int limit) {
    return jdbc.sql(
            ROW_SELECT
                + " WHERE p.client_id = :client AND p.unit_id = :unit ORDER BY p.last_name, p.first_name FETCH FIRST :limit ROWS ONLY")
        .param("client", scope.id())
        .param("unit", unit)
        .param("limit", limit)
        .query(PersonRow.class)
        .list();
  }

  List<PersonRow> directReports(ClientScope scope, UUID manager) {
    return jdbc.sql(
            ROW_SELECT
                + " WHERE p.client_id = :client AND p.manager_id = :m ORDER BY p.last_name, p.first_name")
        .param("client", scope.id())
        .param("m", manager)
        .query(PersonRow.class)
        .list();
  }

  /** The person's managers upwards, nearest first. */
  List<PersonRow> managementChain(ClientScope scope, UUID person) {
    return jdbc.sql(
            """
            WITH RECURSIVE chain (id, manager_id, depth) AS (
              SELECT id, manager_id, 0 FROM person WHERE client_id = :client AND id = :id
              UNION ALL
              SELECT p.id, p.manager_id, chain.depth + 1 FROM person p JOIN chain ON p.id = chain.manager_id
              WHERE p.client_id = :client AND chain.depth < 100
            )
            SELECT p.id, p.external_id, p.first_name, p.last_name, p.email, p.job_title,
                   p.unit_id, u.name AS unit_name, p.manager_id, NULL AS manager_name
            FROM chain JOIN person p ON p.id = chain.id JOIN unit u ON u.id = p.unit_id
            WHERE chain.depth > 0 ORDER BY chain.depth
            """)
        .param("client", scope.id())
        .param("id", person)
        .query(PersonRow.class)
        .list();
  }

  /** Whether {@code candidate} reports, directly or not, to {@code person} (or is that person). */
  boolean isInReportingLineBelow(ClientScope scope, UUID person, UUID candidate) {
    return managementChain(scope, candidate).stream().anyMatch(p -> p.id().equals(person))
        || person.equals(candidate);
  }

  /** Resolves the client's own person ids; unknown ids are absent from the answer. */
  java.util.Map<String, UUID> idsByExternal(
      ClientScope scope, java.util.Collection<String> externalIds) {
    if (externalIds.isEmpty()) {
      return java.util.Map.of();
    }
    var found = new java.util.HashMap<String, UUID>();
    jdbc.sql(
            "SELECT external_id, id FROM person WHERE client_id = :client AND external_id IN (:ids)")
        .param("client", scope.id())
        .param("ids", externalIds)
        .query((rs, i) -> found.put(rs.getString(1), rs.getObject(2, UUID.class)))
        .list();
    return found;
  }

  boolean externalIdTaken(ClientScope scope, String externalId, UUID except) {
    return ExternalIds.taken(jdbc, "person", scope, externalId, except);
  }

  void insert(ClientScope scope, Person p) {
    jdbc.sql(
            """
            INSERT INTO person (id, client_id, external_id, first_name, last_name, email, job_title, unit_id, manager_id)
            VALUES (:id, :client, :ext, :first, :last, :email, :job, :unit, :manager)
            """)
        .param("id", p.id())
        .param("email", p.email())
        .param("client", scope.id())
        .param("ext", p.externalId())
        .param("first", p.firstName())
        .param("last", p.lastName())
        .param("job", p.jobTitle())
        .param("unit", p.unitId())
        .param("manager", p.managerId())
        .update();
  }

  void update(ClientScope scope, Person p) {
    jdbc.sql(
            """
            UPDATE person SET external_id = :ext, first_name = :first, last_name = :last, email = :email,
                   job_title = :job, unit_id = :unit, manager_id = :manager
            WHERE client_id = :client AND id = :id
            """)
        .param("id", p.id())
        .param("email", p.email())
        .param("client", scope.id())
        .param("ext", p.externalId())
        .param("first", p.firstName())
        .param("last", p.lastName())
        .param("job", p.jobTitle())
        .param("unit", p.unitId())
        .param("manager", p.managerId())
        .update();
  }

  private static String like(String query) {
    if (query == null || query.isBlank()) {
      return null;
    }
    String escaped =
        query.trim().toLowerCase(Locale.ROOT).replace("\\", "").replace("%", "").replace("_", "");
    return "%" + escaped + "%";
  }

  /** A person as stored. */
  record Person(
      UUID id,
      String externalId,
      String firstName,
      String lastName,
      String email,
      String jobTitle,
      UUID unitId,
      UUID managerId) {}

  /** A person with the names of their unit and manager, for lists and pages. */
  record PersonRow(
      UUID id,
      String externalId,
      String firstName,
      String lastName,
      String email,
      String jobTitle,
      UUID unitId,
      String unitName,
      UUID managerId,
      String managerName) {

    public String fullName() {
      return firstName + " " + lastName;
    }
  }
}
