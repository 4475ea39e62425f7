package nl.orgcoach.feedback;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.Role;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.support.TestUsers;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A client for the heatmap: division Noord (teams A, B and C below it) and division Zuid; people in
 * each team; an engagement over the whole client (framework: the default set) with sponsor Sara,
 * and one scoped on Noord with sponsor Nina; users HR, admin, coach, an employee and the two
 * sponsors. Closed rounds go in by SQL, with the answers given.
 */
final class HeatmapScenario {

  final ClientId client;
  final ClientScope scope;
  final UUID noord;
  final UUID zuid;
  final UUID teamA;
  final UUID teamB;
  final UUID teamC;
  final UUID sara = UUID.randomUUID();
  final UUID nina = UUID.randomUUID();
  final UUID whole = UUID.randomUUID();
  final UUID north = UUID.randomUUID();
  final List<UUID> behaviours;
  final List<UUID> northBehaviours;
  final UserAccount hr;
  final UserAccount admin;
  final UserAccount coach;
  final UserAccount employee;
  final UserAccount sponsor;
  final UserAccount northSponsor;
  private final JdbcClient jdbc;
  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private final Map<String, UUID> people = new HashMap<>();
  private int emails;

  HeatmapScenario(ApplicationContext context) {
    TestUsers users = TestUsers.in(context);
    jdbc = context.getBean(JdbcClient.class);
    client = users.client("Heatmap");
    scope = context.getBean(AccessAdministration.class).systemScope(client, "test");
    noord = unit("Noord", null);
    zuid = unit("Zuid", null);
    teamA = unit("Team A", noord);
    teamB = unit("Team B", noord);
    teamC = unit("Team C", noord);
    person(sara, "Sara", zuid);
    person(nina, "Nina", noord);
    behaviours = FeedbackFixture.engagement(context, scope, whole, "Heel de organisatie", sara);
    northBehaviours = FeedbackFixture.engagement(context, scope, north, "Noord", nina, noord);
    hr = users.hr(client);
    admin = users.admin();
    coach = users.coach(client);
    employee = users.employee(client);
    sponsor = users.personUser(Role.EMPLOYEE, client, sara);
    northSponsor = users.personUser(Role.MANAGER, client, nina);
  }

  /** A person of the unit, made once per name. */
  UUID person(String name, UUID unit) {
    return people.computeIfAbsent(
        name,
        n -> {
          UUID id = UUID.randomUUID();
          person(id, n, unit);
          return id;
        });
  }

  /**
   * A round of the ratee on one framework behaviour, closed {@code daysAgo} days ago (negative:
   * still open, closing that many days from now): the self rating, then one rater (group PEER) per
   * other rating; null is "not seen".
   */
  UUID round(UUID ratee, UUID behaviour, int daysAgo, Integer self, Integer... others) {
    OffsetDateTime closed = OffsetDateTime.now(ZoneOffset.UTC).minusDays(daysAgo);
    UUID round = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO feedback_round (id, client_id, ratee_person_id, closes_at, closed_at,
                                        created_by, created_at)
            VALUES (:id, :c, :p, :at, :closed, 'test', :created)
            """)
        .param("id", round)
        .param("c", client.value())
        .param("p", ratee)
        .param("at", closed)
        .param("closed", daysAgo >= 0 ? closed : null)
        .param("created", closed.minusDays(14))
        .update();
    UUID b = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO feedback_behaviour (id, client_id, round_id, position, text,
                                            framework_behaviour_id)
            VALUES (:id, :c, :r, 1, 'Gedrag', :f)
            """)
        .param("id", b)
        .param("c", client.value())
        .param("r", round)
        .param("f", behaviour)
        .update();
    answer(round, b, "SELF", self);
    for (Integer rating : others) {
      answer(round, b, "PEER", rating);
    }
    return round;
  }

  private void answer(UUID round, UUID behaviour, String group, Integer rating) {
    UUID rater = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO feedback_rater (id, client_id, round_id, rater_group, email, language,
                                        token_hash, invited_at, answered_at)
            VALUES (:id, :c, :r, :g, :e, 'nl', :h, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
            """)
        .param("id", rater)
        .param("c", client.value())
        .param("r", round)
        .param("g", group)
        .param("e", "rater" + (++emails) + "-" + tag + "@example.nl")
        .param("h", (rater.toString() + rater).replace("-", "").substring(0, 64))
        .update();
    jdbc.sql(
            """
            INSERT INTO feedback_answer (rater_id, behaviour_id, client_id, rating)
            VALUES (:r, :b, :c, :rating)
            """)
        .param("r", rater)
        .param("b", behaviour)
        .param("c", client.value())
        .param("rating", rating)
        .update();
  }

  private UUID unit(String name, UUID parent) {
    return FeedbackFixture.unit(jdbc, client, name, parent);
  }

  private void person(UUID id, String first, UUID unit) {
    jdbc.sql(
            """
            INSERT INTO person (id, client_id, external_id, first_name, last_name, email, unit_id)
            VALUES (:id, :c, :ext, :f, 'Test', :e, :u)
            """)
        .param("id", id)
        .param("c", client.value())
        .param("ext", first)
        .param("f", first)
        .param("e", first.toLowerCase() + "-" + tag + "@example.nl")
        .param("u", unit)
        .update();
  }
}
