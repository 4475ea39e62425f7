package nl.orgcoach.demo;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.AccessAdministration.NewUser;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.Role;
import nl.orgcoach.organisation.PersonLookup;
import nl.orgcoach.organisation.StructureImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Loads the two demo client organisations and one user per role at start-up, after the first admin
 * ({@code AdminBootstrap} is order 0), and prints how to log in. Loading is idempotent: the imports
 * match on external ids and users are created only when missing, so a start that was interrupted
 * half-way finishes the job the next time. The demo counts as loaded once the last user exists.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET =
      "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private final DemoProperties properties;
  private final AccessAdministration administration;
  private final StructureImport imports;
  private final PersonLookup people;
  private final Environment environment;
  private final DemoEngagement engagement;
  private final DemoObservations observations;
  private final DemoSelfAssessments selfAssessments;
  private final DemoFeedback feedback;

  DemoData(
      DemoProperties properties,
      AccessAdministration administration,
      StructureImport imports,
      PersonLookup people,
      Environment environment,
      DemoEngagement engagement,
      DemoObservations observations,
      DemoSelfAssessments selfAssessments,
      DemoFeedback feedback) {
    this.selfAssessments = selfAssessments;
    this.feedback = feedback;
    this.engagement = engagement;
    this.observations = observations;
    this.properties = properties;
    this.administration = administration;
    this.imports = imports;
    this.people = people;
    this.environment = environment;
  }

  /** A demo login: who, in which role, with which client (null for the practice). */
  record Login(String email, String displayName, Role role) {}

  static List<Login> logins() {
    OrganisationGenerator larger = OrganisationGenerator.of(OrganisationSpec.zorggroepIJsselland());
    String domain = larger.spec().domain();
    return List.of(
        new Login("admin@orgcoach.demo", "Demo Admin", Role.ADMIN),
        new Login("coach@orgcoach.demo", "Demo Coach", Role.COACH),
        new Login("hr@" + domain, "Demo HR", Role.HR),
        new Login("manager@" + domain, larger.displayName(larger.demoManagerId()), Role.MANAGER),
        new Login(
            "employee@" + domain, larger.displayName(larger.demoEmployeeId()), Role.EMPLOYEE));
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.enabled()) {
      return;
    }
    List<Login> logins = logins();
    if (administration.findByEmail(logins.get(logins.size() - 1).email()).isPresent()) {
      log.info(box(logins, passwordLine(null)));
      return;
    }
    try {
      String password = password();
      load(logins, password);
      log.info(box(logins, passwordLine(password)));
    } catch (RuntimeException e) {
      // The application is still useful without its demo; say what went wrong and carry on.
      log.error("Loading the demo data failed; OrgCoach starts without it", e);
    }
  }

  private void load(List<Login> logins, String password) {
    long start = System.nanoTime();
    OrganisationGenerator larger = OrganisationGenerator.of(OrganisationSpec.zorggroepIJsselland());
    ClientId largerId = loadClient(larger);
    loadClient(OrganisationGenerator.of(OrganisationSpec.gemeenteWolderwijk()));
    ClientScope scope = administration.systemScope(largerId, "demo");
    for (Login login : logins) {
      if (administration.findByEmail(login.email()).isPresent()) {
        continue;
      }
      UUID person =
          switch (login.role()) {
            case MANAGER -> people.idOfExternal(scope, larger.demoManagerId()).orElseThrow();
            case EMPLOYEE -> people.idOfExternal(scope, larger.demoEmployeeId()).orElseThrow();
            default -> null;
          };
      ClientId client = login.role().belongsToPractice() ? null : largerId;
      UUID id =
          administration.createUser(
              new NewUser(
                  login.email(), login.displayName(), password, login.role(), client, person));
      if (login.role() == Role.COACH) {
        administration.assignCoach(id, largerId);
      }
    }
    long structure = System.nanoTime();
    String coachEmail = logins.get(1).email();
    engagement.load(
        scope,
        administration.findByEmail(coachEmail).orElseThrow().id(),
        coachEmail,
        people.idOfExternal(scope, larger.demoManagerId()).orElseThrow(),
        people.idOfExternal(scope, larger.demoEmployeeId()).orElseThrow());
    long observed = System.nanoTime();
    // CPU time of this thread too: on an in-memory H2 the database works on it, and unlike the
    // wall time it hardly depends on what else the machine is doing.
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long observedCpu = threads.getCurrentThreadCpuTime();
    UUID coach = administration.findByEmail(coachEmail).orElseThrow().id();
    int made =
        observations.load(
            scope,
            engagement.id(scope).orElseThrow(),
            coach,
            people.idOfExternal(scope, larger.demoManagerId()).orElseThrow());
    UUID demoManager = people.idOfExternal(scope, larger.demoManagerId()).orElseThrow();
    selfAssessments.load(scope, engagement.id(scope).orElseThrow(), coach, demoManager);
    feedback.load(scope, engagement.id(scope).orElseThrow(), demoManager);
    log.info(
        "Loaded the demo clients in {} ms, of which the engagement {} ms and {} observations {} ms"
            + " ({} ms CPU on this thread)",
        (System.nanoTime() - start) / 1_000_000,
        (observed - structure) / 1_000_000,
        made,
        (System.nanoTime() - observed) / 1_000_000,
        (threads.getCurrentThreadCpuTime() - observedCpu) / 1_000_000);
  }

  private ClientId loadClient(OrganisationGenerator generator) {
    String name = generator.spec().name();
    ClientId client =
        administration.clientNamed(name).orElseGet(() -> administration.createClient(name));
    generator.importInto(imports, administration.systemScope(client, "demo"));
    return client;
  }

  private String password() {
    if (properties.passwordFromEnvironment()) {
      if (properties.password().length() >= 10) {
        return properties.password();
      }
      log.warn(
          "ORGCOACH_DEMO_PASSWORD is shorter than 10 characters; the demo users get a generated password");
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) {
        sb.append('-');
      }
      sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return sb.toString();
  }

  /**
   * What to say about the password: {@code used} is the password just set, or null on a later
   * start.
   */
  String passwordLine(String used) {
    if (used != null) {
      return used
          + (used.equals(properties.password())
              ? "  (from ORGCOACH_DEMO_PASSWORD)"
              : "  (generated: shown only now)");
    }
    if (properties.passwordFromEnvironment() && properties.password().length() >= 10) {
      return properties.password()
          + "  (from ORGCOACH_DEMO_PASSWORD, if it was set when the demo was first loaded)";
    }
    return "not shown: it was generated at the first start (an admin can reset it)";
  }

  String box(List<Login> logins, String passwordLine) {
    String port =
        environment.getProperty(
            "local.server.port", environment.getProperty("server.port", "8080"));
    List<String> lines = new ArrayList<>();
    lines.add("OrgCoach demo is ready at http://localhost:" + port);
    lines.add("");
    for (Login login : logins) {
      lines.add(
          String.format(
              "  %-9s %s", login.role().name().toLowerCase(java.util.Locale.ROOT), login.email()));
    }
    lines.add("");
    lines.add("  password  " + passwordLine);
    lines.add("");
    lines.add(
        "Coach is assigned to "
            + OrganisationSpec.zorggroepIJsselland().name()
            + " only. ORGCOACH_DEMO=false starts empty.");
    int width = lines.stream().mapToInt(String::length).max().orElse(0);
    StringBuilder sb = new StringBuilder("\n+").append("-".repeat(width + 2)).append("+\n");
    for (String line : lines) {
      sb.append("| ").append(line).append(" ".repeat(width - line.length())).append(" |\n");
    }
    return sb.append('+').append("-".repeat(width + 2)).append('+').toString();
  }
}
