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

  @Test
  void aSecondRunDuplicatesNothing() throws Exception {
    ClientId larger = client("Zorggroep IJsselland");
    Map<String, Integer> before = StructureCounts.of(jdbc, larger.value());
    int users = administration.users().size();
    int clients = administration.allClients().size();
    demo.run(null);
    assertThat(StructureCounts.of(jdbc, larger.value())).isEqualTo(before);
    assertThat(administration.users()).hasSize(users);
    assertThat(administration.allClients()).hasSize(clients);
    assertThat(administration.users().stream().filter(u -> u.role() == Role.COACH)).hasSize(1);
  }

  private UserAccount stored(String email) {
    UserAccount found =
        administration.findByEmail(email).orElseThrow(() -> new AssertionError(email + " missing"));
    return administration.user(found.id());
  }
}
