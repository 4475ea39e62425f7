package nl.orgcoach.organisation.structure;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.AccessAdministration.NewUser;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.Role;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.organisation.SettingKind;
import nl.orgcoach.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every structure page renders for a reader, in Dutch and English, and the forms show their errors.
 */
@IntegrationTest
@AutoConfigureMockMvc
class StructurePagesTest {

  @Autowired MockMvc mvc;
  @Autowired AccessAdministration administration;
  @Autowired StructureEditing editing;

  ClientId client;
  UUID top;
  UUID team;
  UUID boss;
  UUID worker;
  UUID setting;
  UserAccount employee;
  UserAccount hr;

  @BeforeEach
  void setUp() {
    client = administration.createClient("Zorggroep " + UUID.randomUUID());
    ClientScope scope = administration.systemScope(client, "test");
    top =
        editing.saveUnit(
            scope,
            null,
            new StructureEditing.UnitForm("RVB", "Raad van bestuur", "directie", null));
    team =
        editing.saveUnit(
            scope, null, new StructureEditing.UnitForm("T1", "Team Oost", "team", top));
    boss =
        editing.savePerson(
            scope,
            null,
            new StructureEditing.PersonForm(
                "P1", "Ilse", "van 't Hoff", null, "bestuurder", top, null));
    worker =
        editing.savePerson(
            scope,
            null,
            new StructureEditing.PersonForm(
                "P2", "Sem", "Yılmaz", null, "verpleegkundige", team, boss));
    setting =
        editing.saveSetting(
            scope,
            null,
            new StructureEditing.SettingForm(
                "OR", "Ondernemingsraad", SettingKind.WORKS_COUNCIL, null, List.of(worker)));
    editing.saveInterdependency(
        scope, new StructureEditing.InterdependencyForm(team, top, "beleid", 2));
    employee = user(Role.EMPLOYEE);
    hr = user(Role.HR);
  }

  @Test
  void readersSeeTheOrgChartAndOpenASubtree() throws Exception {
    mvc.perform(get("/c/{c}/org", client).with(as(employee)).header("Accept-Language", "nl"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("Raad van bestuur"),
                        containsString("Organogram"),
                        not(containsString("Team Oost")))));
    mvc.perform(
            get("/c/{c}/org/units/{u}/children", client, top)
                .with(as(employee))
                .header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(
            content().string(allOf(containsString("Team Oost"), not(containsString("<html")))));
  }

  @Test
  void everyPageRenders() throws Exception {
    for (String url :
        List.of(
            "/c/{c}/units/" + team,
            "/c/{c}/people",
            "/c/{c}/people?q=yil",
            "/c/{c}/people/" + worker,
            "/c/{c}/settings",
            "/c/{c}/settings?kind=WORKS_COUNCIL",
            "/c/{c}/settings/" + setting,
            "/c/{c}/interdependencies")) {
      mvc.perform(get(url, client).with(as(employee)))
          .andExpect(status().isOk())
          .andExpect(content().string(not(containsString("??"))));
    }
    mvc.perform(get("/c/{c}/people/{p}", client, worker).with(as(employee)))
        .andExpect(
            content()
                .string(
                    allOf(containsString("Sem Yılmaz"), containsString("Ilse van &#39;t Hoff"))));
    mvc.perform(get("/c/{c}/interdependencies/graph", client).with(as(employee)))
        .andExpect(jsonPath("$.series[0].links[0].name").value("beleid"));
    for (String url :
        List.of(
            "/c/{c}/units/new",
            "/c/{c}/units/" + team + "/edit",
            "/c/{c}/people/new",
            "/c/{c}/people/" + worker + "/edit",
            "/c/{c}/settings/new",
            "/c/{c}/settings/" + setting + "/edit")) {
      mvc.perform(get(url, client).with(as(hr))).andExpect(status().isOk());
    }
  }

  @Test
  void aFormWithBadValuesComesBackWithTheValuesAndTheMessages() throws Exception {
    mvc.perform(
            post("/c/{c}/units/{u}/edit", client, top)
                .with(as(hr))
                .with(csrf())
                .header("Accept-Language", "nl")
                .param("externalId", "RVB")
                .param("name", "Raad van bestuur")
                .param("parentId", team.toString()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Een eenheid kan niet onder zichzelf")));
    mvc.perform(
            post("/c/{c}/settings/{s}/edit", client, setting)
                .with(as(hr))
                .with(csrf())
                .param("externalId", "OR")
                .param("name", "OR")
                .param("kind", "WORKS_COUNCIL")
                .param("members", "P2\nP404"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("P404")));
  }

  @Test
  void anEmployeeCannotOpenTheForms() throws Exception {
    mvc.perform(get("/c/{c}/units/new", client).with(as(employee)))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/c/{c}/units/new", client)
                .with(as(employee))
                .with(csrf())
                .param("name", "x")
                .param("externalId", "x"))
        .andExpect(status().isForbidden());
  }

  private UserAccount user(Role role) {
    UUID id =
        administration.createUser(
            new NewUser(
                role + "-" + UUID.randomUUID() + "@example.nl",
                role.name(),
                "wachtwoord-123",
                role,
                client,
                null));
    return administration.user(id).withoutPassword();
  }

  static RequestPostProcessor as(UserAccount user) {
    return authentication(
        new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
  }
}
