package nl.orgcoach.feedback;

import static nl.orgcoach.support.TestUsers.asUser;
import static nl.orgcoach.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.orgcoach.support.IntegrationTest;
import nl.orgcoach.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Behaviours from the engagement's framework in a round: offered from the engagements whose scope
 * holds the person's unit (or the whole client), stored with the framework id, and refused when
 * they belong to an engagement the person takes no part in.
 */
@IntegrationTest
@AutoConfigureMockMvc
class FeedbackFrameworkTest {

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;

  FeedbackFixture fx;
  String coacheeToken;
  List<UUID> ours;
  List<UUID> elsewhere;

  @BeforeEach
  void setUp() {
    fx = new FeedbackFixture(context);
    coacheeToken = TestUsers.in(context).token(fx.coachee, fx.client);
    UUID division = fx.unit("Divisie", null);
    jdbc.sql("UPDATE unit SET parent_id = :d WHERE id = :t")
        .param("d", division)
        .param("t", fx.team)
        .update();
    // Scoped on the division above Els's team: it covers her. The other one is of another unit.
    ours = fx.engagement(UUID.randomUUID(), "Samen sturen", null, division);
    elsewhere = fx.engagement(UUID.randomUUID(), "Elders", null, fx.unit("Elders", null));
  }

  @Test
  void suggestionsOfferTheFrameworkOfTheEngagementsThePersonTakesPartIn() throws Exception {
    mvc.perform(
            get("/api/v1/clients/{c}/feedback/rounds/suggestions", fx.client.value())
                .header("Authorization", bearer(coacheeToken)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.framework.length()").value(ours.size()))
        .andExpect(jsonPath("$.framework[0].id").value(ours.get(0).toString()))
        .andExpect(jsonPath("$.framework[0].engagementTitle").value("Samen sturen"));
    mvc.perform(get("/c/{c}/feedback/new", fx.client.value()).with(asUser(fx.coachee)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-testid=\"framework-behaviours\"")))
        .andExpect(content().string(containsString("value=\"" + ours.get(0) + "\"")))
        .andExpect(content().string(not(containsString("value=\"" + elsewhere.get(0) + "\""))));
  }

  @Test
  void aFrameworkBehaviourIsStoredWithItsIdAndItsNameInThePersonsLanguage() throws Exception {
    String json =
        mvc.perform(
                post("/api/v1/clients/{c}/feedback/rounds", fx.client.value())
                    .header("Authorization", bearer(coacheeToken))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"closesOn": "%s", "selfLanguage": "en",
                         "behaviours": [{"frameworkBehaviourId": "%s"}, {"text": "Ik luister"}],
                         "raters": [{"personId": "%s", "group": "PEER"}]}
                        """
                            .formatted(LocalDate.now().plusDays(7), ours.get(1), fx.mo)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String round = json.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    mvc.perform(
            get("/api/v1/clients/{c}/feedback/rounds/{r}", fx.client.value(), round)
                .header("Authorization", bearer(coacheeToken)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.behaviours[0].frameworkBehaviourId").value(ours.get(1).toString()))
        .andExpect(jsonPath("$.behaviours[0].text").value("Gives direct feedback"))
        .andExpect(jsonPath("$.behaviours[1].frameworkBehaviourId").doesNotExist());
  }

  @Test
  void theFormTakesAFrameworkBehaviourInTheUsersLanguage() throws Exception {
    mvc.perform(
            post("/c/{c}/feedback/new", fx.client.value())
                .with(asUser(fx.coachee))
                .with(csrf())
                .param("framework", ours.get(0).toString())
                .param("pick", fx.mo.toString())
                .param("group_" + fx.mo, "PEER")
                .param("closesOn", LocalDate.now().plusDays(5).toString()))
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.sql(
                    "SELECT text FROM feedback_behaviour WHERE client_id = :c AND framework_behaviour_id = :f")
                .param("c", fx.client.value())
                .param("f", ours.get(0))
                .query(String.class)
                .list())
        .containsExactly("Asks for input before deciding");
  }

  @Test
  void aBehaviourOfAnotherEngagementOrClientIsRefusedAndNothingIsStored() throws Exception {
    for (UUID foreign : List.of(elsewhere.get(0), UUID.randomUUID())) {
      mvc.perform(
              post("/api/v1/clients/{c}/feedback/rounds", fx.client.value())
                  .header("Authorization", bearer(coacheeToken))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      """
                      {"closesOn": "%s",
                       "behaviours": [{"frameworkBehaviourId": "%s"}],
                       "raters": [{"personId": "%s", "group": "PEER"}]}
                      """
                          .formatted(LocalDate.now().plusDays(7), foreign, fx.mo)))
          .andExpect(status().isUnprocessableEntity())
          .andExpect(content().string(containsString("behaviours")));
    }
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM feedback_round WHERE client_id = :c")
                .param("c", fx.client.value())
                .query(Long.class)
                .single())
        .isZero();
  }
}
