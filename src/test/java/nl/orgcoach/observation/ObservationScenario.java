package nl.orgcoach.observation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * A client with a small chart and an engagement to observe in. Director Dirk heads the top unit;
 * manager Mia reports to Dirk; Els and her peer Piet report to Mia; Ruud reports to Els; Olga is in
 * another unit without a manager (no reporting line to Els). The setting "MT Wijkzorg" has Mia,
 * Els, Piet and Ruud as members. Users: the engagement's coach, another coach of the client (not of
 * the engagement), an admin, HR, a manager, and Els and Ruud as employee users. Rows go in by SQL,
 * including the reporting-line history, so the fixture does not depend on the code under test; the
 * say–do helpers at the end ({@link #meeting}, {@link #observe}, {@link #selfAssess}) go through
 * {@link ObservationSeeding}, with the rules of capture and of the self-assessment form.
 */
final class ObservationScenario {

  final ClientId client;
  final ClientScope scope;
  final TestUsers users;
  final UUID top = UUID.randomUUID();
  final UUID team = UUID.randomUUID();
  final UUID other = UUID.randomUUID();
  final UUID dirk = UUID.randomUUID();
  final UUID mia = UUID.randomUUID();
  final UUID els = UUID.randomUUID();
  final UUID piet = UUID.randomUUID();
  final UUID ruud = UUID.randomUUID();
  final UUID olga = UUID.randomUUID();
  final UUID setting = UUID.randomUUID();
  final UUID engagement = UUID.randomUUID();
  final UserAccount coach;
  final UserAccount otherCoach;
  final UserAccount admin;
  final UserAccount hr;
  final UserAccount manager;
  final UserAccount elsUser;
  final UserAccount ruudUser;
  private final JdbcClient jdbc;
  private final ObservationSeeding seeding;

  ObservationScenario(ApplicationContext context) {
    users = TestUsers.in(context);
    jdbc = context.getBean(JdbcClient.class);
    seeding = context.getBean(ObservationSeeding.class);
    client = users.client("Zorggroep Observatie");
    scope = context.getBean(AccessAdministration.class).systemScope(client, "test");
    unit(top, "top", "Directie", null);
    unit(team, "team", "Wijkzorg Noord", top);
    unit(other, "other", "Facilitair", top);
    person(dirk, "dirk", "Dirk", "Directeur", top, null);
    person(mia, "mia", "Mia", "Manager", team, dirk);
    person(els, "els", "Els", "de Vries", team, mia);
    person(piet, "piet", "Piet", "Peters", team, mia);
    person(ruud, "ruud", "Ruud", "Jansen", team, els);
    person(olga, "olga", "Olga", "Facilitair", other, null);
    jdbc.sql(
            "INSERT INTO setting (id, client_id, external_id, name, kind, unit_id) VALUES (:id, :c, 'mt', 'MT Wijkzorg', 'MANAGEMENT_TEAM', :u)")
        .param("id", setting)
        .param("c", client.value())
        .param("u", team)
        .update();
    for (UUID member : new UUID[] {mia, els, piet, ruud}) {
      jdbc.sql("INSERT INTO setting_member (setting_id, person_id, client_id) VALUES (:s, :p, :c)")
          .param("s", setting)
          .param("p", member)
          .param("c", client.value())
          .update();
    }
    coach = users.coach(client);
    otherCoach = users.coach(client);
    admin = users.admin();
    hr = users.hr(client);
    manager = users.manager(client);
    elsUser = users.personUser(Role.EMPLOYEE, client, els);
    ruudUser = users.personUser(Role.EMPLOYEE, client, ruud);
    jdbc.sql(
            """
            INSERT INTO engagement (id, client_id, title, description, sponsor_person_id,
                                    starts_on, ends_on, created_at)
            VALUES (:id, :c, 'Samen sturen', NULL, :p, DATE '2026-01-01', NULL, :now)
            """)
        .param("id", engagement)
        .param("c", client.value())
        .param("p", dirk)
        .param("now", OffsetDateTime.now(ZoneOffset.UTC))
        .update();
    jdbc.sql("INSERT INTO engagement_coach (engagement_id, user_id, client_id) VALUES (:e, :u, :c)")
        .param("e", engagement)
        .param("u", coach.id())
        .param("c", client.value())
        .update();
  }

  private void unit(UUID id, String ext, String name, UUID parent) {
    jdbc.sql(
            "INSERT INTO unit (id, client_id, external_id, name, kind, parent_id) VALUES (:id, :c, :e, :n, 'team', :p)")
        .param("id", id)
        .param("c", client.value())
        .param("e", ext)
        .param("n", name)
        .param("p", parent)
        .update();
  }

  private void person(UUID id, String ext, String first, String last, UUID unit, UUID manager) {
    TestPeople.insert(jdbc, client, id, ext, first, last, unit, manager, null, null);
  }

  /** An ad-hoc meeting of these people on the date, planned by the engagement's coach. */
  UUID meeting(ObservationService service, LocalDate on, UUID... people) {
    return service.planMeetingAs(
        scope,
        engagement,
        coach.id(),
        new Meeting.Draft(null, "Overleg " + on, on.toString(), List.of(people), List.of()));
  }

  /**
   * The coach's observation of the person in the meeting, through capture (so its constellation is
   * derived from the attendees and the reporting lines above): behaviour → rating.
   */
  UUID observe(ObservationService service, UUID meeting, UUID person, Map<UUID, Integer> ratings) {
    List<Observation.RatingDraft> drafts =
        ratings.entrySet().stream()
            .map(r -> new Observation.RatingDraft(r.getKey(), r.getValue()))
            .toList();
    return service
        .recordAs(
            scope,
            engagement,
            coach.id(),
            new Observation.Draft(UUID.randomUUID(), meeting, person, drafts, null, false))
        .id();
  }

  /**
   * Observations for the incongruence analysis, captured over twelve days of February 2026 on the
   * first three behaviours of the framework (returned): Els is favourable on the first two with her
   * manager Mia present (8 times 5) and unfavourable with only her report Ruud present (8 times 1),
   * and alternates 4 and 2 on the third; Dirk (with Mia), Mia (with Dirk, and with her reports),
   * Piet and Ruud (each with their manager) alternate 4 and 2 on all three. So exactly Els × the
   * first two behaviours meets the default evidence rule; the norms have 30–42 ratings each.
   */
  List<UUID> incongruentEls(ObservationService service) {
    List<UUID> b =
        service.frameworkOf(scope, engagement).stream().limit(3).map(Behaviour::id).toList();
    LocalDate first = LocalDate.of(2026, 2, 2);
    for (int i = 0; i < 12; i++) {
      LocalDate on = first.plusDays(i);
      int alternating = i % 2 == 0 ? 4 : 2;
      Map<UUID, Integer> consistent = ratings(b, alternating, alternating, alternating);
      UUID dirkMia = meeting(service, on, dirk, mia);
      observe(service, dirkMia, dirk, consistent);
      UUID mt = meeting(service, on, mia, els, piet);
      observe(service, mt, piet, consistent);
      UUID elsRuud = meeting(service, on, els, ruud);
      observe(service, elsRuud, ruud, consistent);
      if (i < 10) {
        observe(service, dirkMia, mia, consistent);
        observe(service, mt, mia, consistent);
      }
      if (i < 8) {
        observe(service, mt, els, ratings(b, 5, 5, alternating));
        observe(service, elsRuud, els, ratings(b, 1, 1, alternating));
      }
    }
    return b;
  }

  /** behaviour i → rating i. */
  static Map<UUID, Integer> ratings(List<UUID> behaviours, int... ratings) {
    Map<UUID, Integer> r = new java.util.LinkedHashMap<>();
    for (int i = 0; i < ratings.length; i++) {
      r.put(behaviours.get(i), ratings[i]);
    }
    return r;
  }

  String api() {
    return "/api/v1/clients/" + client + "/engagements/" + engagement;
  }

  String page() {
    return "/c/" + client + "/engagements/" + engagement;
  }

  static LocalDate daysAgo(int days) {
    return LocalDate.now(ZoneOffset.UTC).minusDays(days);
  }

  // --- say–do -----------------------------------------------------------------------------------

  /** The active behaviours of the engagement's framework, in order (the default set). */
  List<UUID> behaviours() {
    return seeding.behaviours(scope, engagement);
  }

  /** A meeting of "MT Wijkzorg" on the date, its members attending (Mia, Els, Piet, Ruud). */
  UUID meeting(LocalDate on) {
    return seeding.meeting(scope, engagement, setting, null, on, null, coach.id());
  }

  /** One observation of the person in the meeting per rating, each of the one behaviour. */
  void observe(UUID meeting, UUID person, UUID behaviour, int... ratings) {
    for (int r : ratings) {
      seeding.observe(
          scope, engagement, meeting, person, Map.of(behaviour, r), null, false, coach.id());
    }
  }

  /** The person's own account of one behaviour, given at the moment. */
  void selfAssess(UUID person, UUID behaviour, int rating, String comment, OffsetDateTime at) {
    seeding.selfAssess(
        scope,
        engagement,
        person,
        Map.of(behaviour, rating),
        comment == null ? Map.of() : Map.of(behaviour, comment),
        at);
  }

  /** The engagement's coach releases the person's profile to them. */
  void release(UUID person) {
    seeding.release(scope, engagement, person, coach.id());
  }

  int selfAssessments() {
    return jdbc.sql("SELECT count(*) FROM self_assessment WHERE client_id = :c")
        .param("c", client.value())
        .query(Integer.class)
        .single();
  }
}
