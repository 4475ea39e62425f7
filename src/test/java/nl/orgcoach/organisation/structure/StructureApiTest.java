package nl.orgcoach.organisation.structure;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.AccessAdministration.NewUser;
import nl.orgcoach.access.ApiTokens;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.Role;
import nl.orgcoach.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
@AutoConfigureMockMvc
class StructureApiTest {

  @Autowired MockMvc mvc;
  @Autowired AccessAdministration administration;
  @Autowired ApiTokens tokens;

  ClientId client;
  ClientId other;
  String hrToken;
  String employeeToken;

  @BeforeEach
  void setUp() {
    client = administration.createClient("Gemeente " + UUID.randomUUID());
    other = administration.createClient("Elders " + UUID.randomUUID());
    hrToken = token(Role.HR, client);
    employeeToken = token(Role.EMPLOYEE, client);
  }

  @Test
  void hrCreatesAUnitAndEveryRoleOfTheClientReadsIt() throws Exception {
    mvc.perform(
            post("/api/v1/clients/{c}/units", client)
                .header("Authorization", "Bearer " + hrToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"externalId\":\"BO\",\"name\":\"Burgerzaken\",\"kind\":\"afdeling\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.name").value("Burgerzaken"));
    mvc.perform(
            get("/api/v1/clients/{c}/units", client)
                .header("Authorization", "Bearer " + employeeToken))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$", hasSize(1)))
        .andExpect(jsonPath("$[0].externalId").value("BO"));
  }

  @Test
  void anEmployeeMayNotChangeTheStructure() throws Exception {
    mvc.perform(
            post("/api/v1/clients/{c}/units", client)
                .header("Authorization", "Bearer " + employeeToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"externalId\":\"X\",\"name\":\"X\"}"))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(
            get("/api/v1/clients/{c}/units", client).header("Authorization", "Bearer " + hrToken))
        .andExpect(jsonPath("$", hasSize(0)));
  }

  @Test
  void badInputIsAProblemDetailWithEveryFieldAndNoTrace() throws Exception {
    mvc.perform(
            post("/api/v1/clients/{c}/people", client)
                .header("Authorization", "Bearer " + hrToken)
                .header("Accept-Language", "nl")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"externalId\":\"P1\",\"firstName\":\"\",\"lastName\":\"Jansen\",\"email\":\"geen\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(org.hamcrest.Matchers.containsInAnyOrder("firstName", "email", "unitId")))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'email')].message")
                .value("Dit is geen geldig e-mailadres."));
    mvc.perform(
            post("/api/v1/clients/{c}/units", client)
                .header("Authorization", "Bearer " + hrToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{not json"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Exception"))));
    mvc.perform(
            get("/api/v1/clients/{c}/people/{p}", client, "not-a-uuid")
                .header("Authorization", "Bearer " + hrToken))
        .andExpect(status().isBadRequest());
  }

  @Test
  void aTokenOpensOnlyItsOwnClient() throws Exception {
    mvc.perform(
            get("/api/v1/clients/{c}/units", other).header("Authorization", "Bearer " + hrToken))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/clients/{c}/units", client)).andExpect(status().isUnauthorized());
    mvc.perform(
            get("/api/v1/clients/{c}/units", client).header("Authorization", "Bearer oc_forged"))
        .andExpect(status().isUnauthorized());
  }

  private String token(Role role, ClientId clientId) {
    UUID id =
        administration.createUser(
            new NewUser(
                role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.nl",
                role.name(),
                "wachtwoord-123",
                role,
                clientId,
                null));
    return tokens.create(administration.user(id), clientId, "test", 1).secret();
  }
}
