package nl.orgcoach.feedback;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.Role;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.support.TestPeople;
import nl.orgcoach.support.TestUsers;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A client with one team: Bram the manager, Els who asks for feedback, her peers Mo, Sam and Kim
 * (same manager), and Ties who reports to Els; users: Els herself, a coach, an admin and another
 * employee. Rows go in by SQL; e-mail addresses are unique per fixture.
 */
final class FeedbackFixture {

  static final Pattern LINK = Pattern.compile("/f/([A-Za-z0-9_-]{43})\\?lang=(nl|en)");

  final ClientId client;
  final ClientScope scope;
  final String tag = UUID.randomUUID().toString().substring(0, 8);
  final UUID team = UUID.randomUUID();
  final UUID bram = UUID.randomUUID();
  final UUID els = UUID.randomUUID();
  final UUID mo = UUID.randomUUID();
  final UUID sam = UUID.randomUUID();
  final UUID kim = UUID.randomUUID();
  final UUID ties = UUID.randomUUID();
  final UserAccount coachee;
  final UserAccount coach;
  final UserAccount admin;
  final UserAccount otherEmployee;
  private final JdbcClient jdbc;
  private final ApplicationContext context;

  FeedbackFixture(ApplicationContext context) {
    this.context = context;
    TestUsers users = TestUsers.in(context);
    jdbc = context.getBean(JdbcClient.class);
    client = users.client("Feedback");
    scope = context.getBean(AccessAdministration.class).systemScope(client, "test");
    jdbc.sql(
            "INSERT INTO unit (id, client_id, external_id, name, kind) VALUES (:id, :c, 't', 'Team', 'team')")
        .param("id", team)
        .param("c", client.value())
        .update();
    person(bram, "Bram", null);
    person(els, "Els", bram);
    person(mo, "Mo", bram);
    person(sam, "Sam", bram);
    person(kim, "Kim", bram);
    person(ties, "Ties", els);
    coachee = users.personUser(Role.EMPLOYEE, client, els);
    coach = users.coach(client);
    admin = users.admin();
    otherEmployee = users.personUser(Role.EMPLOYEE, client, mo);
  }

  /**
   * The coachee starts a round on one behaviour that closes on this day (links on http://localhost
   * unless orgcoach.feedback.public-url is set).
   */
  UUID startRound(LocalDate closesOn, String behaviour, List<FeedbackService.NewRater> raters) {
    return context
        .getBean(FeedbackService.class)
        .start(
            scope,
            coachee,
            new FeedbackService.NewRound(
                null,
                closesOn.toString(),
                List.of(new FeedbackService.NewBehaviour(behaviour, null)),
                raters,
                null,
                null),
            "http://localhost");
  }

  String email(String first) {
    return first.toLowerCase() + "-" + tag + "@example.nl";
  }

  private void person(UUID id, String first, UUID manager) {
    TestPeople.insert(jdbc, client, id, first, first, "Test", team, manager, email(first), null);
  }

  /**
   * An engagement of the client from 2025-01-01, with a sponsor (may be null) and a scope (no
   * units: the whole client), whose framework is the default set; answers the framework's behaviour
   * ids.
   */
  List<UUID> engagement(UUID id, String title, UUID sponsor, UUID... scopeUnits) {
    return engagement(context, scope, id, title, sponsor, scopeUnits);
  }

  static List<UUID> engagement(
      ApplicationContext context,
      ClientScope scope,
      UUID id,
      String title,
      UUID sponsor,
      UUID... scopeUnits) {
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    jdbc.sql(
            """
            INSERT INTO engagement (id, client_id, title, description, sponsor_person_id,
                                    starts_on, ends_on, created_at)
            VALUES (:id, :c, :t, NULL, :p, DATE '2025-01-01', NULL, CURRENT_TIMESTAMP)
            """)
        .param("id", id)
        .param("c", scope.id())
        .param("t", title)
        .param("p", sponsor)
        .update();
    for (UUID unit : scopeUnits) {
      jdbc.sql(
              "INSERT INTO engagement_unit (engagement_id, unit_id, client_id) VALUES (:e, :u, :c)")
          .param("e", id)
          .param("u", unit)
          .param("c", scope.id())
          .update();
    }
    return context.getBean(nl.orgcoach.observation.ObservationSeeding.class).behaviours(scope, id);
  }

  /** Another unit of the client, under {@code parent} (null: a top unit). */
  UUID unit(String name, UUID parent) {
    return unit(jdbc, client, name, parent);
  }

  static UUID unit(JdbcClient jdbc, ClientId client, String name, UUID parent) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO unit (id, client_id, external_id, name, kind, parent_id) VALUES (:id, :c, :e, :n, 'team', :p)")
        .param("id", id)
        .param("c", client.value())
        .param("e", name + "-" + id)
        .param("n", name)
        .param("p", parent)
        .update();
    return id;
  }

  /** The rater link last mailed to an address through the outbox. */
  String linkFor(String address) {
    List<String> bodies =
        jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = :r ORDER BY created_at DESC, id")
            .param("r", address)
            .query(String.class)
            .list();
    if (bodies.isEmpty()) {
      throw new AssertionError("no mail to " + address);
    }
    Matcher m = LINK.matcher(bodies.get(0));
    if (!m.find()) {
      throw new AssertionError("no link in the mail to " + address + ": " + bodies.get(0));
    }
    return m.group(1);
  }

  /** The rater link in a mail received by SMTP (GreenMail): its secret and its language. */
  static Matcher linkIn(jakarta.mail.internet.MimeMessage mail) {
    String body =
        com.icegreen.greenmail.util.GreenMailUtil.getBody(mail)
            .replace("=\r\n", "")
            .replace("=3D", "=");
    if (!body.contains("https://orgcoach.example/f/")) {
      throw new AssertionError("no public link in " + body);
    }
    Matcher m = LINK.matcher(body);
    if (!m.find()) {
      throw new AssertionError("no link in " + body);
    }
    return m;
  }

  List<String> mailsTo(String address) {
    return new ArrayList<>(
        jdbc.sql("SELECT subject FROM mail_outbox WHERE recipient = :r")
            .param("r", address)
            .query(String.class)
            .list());
  }
}
