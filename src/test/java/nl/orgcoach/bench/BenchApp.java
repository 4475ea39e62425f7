package nl.orgcoach.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.orgcoach.OrgCoachApplication;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.demo.OrganisationGenerator;
import nl.orgcoach.demo.OrganisationSpec;
import nl.orgcoach.organisation.StructureImport;
import nl.orgcoach.support.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the benchmarks share: a fresh PostgreSQL database dropped afterwards, the app started on a
 * real port against a database, the report's opening words, and the report written to
 * target/benchmarks.
 */
final class BenchApp {

  private BenchApp() {}

  /**
   * A PostgreSQL database of the benchmark's own; closing it drops it unless kept ({@code
   * -Dorgcoach.bench.keep=true}, or a database given by name that this run did not create).
   */
  record Database(String name, String url, boolean keep) implements AutoCloseable {

    /** A new, empty database. */
    static Database fresh() {
      return create(Boolean.getBoolean("orgcoach.bench.keep"));
    }

    /** A new, empty database that is always dropped afterwards. */
    static Database dropped() {
      return create(false);
    }

    /** An existing database by name, or a new one if none is given (null). */
    static Database reuseOrFresh(String existing) {
      return existing == null ? fresh() : new Database(existing, url(existing), true);
    }

    private static Database create(boolean keep) {
      String name = "oc_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
      TestDatabase.execute("CREATE DATABASE " + name);
      return new Database(name, url(name), keep);
    }

    private static String url(String name) {
      return TestDatabase.PG_ADMIN_URL.substring(0, TestDatabase.PG_ADMIN_URL.lastIndexOf('/') + 1)
          + name;
    }

    @Override
    public void close() {
      if (keep) {
        System.out.println("Kept the PostgreSQL database " + name);
      } else {
        TestDatabase.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }

  /** The arguments that give the app the benchmarks' administrator (ImportBenchmark's). */
  static String[] admin(String... more) {
    return adminAs(ImportBenchmark.ADMIN, ImportBenchmark.PASSWORD, more);
  }

  /** The arguments that give the app this administrator, followed by the others given. */
  static String[] adminAs(String email, String password, String... more) {
    List<String> args = new ArrayList<>();
    args.add("--orgcoach.admin.email=" + email);
    args.add("--orgcoach.admin.password=" + password);
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /**
   * Starts OrgCoach on a random real port against this database, without the demo, quiet but for
   * the app's own info lines. Command-line arguments: they outrank application.yml (default
   * properties would not).
   */
  static ConfigurableApplicationContext start(
      String url, String user, Path dataDir, String... more) {
    List<String> args = new ArrayList<>();
    args.add("--spring.datasource.url=" + url);
    args.add("--spring.datasource.username=" + user);
    args.add("--spring.datasource.password=");
    args.add("--server.port=0");
    args.add("--orgcoach.demo.enabled=false");
    args.addAll(List.of(more));
    args.add("--orgcoach.data-dir=" + dataDir);
    args.add("--logging.level.root=warn");
    args.add("--logging.level.nl.orgcoach=info");
    return new SpringApplicationBuilder(OrgCoachApplication.class).run(args.toArray(String[]::new));
  }

  /** The JDBC URL of an H2 database in this file (PostgreSQL mode, as the app's own). */
  static String h2File(Path file) {
    return "jdbc:h2:file:"
        + file
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
  }

  /** Starts OrgCoach against this PostgreSQL database. */
  static ConfigurableApplicationContext start(Database db, Path dataDir, String... more) {
    return start(db.url(), TestDatabase.PG_USER, dataDir, more);
  }

  /** A new client with this generated organisation imported; its system scope. */
  static ClientScope importOrganisation(ConfigurableApplicationContext app, OrganisationSpec spec) {
    AccessAdministration administration = app.getBean(AccessAdministration.class);
    ClientScope scope =
        administration.systemScope(administration.createClient(spec.name()), "benchmark");
    OrganisationGenerator.of(spec).importInto(app.getBean(StructureImport.class), scope);
    return scope;
  }

  /** The report's opening: date, cores and Java version. */
  static String runOn() {
    return "Run on "
        + LocalDate.now()
        + ", "
        + Runtime.getRuntime().availableProcessors()
        + " cores, Java "
        + System.getProperty("java.version");
  }

  /** {@link #runOn()} and the maximum heap. */
  static String runOnWithHeap() {
    return runOn() + ", max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB";
  }

  /** Prints the report and writes it to target/benchmarks/{@code file}. */
  static void write(String file, String report) throws java.io.IOException {
    System.out.println(report);
    Path out = Path.of(System.getProperty("orgcoach.build.dir", "target"), "benchmarks", file);
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }
}
