package nl.orgcoach.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.ClientSummary;
import nl.orgcoach.access.Role;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.support.IntegrationTest;
import nl.orgcoach.support.StructureCounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(
    properties = {"orgcoach.demo.enabled=true", "orgcoach.demo.password=demo-wachtwoord-42"})
class DemoDataTest {

  @Autowired AccessAdministration administration;
  @Autowired PasswordEncoder encoder;
  @Autowired JdbcClient jdbc;
  @Autowired DemoData demo;

  ClientId client(String name) {
    return administration
        .clientNamed(name)
        .orElseThrow(() -> new AssertionError(name + " was not loaded"));
  }

  @Test
  void loadsBothClientsWithTheirStructure() {
    Map<String, Integer> larger = StructureCounts.of(jdbc, client("Zorggroep IJsselland").value());
    assertThat(larger.get("unit")).isEqualTo(25);
    assertThat(larger.get("person")).isEqualTo(300);
    assertThat(larger.get("setting")).isBetween(20, 40);
    assertThat(larger.get("setting_member")).isGreaterThan(300);
    assertThat(larger.get("interdependency")).isGreaterThanOrEqualTo(15);
    Map<String, Integer> small = StructureCounts.of(jdbc, client("Gemeente Wolderwijk").value());
    assertThat(small.get("unit")).isEqualTo(9);
    assertThat(small.get("person")).isEqualTo(40);
    assertThat(small.get("setting")).isPositive();
    assertThat(small.get("interdependency")).isPositive();
  }

  @Test
  void createsOneUserPerRoleWithTheConfiguredPassword() {
    ClientId larger = client("Zorggroep IJsselland");
    for (DemoData.Login login : DemoData.logins()) {
      UserAccount user = stored(login.email());
      assertThat(user.role()).isEqualTo(login.role());
      assertThat(user.clientId())
          .isEqualTo(login.role().belongsToPractice() ? null : larger.value());
      assertThat(encoder.matches("demo-wachtwoord-42", user.passwordHash()))
          .as(login.email())
          .isTrue();
    }
    assertThat(stored("manager@zorggroep-ijsselland.nl").personId()).isNotNull();
    assertThat(stored("employee@zorggroep-ijsselland.nl").personId()).isNotNull();
  }

  @Test
  void theManagerAndEmployeeAreRealPeopleOfTheLargerClient() {
    ClientId larger = client("Zorggroep IJsselland");
    UserAccount manager = stored("manager@zorggroep-ijsselland.nl");
    UserAccount employee = stored("employee@zorggroep-ijsselland.nl");
    assertThat(
            jdbc.sql("SELECT manager_id FROM person WHERE id = :e AND client_id = :c")
                .param("e", employee.personId())
                .param("c", larger.value())
                .query(java.util.UUID.class)
                .single())
        .isEqualTo(manager.personId());
    assertThat(
            jdbc.sql("SELECT job_title FROM person WHERE id = :m AND client_id = :c")
                .param("m", manager.personId())
                .param("c", larger.value())
                .query(String.class)
                .single())
        .isEqualTo("teamleider");
  }

  @Test
  void theCoachIsAssignedToTheLargerClientOnly() {
    UserAccount coach = stored("coach@orgcoach.demo");
    assertThat(administration.assignmentsOf(coach.id()))
        .extracting(ClientSummary::name)
        .containsExactly("Zorggroep IJsselland");
  }

  private int count(String sql) {
    return jdbc.sql(sql)
        .param("c", client("Zorggroep IJsselland").value())
        .query(Integer.class)
        .single();
  }

  private Map<String, Integer> engagementCounts() {
    return Map.of(
        "engagement", count("SELECT COUNT(*) FROM engagement WHERE client_id = :c"),
        "question", count("SELECT COUNT(*) FROM question WHERE client_id = :c"),
        "intervention", count("SELECT COUNT(*) FROM intervention WHERE client_id = :c"),
        "agreement", count("SELECT COUNT(*) FROM agreement WHERE client_id = :c"));
  }

  @Test
  void theLargerClientHasALivingEngagementOfAboutSixMonths() {
    Map<String, Integer> counts = engagementCounts();
    assertThat(counts.get("engagement")).isEqualTo(1);
    assertThat(counts.get("question")).isBetween(50, 75);
    assertThat(counts.get("intervention")).isBetween(100, 130);
    assertThat(counts.get("agreement")).isBetween(120, 180);
    assertThat(
            count(
                "SELECT COUNT(*) FROM intervention i WHERE i.client_id = :c AND NOT EXISTS"
                    + " (SELECT 1 FROM intervention_question iq WHERE iq.intervention_id = i.id)"))
        .isZero();
    for (String status : new String[] {"PARKED", "MERGED", "OPEN", "TAKEN_UP", "ANSWERED"}) {
      assertThat(
              count(
                  "SELECT COUNT(*) FROM question WHERE client_id = :c AND status = '"
                      + status
                      + "'"))
          .as(status)
          .isPositive();
    }
    assertThat(
            count(
                "SELECT COUNT(*) FROM question WHERE client_id = :c AND follow_up_of IS NOT NULL"))
        .isPositive();
    assertThat(count("SELECT COUNT(*) FROM management_decision WHERE client_id = :c"))
        .isBetween(2, 3);
    assertThat(
            count(
                "SELECT COUNT(*) FROM agreement WHERE client_id = :c AND status IN ('KEPT',"
                    + " 'ADJUSTED', 'DROPPED')"))
        .isGreaterThan(counts.get("agreement") / 3);
    assertThat(
            jdbc.sql("SELECT MIN(held_on) FROM intervention WHERE client_id = :c")
                .param("c", client("Zorggroep IJsselland").value())
                .query(java.time.LocalDate.class)
                .single())
        .isBefore(java.time.LocalDate.now().minusDays(150));
    for (String user : new String[] {"manager", "employee"}) {
      java.util.UUID person = stored(user + "@zorggroep-ijsselland.nl").personId();
      assertThat(
              jdbc.sql(
                      "SELECT COUNT(*) FROM intervention_participant WHERE client_id = :c AND"
                          + " person_id = :p")
                  .param("c", client("Zorggroep IJsselland").value())
                  .param("p", person)
                  .query(Integer.class)
                  .single())
          .as(user)
          .isPositive();
    }
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM agreement WHERE client_id = :c AND owner_person_id = :p")
                .param("c", client("Zorggroep IJsselland").value())
                .param("p", stored("manager@zorggroep-ijsselland.nl").personId())
                .query(Integer.class)
                .single())
        .isPositive();
  }

  @Test
  void theDemoEngagementHasAFrameworkMeetingsAndAFewHundredObservations() {
    assertThat(count("SELECT COUNT(*) FROM behaviour WHERE client_id = :c")).isBetween(10, 14);
    assertThat(count("SELECT COUNT(*) FROM meeting WHERE client_id = :c"))
        .isEqualTo(DemoObservations.MEETINGS);
    assertThat(count("SELECT COUNT(*) FROM observation WHERE client_id = :c")).isBetween(200, 400);
    assertThat(count("SELECT COUNT(*) FROM behaviour_agreement WHERE client_id = :c")).isPositive();
    assertThat(
            count(
                "SELECT COUNT(DISTINCT dominant) FROM observation WHERE client_id = :c"
                    + " AND dominant IS NOT NULL"))
        .as("observations in more than one constellation")
        .isGreaterThanOrEqualTo(2);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM observation WHERE client_id = :c AND person_id = :p")
                .param("c", client("Zorggroep IJsselland").value())
                .param("p", stored("manager@zorggroep-ijsselland.nl").personId())
                .query(Integer.class)
                .single())
        .as("the demo manager has a profile")
        .isGreaterThan(20);
  }

  @Test
  void aSecondRunDuplicatesNothing() throws Exception {
    Map<String, Integer> engagement = engagementCounts();
    int observations = count("SELECT COUNT(*) FROM observation WHERE client_id = :c");
    ClientId larger = client("Zorggroep IJsselland");
    Map<String, Integer> before = StructureCounts.of(jdbc, larger.value());
    int users = administration.users().size();
    int clients = administration.allClients().size();
    demo.run(null);
    assertThat(StructureCounts.of(jdbc, larger.value())).isEqualTo(before);
    assertThat(engagementCounts()).isEqualTo(engagement);
    assertThat(count("SELECT COUNT(*) FROM observation WHERE client_id = :c"))
        .isEqualTo(observations);
    assertThat(administration.users()).hasSize(users);
    assertThat(administration.allClients()).hasSize(clients);
    assertThat(administration.users().stream().filter(u -> u.role() == Role.COACH)).hasSize(1);
  }

  @Test
  void theDemoManagerHasAReleasedProfileWithSayDo() throws Exception {
    java.util.UUID manager = stored("manager@zorggroep-ijsselland.nl").personId();
    ClientId larger = client("Zorggroep IJsselland");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM self_assessment WHERE client_id = :c AND person_id = :p")
                .param("c", larger.value())
                .param("p", manager)
                .query(Integer.class)
                .single())
        .as("the manager gave their own account twice")
        .isEqualTo(2);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM profile_release WHERE client_id = :c AND person_id = :p")
                .param("c", larger.value())
                .param("p", manager)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    int people =
        count("SELECT COUNT(DISTINCT person_id) FROM self_assessment WHERE client_id = :c");
    assertThat(people).as("people with an own account").isGreaterThanOrEqualTo(3);
    int accounts = count("SELECT COUNT(*) FROM self_assessment WHERE client_id = :c");
    demo.run(null);
    assertThat(count("SELECT COUNT(*) FROM self_assessment WHERE client_id = :c"))
        .isEqualTo(accounts);
  }

  private UserAccount stored(String email) {
    UserAccount found =
        administration.findByEmail(email).orElseThrow(() -> new AssertionError(email + " missing"));
    return administration.user(found.id());
  }
}
