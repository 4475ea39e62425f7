package nl.orgcoach.engagement;

import static nl.orgcoach.support.TestUsers.asUser;
import static nl.orgcoach.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import nl.orgcoach.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The engagement pages and API through MockMvc: forms, messages, htmx triage, JSON. */
@IntegrationTest
@AutoConfigureMockMvc
class EngagementWebTest {

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;
  @Autowired EngagementService service;
  @Autowired JdbcClient jdbc;

  EngagementFixture fx;

  @BeforeEach
  void setUp() {
    fx = new EngagementFixture(context);
  }

  @Test
  void aCoachOpensAnEngagementThroughTheForm() throws Exception {
    mvc.perform(get("/c/{c}/engagements/new", fx.client).with(asUser(fx.coach)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-testid=\"engagement-form\"")));
    String location =
        mvc.perform(
                post("/c/{c}/engagements/new", fx.client)
                    .with(asUser(fx.coach))
                    .with(csrf())
                    .param("title", "Roosters in de zorg")
                    .param("startsOn", "2026-01-05")
                    .param("coaches", fx.coach.id().toString())
                    .param("units", fx.teamA.toString())
                    .param("sponsorPersonId", fx.els.toString())
                    .param("decisionTitle", "Zelfroosteren")
                    .param("decidedOn", "2025-12-01")
                    .param("decidedBy", "Directie"))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrlPattern("/c/*/engagements/*"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    mvc.perform(get(location).with(asUser(fx.hr)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Roosters in de zorg")))
        .andExpect(content().string(containsString("Zelfroosteren")))
        .andExpect(content().string(containsString("Team Noord")))
        .andExpect(content().string(not(containsString("data-testid=\"inbox-link\""))));
    mvc.perform(get("/c/{c}/engagements", fx.client).with(asUser(fx.employee)))
        .andExpect(content().string(containsString("Roosters in de zorg")))
        .andExpect(content().string(not(containsString("data-testid=\"engagement-new\""))));
  }

  @Test
  void badInputReRendersTheFormWithMessagesAndWritesNothing() throws Exception {
    mvc.perform(
            post("/c/{c}/engagements/new", fx.client)
                .with(asUser(fx.coach))
                .with(csrf())
                .param("title", "Half")
                .param("startsOn", "2026-02-01")
                .param("endsOn", "2026-01-01")
                .param("lang", "nl"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-testid=\"error-endsOn\"")))
        .andExpect(content().string(containsString("Het einde kan niet voor de start liggen.")))
        .andExpect(content().string(containsString("minstens een coach")))
        .andExpect(content().string(containsString("value=\"Half\"")));
    assertThat(
            jdbc.sql("SELECT count(*) FROM engagement WHERE client_id = :c")
                .param("c", fx.client.value())
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void anEmployeePutsATeamQuestionAndTheCoachTakesItUpInTheInbox() throws Exception {
    UUID e = service.open(fx.scope, fx.coach, fx.draft("Roosters", fx.coach)).value();
    mvc.perform(
            post("/c/{c}/engagements/{e}/questions", fx.client, e)
                .with(asUser(fx.employee))
                .with(csrf())
                .param("text", "Mogen wij zelf roosteren?")
                .param("level", "TEAM")
                .param("owner", "MY_TEAM"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/c/{c}/engagements/{e}", fx.client, e).with(asUser(fx.employee)))
        .andExpect(content().string(containsString("Mogen wij zelf roosteren?")));
    // HR did not put it and does not triage: the question text is not on HR's page.
    mvc.perform(get("/c/{c}/engagements/{e}", fx.client, e).with(asUser(fx.hr)))
        .andExpect(content().string(not(containsString("Mogen wij zelf roosteren?"))));
    mvc.perform(get("/c/{c}/engagements/{e}/inbox", fx.client, e).with(asUser(fx.hr)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/c/{c}/engagements/{e}/inbox", fx.client, e).with(asUser(fx.otherCoach)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/c/{c}/engagements/{e}/inbox", fx.client, e).with(asUser(fx.coach)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Mogen wij zelf roosteren?")))
        .andExpect(content().string(containsString("Team Noord")));
    UUID q = service.inbox(fx.scope, fx.coach, e, null, null).get(0).id();
    mvc.perform(
            post("/c/{c}/engagements/{e}/questions/{q}/triage", fx.client, e, q)
                .with(asUser(fx.coach))
                .with(csrf())
                .header("HX-Request", "true")
                .param("action", "PARK"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-testid=\"inbox-error\"")))
        .andExpect(content().string(not(containsString("<html"))));
    mvc.perform(
            post("/c/{c}/engagements/{e}/questions/{q}/triage", fx.client, e, q)
                .with(asUser(fx.coach))
                .with(csrf())
                .header("HX-Request", "true")
                .param("action", "TAKE_UP"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-status=\"TAKEN_UP\"")));
  }

  @Test
  void aQuestionWithoutOwnerGetsAMessage() throws Exception {
    UUID e = service.open(fx.scope, fx.coach, fx.draft("Roosters", fx.coach)).value();
    mvc.perform(
            post("/c/{c}/engagements/{e}/questions", fx.client, e)
                .with(asUser(fx.coach))
                .with(csrf())
                .param("text", "Gehoord bij de koffie")
                .param("level", "TEAM")
                .param("owner", "ME"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-testid=\"error-owner\"")));
  }

  @Test
  void theApiCoversOpenAskListAndTriage() throws Exception {
    String coachToken = fx.users.token(fx.coach, fx.client);
    String employeeToken = fx.users.token(fx.employee, fx.client);
    String created =
        mvc.perform(
                post("/api/v1/clients/{c}/engagements", fx.client)
                    .header("Authorization", bearer(coachToken))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"title":"API traject","startsOn":"2026-01-01","coaches":["%s"],"units":["%s"]}
                        """
                            .formatted(fx.coach.id(), fx.teamA)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.title").value("API traject"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String e = JsonPath.read(created, "$.id");
    mvc.perform(
            post("/api/v1/clients/{c}/engagements/{e}/questions", fx.client, e)
                .header("Authorization", bearer(employeeToken))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"Mijn vraag\",\"level\":\"INDIVIDUAL\",\"owner\":\"ME\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.ownerName").value("Els de Vries"))
        .andExpect(jsonPath("$.status").value("OPEN"));
    mvc.perform(
            get("/api/v1/clients/{c}/engagements/{e}/questions", fx.client, e)
                .header("Authorization", bearer(employeeToken)))
        .andExpect(status().isForbidden());
    String list =
        mvc.perform(
                get("/api/v1/clients/{c}/engagements/{e}/questions", fx.client, e)
                    .header("Authorization", bearer(coachToken)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$", hasSize(1)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String q = JsonPath.read(list, "$[0].id");
    mvc.perform(
            post("/api/v1/clients/{c}/engagements/{e}/questions/{q}/triage", fx.client, e, q)
                .header("Authorization", bearer(coachToken))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"ASK_BACK\",\"reason\":\"Wie nog meer?\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ASKED_BACK"))
        .andExpect(jsonPath("$.statusReason").value("Wie nog meer?"));
    mvc.perform(
            post("/api/v1/clients/{c}/engagements/{e}/decisions", fx.client, e)
                .header("Authorization", bearer(coachToken))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Besluit\",\"decidedOn\":\"1 maart\",\"decidedBy\":\"MT\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(content().string(containsString("decidedOn")))
        .andExpect(content().string(not(containsString("Exception"))));
  }
}
