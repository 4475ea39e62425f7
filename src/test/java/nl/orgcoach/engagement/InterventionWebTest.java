package nl.orgcoach.engagement;

import static nl.orgcoach.support.TestUsers.asUser;
import static nl.orgcoach.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

/** Recording interventions, agreement status and sharing through pages and API (MockMvc). */
@IntegrationTest
@AutoConfigureMockMvc
class InterventionWebTest {

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;

  InterventionScenario s;

  @BeforeEach
  void setUp() {
    s = new InterventionScenario(context);
  }

  private long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  private String questionStatus(UUID question) {
    return jdbc.sql("SELECT status FROM question WHERE id = :id")
        .param("id", question)
        .query(String.class)
        .single();
  }

  @Test
  void theRecordedInterventionTookTheQuestionUpAndRaisedAFollowUpOwnedByTheClient() {
    assertThat(questionStatus(s.question)).isEqualTo("TAKEN_UP");
    var followUp =
        jdbc.sql(
                "SELECT owner_kind, follow_up_of, channel FROM question WHERE follow_up_of IS NOT NULL AND engagement_id = :e")
            .param("e", s.engagement)
            .query((rs, n) -> rs.getString(1) + "/" + rs.getObject(2) + "/" + rs.getString(3))
            .single();
    assertThat(followUp).isEqualTo("TEAM/" + s.question + "/COACH");
  }

  @Test
  void aPageFormWithoutAQuestionAnswers422WithAMessageAndWritesNothing() throws Exception {
    long interventions = count("intervention");
    long agreements = count("agreement");
    long questions = count("question");
    mvc.perform(
            post("/c/{c}/engagements/{e}/interventions/new", s.fx.client, s.engagement)
                .with(asUser(s.fx.coach))
                .with(csrf())
                .param("type", "TEAM_COACHING")
                .param("heldOn", "2026-03-03")
                .param("durationMinutes", "60")
                .param("coaches", s.fx.coach.id().toString())
                .param("participantPersons", s.mo.toString())
                .param("agreementOwner", s.mo.toString(), "")
                .param("agreementWhat", "Iets, met een komma", "")
                .param("agreementDue", "", "")
                .param("followUpText", "Nog een vraag")
                .param("followUpLevel", "TEAM")
                .param("followUpOwner", "MANAGEMENT"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("data-testid=\"error-questions\"")))
        .andExpect(content().string(containsString("answers at least one question")))
        .andExpect(content().string(containsString("Iets, met een komma")));
    assertThat(count("intervention")).isEqualTo(interventions);
    assertThat(count("agreement")).isEqualTo(agreements);
    assertThat(count("question")).isEqualTo(questions);
  }

  @Test
  void aCoachRecordsThroughThePageAndIsSentToTheDetail() throws Exception {
    mvc.perform(
            get("/c/{c}/engagements/{e}/interventions/new", s.fx.client, s.engagement)
                .param("question", s.question.toString())
                .with(asUser(s.fx.coach)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-testid=\"intervention-form\"")));
    mvc.perform(
            post("/c/{c}/engagements/{e}/interventions/new", s.fx.client, s.engagement)
                .with(asUser(s.fx.coach))
                .with(csrf())
                .param("type", "FEEDBACK_CONVERSATION")
                .param("heldOn", "2026-03-04")
                .param("durationMinutes", "45")
                .param("coaches", s.fx.coach.id().toString())
                .param("participantPersons", s.mo.toString())
                .param("questions", s.question.toString())
                .param("agreementOwner", s.mo.toString(), "")
                .param("agreementWhat", "Terugkoppelen aan het team", "")
                .param("agreementDue", "2026-04-01", ""))
        .andExpect(redirectedUrlPattern("/c/*/engagements/*/interventions/*"));
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM agreement WHERE owner_person_id = :p")
                .param("p", s.mo)
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void theApiRefusesAnInterventionWithoutAQuestionAndACoachOwningAnAgreement() throws Exception {
    String token = s.fx.users.token(s.fx.coach, s.fx.client);
    long before = count("intervention");
    String url =
        "/api/v1/clients/" + s.fx.client + "/engagements/" + s.engagement + "/interventions";
    mvc.perform(
            post(url)
                .header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"type":"TEAM_COACHING","heldOn":"2026-03-03","durationMinutes":"60",
                     "coaches":["%s"],"questions":[]}
                    """
                        .formatted(s.fx.coach.id())))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field").value(hasItem("questions")));
    mvc.perform(
            post(url)
                .header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"type":"TEAM_COACHING","heldOn":"2026-03-03","durationMinutes":"60",
                     "coaches":["%s"],"questions":["%s"],"participantPersons":["%s"],
                     "agreements":[{"ownerPersonId":"%s","what":"x"}]}
                    """
                        .formatted(s.fx.coach.id(), s.question, s.mo, s.fx.coach.id())))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[*].field").value(hasItem("agreements[0].owner")))
        .andExpect(content().string(not(containsString("Exception"))));
    assertThat(count("intervention")).isEqualTo(before);
    mvc.perform(
            post(url)
                .header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"type":"SUGGESTION","heldOn":"2026-03-05","durationMinutes":15,
                     "coaches":["%s"],"questions":["%s"],"notes":"kort"}
                    """
                        .formatted(s.fx.coach.id(), s.question)))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.notes").value("kort"));
    mvc.perform(get(url).header("Authorization", bearer(token)))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("notes"))));
  }

  @Test
  void onlyTheOwnerUpdatesAnAgreementsStatus() throws Exception {
    String url = "/api/v1/clients/" + s.fx.client + "/agreements/" + s.agreement + "/status";
    for (var other : java.util.List.of(s.fx.coach, s.fx.admin, s.coachee, s.fx.hr)) {
      mvc.perform(
              put(url)
                  .header("Authorization", bearer(s.fx.users.token(other, s.fx.client)))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"status\":\"KEPT\"}"))
          .andExpect(status().isForbidden());
    }
    String owner = s.fx.users.token(s.managerTookPart, s.fx.client);
    mvc.perform(
            put(url)
                .header("Authorization", bearer(owner))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"KEPT\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("KEPT"));
    mvc.perform(
            put(url)
                .header("Authorization", bearer(owner))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"DONE\"}"))
        .andExpect(status().isUnprocessableContent());
    // The htmx select on the home page.
    mvc.perform(
            post("/c/{c}/agreements/{a}/status", s.fx.client, s.agreement)
                .with(asUser(s.managerTookPart))
                .with(csrf())
                .header("HX-Request", "true")
                .param("status", "ADJUSTED"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("agreement-saved-" + s.agreement)));
    mvc.perform(get("/api/v1/clients/{c}/my", s.fx.client).header("Authorization", bearer(owner)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.agreements[0].status").value("ADJUSTED"))
        .andExpect(content().string(not(containsString(InterventionScenario.NOTES))));
  }

  @Test
  void onlyACoacheeSharesTheNotesWithAPersonOfTheClient() throws Exception {
    String url =
        "/c/" + s.fx.client + "/engagements/" + s.engagement + "/interventions/" + s.intervention;
    mvc.perform(
            post(url + "/share")
                .with(asUser(s.fx.coach))
                .with(csrf())
                .param("personId", s.kim.toString()))
        .andExpect(status().isForbidden());
    mvc.perform(
            post(url + "/share")
                .with(asUser(s.coachee))
                .with(csrf())
                .param("personId", UUID.randomUUID().toString()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("data-testid=\"error-personId\"")));
    mvc.perform(get(url).with(asUser(s.otherEmployee)))
        .andExpect(content().string(not(containsString(InterventionScenario.NOTES))));
    mvc.perform(
            post(url + "/share")
                .with(asUser(s.coachee))
                .with(csrf())
                .param("personId", s.kim.toString()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get(url).with(asUser(s.otherEmployee)))
        .andExpect(content().string(containsString(InterventionScenario.NOTES)));
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'NOTE_SHARED'")
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void aCoacheeSharesTheNotesThroughTheApiAndBadValuesAreNamed() throws Exception {
    String url =
        "/api/v1/clients/"
            + s.fx.client
            + "/engagements/"
            + s.engagement
            + "/interventions/"
            + s.intervention
            + "/note-shares";
    String coachee = bearer(s.fx.users.token(s.coachee, s.fx.client));
    mvc.perform(
            post(url)
                .header("Authorization", bearer(s.fx.users.token(s.fx.coach, s.fx.client)))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"personId\":\"" + s.kim + "\"}"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post(url)
                .header("Authorization", coachee)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"personId\":\"kim\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("personId"))
        .andExpect(jsonPath("$.errors[0].code").value("error.json.id"));
    mvc.perform(
            post(url)
                .header("Authorization", coachee)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"personId\":\"" + UUID.randomUUID() + "\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("personId"));
    String kim = bearer(s.fx.users.token(s.otherEmployee, s.fx.client));
    String detail =
        "/api/v1/clients/"
            + s.fx.client
            + "/engagements/"
            + s.engagement
            + "/interventions/"
            + s.intervention;
    mvc.perform(get(detail).header("Authorization", kim))
        .andExpect(content().string(not(containsString(InterventionScenario.NOTES))));
    mvc.perform(
            post(url)
                .header("Authorization", coachee)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"personId\":\"" + s.kim + "\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.personId").value(s.kim.toString()))
        .andExpect(content().string(not(containsString(InterventionScenario.NOTES))));
    mvc.perform(get(detail).header("Authorization", kim))
        .andExpect(jsonPath("$.notes").value(InterventionScenario.NOTES));
  }

  @Test
  void aQuestionIsMarkedAnsweredOnlyWhenAnInterventionAnswersIt() throws Exception {
    String base = "/api/v1/clients/" + s.fx.client + "/engagements/" + s.engagement + "/questions/";
    String coach = bearer(s.fx.users.token(s.fx.coach, s.fx.client));
    UUID followUp =
        jdbc.sql("SELECT id FROM question WHERE follow_up_of = :q")
            .param("q", s.question)
            .query(UUID.class)
            .single();
    mvc.perform(
            post(base + followUp + "/triage")
                .header("Authorization", coach)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"MARK_ANSWERED\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail").value(containsString("intervention")));
    assertThat(questionStatus(followUp)).isEqualTo("OPEN");
    mvc.perform(
            post(base + s.question + "/triage")
                .header("Authorization", coach)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"CLOSE\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("action"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("MARK_ANSWERED")));
    mvc.perform(
            post(base + s.question + "/triage")
                .header("Authorization", coach)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"MARK_ANSWERED\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ANSWERED"));
    assertThat(questionStatus(s.question)).isEqualTo("ANSWERED");
    // The coaching record is traceable: who recorded the intervention, who closed the question.
    assertThat(
            jdbc.sql("SELECT type || ' ' || detail FROM audit_event WHERE client_id = :c")
                .param("c", s.fx.client.value())
                .query(String.class)
                .list())
        .contains(
            "QUESTION_TRIAGED question " + s.question + " MARK_ANSWERED: TAKEN_UP -> ANSWERED")
        .anyMatch(line -> line.startsWith("INTERVENTION_RECORDED engagement " + s.engagement))
        .noneMatch(line -> line.contains("ANSWERED") && line.contains(followUp.toString()));
  }
}
