package nl.orgcoach.organisation.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.AccessAdministration.NewUser;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.Role;
import nl.orgcoach.organisation.Constellation.Category;
import nl.orgcoach.organisation.ReportingLines;
import nl.orgcoach.organisation.structure.StructureEditing.PersonForm;
import nl.orgcoach.organisation.structure.StructureEditing.UnitForm;
import nl.orgcoach.platform.UserError;
import nl.orgcoach.support.IntegrationTest;
import nl.orgcoach.support.TestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Manual edits of a person keep the history, whether made on the page or through the service. */
@IntegrationTest
@AutoConfigureMockMvc
class ReportingHistoryEditingTest {

  @Autowired MockMvc mvc;
  @Autowired AccessAdministration administration;
  @Autowired StructureEditing editing;
  @Autowired ReportingLines reportingLines;
  @Autowired JdbcClient jdbc;

  ClientScope scope;
  LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
  LocalDate lastMonth = today.minusMonths(1);
  UUID top;
  UUID east;
  UUID west;
  UUID director;
  UUID eastLead;
  UUID westLead;
  UUID nurse;

  @BeforeEach
  void chart() {
    scope = TestClients.scope(administration, "Bewerkt");
    top = editing.saveUnit(scope, null, new UnitForm("RVB", "Raad van bestuur", null, null));
    east = editing.saveUnit(scope, null, new UnitForm("O", "Team Oost", null, top));
    west = editing.saveUnit(scope, null, new UnitForm("W", "Team West", null, top));
    director = person("P1", "Ilse", top, null);
    eastLead = person("P2", "Sem", east, director);
    westLead = person("P3", "Noor", west, director);
    nurse = person("P4", "Lotte", east, eastLead);
  }

  UUID person(String ext, String name, UUID unit, UUID manager) {
    return editing.savePerson(
        scope, null, new PersonForm(ext, name, "Test", null, null, unit, manager));
  }

  int periods(UUID person) {
    return jdbc.sql("SELECT count(*) FROM person_history WHERE person_id = :p")
        .param("p", person)
        .query(Integer.class)
        .single();
  }

  @Test
  void movingSomeoneOnThePersonPageKeepsLastMonthsChart() throws Exception {
    var hr =
        administration
            .user(
                administration.createUser(
                    new NewUser(
                        "hr-" + UUID.randomUUID() + "@example.nl",
                        "HR",
                        "wachtwoord-123",
                        Role.HR,
                        scope.clientId(),
                        null)))
            .withoutPassword();

    mvc.perform(
            post("/c/{c}/people/{p}/edit", scope.clientId(), nurse)
                .with(StructurePagesTest.as(hr))
                .with(csrf())
                .param("externalId", "P4")
                .param("firstName", "Lotte")
                .param("lastName", "Test")
                .param("unitId", west.toString())
                .param("managerId", westLead.toString()))
        .andExpect(status().is3xxRedirection());

    var then = reportingLines.asOn(scope, lastMonth, List.of(nurse));
    var now = reportingLines.asOn(scope, today, List.of(nurse));
    assertThat(then.unitOf(nurse)).contains(east);
    assertThat(then.chainAbove(nurse)).containsExactly(eastLead, director);
    assertThat(now.unitOf(nurse)).contains(west);
    assertThat(now.chainAbove(nurse)).containsExactly(westLead, director);
    assertThat(
            reportingLines
                .constellation(scope, lastMonth, nurse, List.of(eastLead, westLead))
                .in(Category.SUPERIORS_PRESENT))
        .containsExactly(eastLead);
    assertThat(
            reportingLines
                .constellation(scope, today, eastLead, List.of(nurse, westLead))
                .in(Category.PEERS_PRESENT))
        .as("the nurse left the east lead's team today; the west lead is the east lead's peer")
        .containsExactly(westLead);
  }

  @Test
  void changingOnlyTheManagerOrOnlyANameWritesHistoryOnlyForTheReportingLine() {
    editing.savePerson(
        scope, nurse, new PersonForm("P4", "Lotte", "Anders", null, null, east, eastLead));
    assertThat(periods(nurse)).isEqualTo(1);

    editing.savePerson(
        scope, nurse, new PersonForm("P4", "Lotte", "Anders", null, null, east, westLead));

    assertThat(periods(nurse)).isEqualTo(2);
    assertThat(reportingLines.asOn(scope, lastMonth, List.of(nurse)).managerOf(nurse))
        .contains(eastLead);
    assertThat(reportingLines.asOn(scope, today, List.of(westLead)).directReportsOf(westLead))
        .containsExactly(nurse);
    assertThat(reportingLines.asOn(scope, lastMonth, List.of(westLead)).directReportsOf(westLead))
        .isEmpty();
  }

  @Test
  void aRefusedEditWritesNoHistory() {
    assertThatThrownBy(
            () ->
                editing.savePerson(
                    scope, eastLead, new PersonForm("P2", "Sem", "Test", null, null, west, nurse)))
        .isInstanceOf(UserError.class);

    assertThat(periods(eastLead)).isEqualTo(1);
    assertThat(reportingLines.asOn(scope, today, List.of(eastLead)).unitOf(eastLead))
        .contains(east);
  }
}
