package nl.orgcoach.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each Spring test context a database of its own: an in-memory H2 by default, or a fresh
 * database on the real PostgreSQL server when {@code -Dorgcoach.test.db=postgres} (set by the
 * {@code postgres-tests} Maven profile, which .ci/run switches on). Leftover PostgreSQL test
 * databases of earlier runs are dropped when the next run starts.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String PG_ADMIN_URL =
      System.getProperty("orgcoach.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String PG_USER = System.getProperty("orgcoach.test.pg.user", "postgres");

  public static boolean postgres() {
    return "postgres".equals(System.getProperty("orgcoach.test.db"));
  }

  private static final java.util.concurrent.atomic.AtomicBoolean SWEPT =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * Drops test databases left by earlier runs: older than two hours and not in use (a plain DROP
   * refuses a database with connections), so another test JVM running beside this one keeps its
   * own. This runs at the start rather than at the end of a run: dropping at the end races with the
   * Spring contexts' shutdown and stalls the JVM's exit.
   */
  static void sweepLeftovers() {
    try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, "");
        var rs =
            c.createStatement()
                .executeQuery(
                    "SELECT datname FROM pg_database WHERE datname LIKE 'oc\\_test\\_%'")) {
      var names = new java.util.ArrayList<String>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      long cutoff = System.currentTimeMillis() / 1000 - 2 * 3600;
      for (String name : names) {
        String[] parts = name.split("_");
        if (parts.length != 4 || !parts[2].matches("\\d+") || Long.parseLong(parts[2]) > cutoff) {
          continue;
        }
        try {
          c.createStatement().execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException inUse) {
          // another run is using it
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL at " + PG_ADMIN_URL + " is not usable: " + e.getMessage(), e);
    }
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    // The creation time in the name lets a later run tell a stale database from one being set up.
    String name =
        "oc_test_"
            + (System.currentTimeMillis() / 1000)
            + "_"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    Map<String, Object> props;
    if (postgres()) {
      if (SWEPT.compareAndSet(false, true)) {
        sweepLeftovers();
      }
      execute("CREATE DATABASE " + name);
      props =
          Map.of(
              "spring.datasource.url",
              PG_ADMIN_URL.substring(0, PG_ADMIN_URL.lastIndexOf('/') + 1) + name,
              "spring.datasource.username",
              PG_USER,
              "spring.datasource.password",
              "");
    } else {
      props =
          Map.of(
              "spring.datasource.url",
              "jdbc:h2:mem:"
                  + name
                  + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
              "spring.datasource.username",
              "sa",
              "spring.datasource.password",
              "");
    }
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource("orgcoach-test-db", props));
  }

  /** Runs one statement on the PostgreSQL server's admin database. */
  public static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, "")) {
      c.createStatement().execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL at " + PG_ADMIN_URL + " is not usable: " + e.getMessage(), e);
    }
  }
}
