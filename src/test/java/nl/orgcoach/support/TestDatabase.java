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
 * {@code postgres-tests} Maven profile, which .ci/run switches on). PostgreSQL test databases are
 * dropped when the JVM exits.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String PG_ADMIN_URL =
      System.getProperty("orgcoach.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String PG_USER = System.getProperty("orgcoach.test.pg.user", "postgres");

  public static boolean postgres() {
    return "postgres".equals(System.getProperty("orgcoach.test.db"));
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    String name = "oc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Map<String, Object> props;
    if (postgres()) {
      execute("CREATE DATABASE " + name);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
      props =
          Map.of(
              "spring.datasource.url", PG_ADMIN_URL.substring(0, PG_ADMIN_URL.lastIndexOf('/') + 1) + name,
              "spring.datasource.username", PG_USER,
              "spring.datasource.password", "");
    } else {
      props =
          Map.of(
              "spring.datasource.url",
              "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
              "spring.datasource.username", "sa",
              "spring.datasource.password", "");
    }
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("orgcoach-test-db", props));
  }

  /** Runs one statement on the PostgreSQL server's admin database. */
  public static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, "")) {
      c.createStatement().execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + PG_ADMIN_URL + " is not usable: " + e.getMessage(), e);
    }
  }
}
