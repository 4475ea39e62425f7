package nl.orgcoach.engagement;

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
 * A client with a directorate and two teams, a person (Els, in team A) and users: two coaches
 * assigned to the client, an admin, HR, and an employee who is Els. Rows go in by SQL.
 */
final class EngagementFixture {

  final ClientId client;
  final ClientScope scope;
  final UUID top = UUID.randomUUID();
  final UUID teamA = UUID.randomUUID();
  final UUID teamB = UUID.randomUUID();
  final UUID els = UUID.randomUUID();
  final UserAccount coach;
  final UserAccount otherCoach;
  final UserAccount admin;
  final UserAccount hr;
  final UserAccount employee;
  final TestUsers users;

  EngagementFixture(ApplicationContext context) {
    users = TestUsers.in(context);
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    AccessAdministration administration = context.getBean(AccessAdministration.class);
    client = users.client("Zorggroep");
    scope = administration.systemScope(client, "test");
    unit(jdbc, top, "top", "Directie", null);
    unit(jdbc, teamA, "ta", "Team Noord", top);
    unit(jdbc, teamB, "tb", "Team Zuid", top);
    TestPeople.insert(jdbc, client, els, "els", "Els", "de Vries", teamA);
    coach = users.coach(client);
    otherCoach = users.coach(client);
    admin = users.admin();
    hr = users.hr(client);
    employee = users.personUser(Role.EMPLOYEE, client, els);
  }

  private void unit(JdbcClient jdbc, UUID id, String ext, String name, UUID parent) {
    jdbc.sql(
            """
            INSERT INTO unit (id, client_id, external_id, name, kind, parent_id)
            VALUES (:id, :c, :e, :n, 'team', :p)
            """)
        .param("id", id)
        .param("c", client.value())
        .param("e", ext)
        .param("n", name)
        .param("p", parent)
        .update();
  }

  Engagement.Draft draft(String title, UserAccount coach) {
    return new Engagement.Draft(
        title,
        "Samen sturen op roosters",
        els,
        "2026-01-01",
        "2026-06-30",
        java.util.List.of(coach.id()),
        java.util.List.of(teamA, teamB),
        "Zelfroosteren",
        null,
        "2025-12-01",
        "Directie");
  }
}
