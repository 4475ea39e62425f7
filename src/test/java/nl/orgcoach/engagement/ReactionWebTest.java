package nl.orgcoach.engagement;

import static nl.orgcoach.support.TestUsers.asUser;
import static nl.orgcoach.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Reactions in the app, through a reaction link, and what the coach sees of them (MockMvc). */
@IntegrationTest
@AutoConfigureMockMvc
class ReactionWebTest {

  private static final Pattern LINK = Pattern.compile("/reaction/([A-Za-z0-9_-]{43})");
  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;

  InterventionScenario s;

  /** A recent intervention (three days ago) with Els, Mo, Sam and Kim as participants. */
  UUID recent;

  @BeforeEach
  void setUp() {
    s = new InterventionScenario(context);
    recent =
        context
            .getBean(InterventionService.class)
            .record(
                s.fx.scope,
                s.fx.coach,
                s.engagement,
                new Intervention.Draft(
                    "TEAM_COACHING",
                    LocalDate.now().minusDays(3).toString(),
                    "60",
                    List.of(s.fx.coach.id()),
                    List.of(s.fx.els, s.mo, s.sam, s.kim),
                    List.of(),
                    List.of(s.question),
                    null,
                    List.of(),
                    List.of()));
  }

  private static RequestPostProcessor fresh() {
    int n = ADDRESSES.incrementAndGet();
    return r -> {
      r.setRemoteAddr("10.50." + (n / 250) + "." + (n % 250 + 1));
      return r;
    };
  }

  private void react(UserAccount who, String rating, String comment) throws Exception {
    mvc.perform(
            post("/c/{c}/interventions/{i}/reaction", s.fx.client, recent)
                .with(asUser(who))
                .with(csrf())
                .header("HX-Request", "true")
                .param("rating", rating)
                .param("comment", comment))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-testid=\"reaction-saved\"")));
  }

  private long reactions() {
    return jdbc.sql("SELECT COUNT(*) FROM reaction WHERE intervention_id = :i")
        .param("i", recent)
        .query(Long.class)
        .single();
  }

  private String summaryPage() throws Exception {
    return mvc.perform(
            get(
                    "/c/{c}/engagements/{e}/interventions/{i}/reactions",
                    s.fx.client,
                    s.engagement,
                    recent)
                .with(asUser(s.fx.coach)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void aParticipantSeesTheRecentInterventionRatesItAndChangesTheRating() throws Exception {
    mvc.perform(get("/c/{c}/my/reactions", s.fx.client).with(asUser(s.coachee)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("reaction-row-" + recent)))
        // the intervention of March is older than 60 days
        .andExpect(content().string(not(containsString("reaction-row-" + s.intervention))));
    react(s.coachee, "4", "Helder");
    react(s.coachee, "2", "Toch minder");
    assertThat(reactions()).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT rating || ' ' || comment FROM reaction WHERE intervention_id = :i")
                .param("i", recent)
                .query(String.class)
                .single())
        .isEqualTo("2 Toch minder");
    mvc.perform(get("/c/{c}/my/reactions", s.fx.client).with(asUser(s.coachee)))
        .andExpect(content().string(containsString("Your rating: 2")));
  }

  @Test
  void aBadRatingIs422AndAnOutsiderIsRefused() throws Exception {
    mvc.perform(
            post("/c/{c}/interventions/{i}/reaction", s.fx.client, recent)
                .with(asUser(s.coachee))
                .with(csrf())
                .param("rating", "7"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("whole number from 1 to 5")));
    mvc.perform(
            post("/c/{c}/interventions/{i}/reaction", s.fx.client, recent)
                .with(asUser(s.managerNotPart))
                .with(csrf())
                .param("rating", "5"))
        .andExpect(status().isForbidden());
    String token = s.fx.users.token(s.managerNotPart, s.fx.client);
    mvc.perform(
            put("/api/v1/clients/{c}/interventions/{i}/reaction", s.fx.client, recent)
                .header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"rating\":5}"))
        .andExpect(status().isForbidden());
    assertThat(reactions()).isZero();
  }

  @Test
  void theCoachSeesOnlyTheCountBelowThreeAndTheAggregateFromThree() throws Exception {
    react(s.coachee, "5", "Eindelijk duidelijkheid");
    react(s.managerTookPart, "3", "Te kort");
    assertThat(summaryPage())
        .contains("2 answer(s); shown from 3.")
        .doesNotContain("Eindelijk", "Te kort", "reaction-distribution");
    String coachToken = s.fx.users.token(s.fx.coach, s.fx.client);
    String api =
        "/api/v1/clients/"
            + s.fx.client
            + "/engagements/"
            + s.engagement
            + "/interventions/"
            + recent
            + "/reactions";
    mvc.perform(get(api).header("Authorization", bearer(coachToken)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.answers").value(2))
        .andExpect(jsonPath("$.shown").value(false))
        .andExpect(jsonPath("$.mean").doesNotExist())
        .andExpect(jsonPath("$.comments").doesNotExist());
    react(s.sharee, "4", null);
    assertThat(summaryPage()).contains("3 answers, mean 4.0", "Eindelijk duidelijkheid", "Te kort");
    String json =
        mvc.perform(get(api).header("Authorization", bearer(coachToken)))
            .andExpect(jsonPath("$.mean").value(4.0))
            .andExpect(jsonPath("$.distribution[2]").value(1))
            .andExpect(jsonPath("$.distribution[4]").value(1))
            .andExpect(jsonPath("$.comments[0]").value("Eindelijk duidelijkheid"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    for (UUID person : List.of(s.fx.els, s.mo, s.sam)) {
      assertThat(json).doesNotContain(person.toString());
    }
    // Participants never see the others' reactions, not even an admin sees who answered.
    String employeeToken = s.fx.users.token(s.coachee, s.fx.client);
    mvc.perform(get(api).header("Authorization", bearer(employeeToken)))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/api/v1/clients/{c}/my/reactions", s.fx.client)
                .header("Authorization", bearer(employeeToken)))
        .andExpect(jsonPath("$[0].rating").value(5))
        .andExpect(content().string(not(containsString("Te kort"))));
  }

  @Test
  void aParticipantReactsThroughTheApi() throws Exception {
    String token = s.fx.users.token(s.managerTookPart, s.fx.client);
    String url = "/api/v1/clients/" + s.fx.client + "/interventions/" + recent + "/reaction";
    mvc.perform(
            put(url)
                .header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"rating\":4,\"comment\":\"Goed\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.rating").value(4))
        .andExpect(jsonPath("$.interventionId").value(recent.toString()));
    mvc.perform(
            put(url)
                .header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"rating\":9}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("rating"));
    assertThat(reactions()).isEqualTo(1);
  }

  @Test
  void aReactionLinkTakesAnAnswerPerBrowserUpToTheNumberOfParticipants() throws Exception {
    String link = makeLink();
    mvc.perform(get("/reaction/{t}", link))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-testid=\"reaction-link-form\"")))
        .andExpect(content().string(not(containsString("Els"))))
        .andExpect(content().string(not(containsString(InterventionScenario.NOTES))));
    Cookie answered =
        mvc.perform(post("/reaction/{t}", link).with(fresh()).param("rating", "5"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("reaction.link.thanks")))
            .andExpect(cookie().exists(PublicLinksController.REACTED_COOKIE))
            .andReturn()
            .getResponse()
            .getCookie(PublicLinksController.REACTED_COOKIE);
    // The same browser again: told it answered, nothing written.
    mvc.perform(post("/reaction/{t}", link).with(fresh()).cookie(answered).param("rating", "1"))
        .andExpect(content().string(containsString("reaction.link.already")));
    mvc.perform(get("/reaction/{t}", link).cookie(answered))
        .andExpect(content().string(containsString("reaction.link.already")));
    assertThat(reactions()).isEqualTo(1);
    // Four participant persons: four answers in all, then the link is full.
    react(s.coachee, "4", null);
    mvc.perform(post("/reaction/{t}", link).with(fresh()).param("rating", "3"))
        .andExpect(content().string(containsString("reaction.link.thanks")));
    mvc.perform(post("/reaction/{t}", link).with(fresh()).param("rating", "2"))
        .andExpect(content().string(containsString("reaction.link.thanks")));
    mvc.perform(post("/reaction/{t}", link).with(fresh()).param("rating", "2"))
        .andExpect(content().string(containsString("reaction.link.full")));
    assertThat(reactions()).isEqualTo(4);
    mvc.perform(post("/reaction/{t}", link).with(fresh()).param("rating", "x"))
        .andExpect(content().string(containsString("reaction.link.full")));
  }

  @Test
  void aBadAnswerThroughTheLinkIs422AndANewLinkStopsTheOldOne() throws Exception {
    String old = makeLink();
    mvc.perform(post("/reaction/{t}", old).with(fresh()).param("rating", "0"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("whole number from 1 to 5")));
    String fresh = makeLink();
    assertThat(fresh).isNotEqualTo(old);
    mvc.perform(get("/reaction/{t}", old)).andExpect(status().isNotFound());
    mvc.perform(post("/reaction/{t}", old).with(fresh()).param("rating", "4"))
        .andExpect(status().isNotFound());
    mvc.perform(get("/reaction/{t}", fresh)).andExpect(status().isOk());
    assertThat(reactions()).isZero();
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_event WHERE client_id = :c AND type LIKE 'REACTION_LINK_%'")
                .param("c", s.fx.client.value())
                .query(Long.class)
                .single())
        .isEqualTo(3);
  }

  private String makeLink() throws Exception {
    String body =
        mvc.perform(
                post(
                        "/c/{c}/engagements/{e}/interventions/{i}/reaction-link",
                        s.fx.client,
                        s.engagement,
                        recent)
                    .with(asUser(s.fx.coach))
                    .with(csrf())
                    .header("HX-Request", "true"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    Matcher m = LINK.matcher(body);
    assertThat(m.find()).as(body).isTrue();
    return m.group(1);
  }
}
