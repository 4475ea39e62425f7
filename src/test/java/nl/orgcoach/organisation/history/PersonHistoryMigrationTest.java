package nl.orgcoach.organisation.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.orgcoach.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * V1_7 on a database that already holds people: every one of them gets a current period since
 * always, with their unit and manager. H2, or PostgreSQL in the postgres-tests run.
 */
@Tag("db")
class PersonHistoryMigrationTest {

  record Row(UUID person, UUID unit, UUID manager, LocalDate from, LocalDate to) {}

  @Test
  void backfillsTheCurrentReportingLinesOfExistingPeople() throws SQLException {
    String name =
        "oc_test_"
            + (System.currentTimeMillis() / 1000)
            + "_mig"
            + UUID.randomUUID().toString().substring(0, 5);
    String url;
    String user;
    String vendor;
    if (TestDatabase.postgres()) {
      TestDatabase.execute("CREATE DATABASE " + name);
      url =
          TestDatabase.PG_ADMIN_URL.substring(0, TestDatabase.PG_ADMIN_URL.lastIndexOf('/') + 1)
              + name;
      user = TestDatabase.PG_USER;
      vendor = "postgresql";
    } else {
      url = "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
      user = "sa";
      vendor = "h2";
    }
    try {
      Flyway.configure()
          .dataSource(url, user, "")
          .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
          .target("1.6")
          .load()
          .migrate();
      UUID client = UUID.randomUUID();
      UUID unit = UUID.randomUUID();
      UUID boss = UUID.randomUUID();
      UUID worker = UUID.randomUUID();
      try (Connection c = DriverManager.getConnection(url, user, "")) {
        execute(
            c,
            "INSERT INTO client (id, name, created_at) VALUES (?, 'Oud', CURRENT_TIMESTAMP)",
            client);
        execute(
            c,
            "INSERT INTO unit (id, client_id, external_id, name) VALUES (?, ?, 'U', 'Unit')",
            unit,
            client);
        execute(
            c,
            "INSERT INTO person (id, client_id, external_id, first_name, last_name, unit_id, manager_id)"
                + " VALUES (?, ?, 'B', 'Bea', 'Baas', ?, NULL), (?, ?, 'W', 'Wim', 'Werker', ?, ?)",
            boss,
            client,
            unit,
            worker,
            client,
            unit,
            boss);
      }

      Flyway.configure()
          .dataSource(url, user, "")
          .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
          .load()
          .migrate();

      try (Connection c = DriverManager.getConnection(url, user, "");
          var rs =
              c.createStatement()
                  .executeQuery(
                      "SELECT person_id, unit_id, manager_person_id, valid_from, valid_to FROM person_history ORDER BY manager_person_id NULLS FIRST")) {
        List<Row> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(
              new Row(
                  rs.getObject(1, UUID.class),
                  rs.getObject(2, UUID.class),
                  rs.getObject(3, UUID.class),
                  rs.getObject(4, LocalDate.class),
                  rs.getObject(5, LocalDate.class)));
        }
        assertThat(rows)
            .containsExactly(
                new Row(boss, unit, null, PersonHistory.SINCE_ALWAYS, null),
                new Row(worker, unit, boss, PersonHistory.SINCE_ALWAYS, null));
      }
    } finally {
      if (TestDatabase.postgres()) {
        TestDatabase.execute("DROP DATABASE IF EXISTS " + name);
      } else {
        try (Connection c = DriverManager.getConnection(url, user, "")) {
          c.createStatement().execute("SHUTDOWN");
        }
      }
    }
  }

  private static void execute(Connection c, String sql, Object... parameters) throws SQLException {
    try (var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      ps.executeUpdate();
    }
  }
}
