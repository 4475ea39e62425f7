package nl.orgcoach.engagement;

import static nl.orgcoach.support.TestUsers.asUser;
import static nl.orgcoach.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
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
import org.springframework.test.web.servlet.ResultActions;

/** The trail through the API and the pages: nodes, edges, filters, who sees what, bad input. */
@IntegrationTest
@AutoConfigureMockMvc
class TrailWebTest {

  static final String PERIOD = "from=2026-01-01&to=" + java.time.LocalDate.now(Trail.ZONE);

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;

  InterventionScenario s;
  UUID followUp;

  @BeforeEach
  void setUp() {
    s = new InterventionScenario(context);
    followUp =
        jdbc.sql("SELECT id FROM question WHERE follow_up_of = :q")
            .param("q", s.question)
            .query(UUID.class)
            .single();
  }

  private ResultActions api(UserAccount user, String query) throws Exception {
    return mvc.perform(
        get("/api/v1/clients/" + s.fx.client + "/engagements/" + s.engagement + "/trail?" + query)
            .header("Authorization", bearer(s.fx.users.token(user, s.fx.client)))
            .accept(MediaType.APPLICATION_JSON));
  }

  @Test
  void theFollowUpRecordsTheInterventionItWasRaisedIn() {
    UUID raisedIn =
        jdbc.sql("SELECT raised_in FROM question WHERE id = :id")
            .param("id", followUp)
            .query(UUID.class)
            .single();
    assertThat(raisedIn).isEqualTo(s.intervention);
  }

  @Test
  void theCoachSeesTheWholePathWithItsEdges() throws Exception {
    api(s.fx.coach, PERIOD)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.whole").value(true))
        .andExpect(jsonPath("$.truncated").value(false))
        .andExpect(jsonPath("$.nodes.length()").value(4))
        .andExpect(jsonPath("$.nodes[0].kind").value("INTERVENTION"))
        .andExpect(jsonPath("$.nodes[0].label").value("Team coaching"))
        .andExpect(
            jsonPath("$.nodes[0].url")
                .value(
                    "/c/"
                        + s.fx.client
                        + "/engagements/"
                        + s.engagement
                        + "/interventions/"
                        + s.intervention))
        .andExpect(jsonPath("$.edges.length()").value(3))
        .andExpect(
            jsonPath("$.edges[?(@.kind == 'ANSWERED_BY')].from").value(s.question.toString()))
        .andExpect(jsonPath("$.edges[?(@.kind == 'AGREED')].to").value(s.agreement.toString()))
        .andExpect(jsonPath("$.edges[?(@.kind == 'RAISED')].to").value(followUp.toString()))
        .andExpect(content().string(not(containsString(InterventionScenario.NOTES))))
        .andExpect(content().string(not(containsString("\"notes\""))));
  }

  @Test
  void theDefaultPeriodIsTheLastThreeMonths() throws Exception {
    // the intervention of March 2026 is older than three months; the questions were asked today
    api(s.fx.coach, "")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.to").value(java.time.LocalDate.now(Trail.ZONE).toString()))
        .andExpect(
            jsonPath("$.from").value(java.time.LocalDate.now(Trail.ZONE).minusMonths(3).toString()))
        .andExpect(jsonPath("$.nodes[*].kind").value(not(hasItem("INTERVENTION"))));
  }

  @Test
  void aManagerWhoTookPartSeesOnlyTheirOwnPart() throws Exception {
    api(s.managerTookPart, PERIOD)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.whole").value(false))
        .andExpect(jsonPath("$.nodes.length()").value(2))
        .andExpect(jsonPath("$.nodes[*].id").value(hasItem(s.intervention.toString())))
        .andExpect(jsonPath("$.nodes[*].id").value(hasItem(s.agreement.toString())))
        .andExpect(jsonPath("$.edges.length()").value(1));
    api(s.otherEmployee, PERIOD)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.nodes.length()").value(0));
  }

  @Test
  void theSponsorAndHrSeeTheWholeTrail() throws Exception {
    // Els is the engagement's sponsor in the fixture
    api(s.coachee, PERIOD).andExpect(jsonPath("$.whole").value(true));
    api(s.fx.hr, PERIOD)
        .andExpect(jsonPath("$.whole").value(true))
        .andExpect(jsonPath("$.nodes.length()").value(4));
  }

  @Test
  void theUnitFilterTakesTheSubtreeAndThePersonFilterTheOwnerOrParticipant() throws Exception {
    // everything here is of team A (Els, Mo and the team itself), below the directorate
    api(s.fx.coach, PERIOD + "&unit=" + s.fx.top).andExpect(jsonPath("$.nodes.length()").value(4));
    api(s.fx.coach, PERIOD + "&unit=" + s.fx.teamA)
        .andExpect(jsonPath("$.nodes.length()").value(4));
    api(s.fx.coach, PERIOD + "&unit=" + s.fx.teamB)
        .andExpect(jsonPath("$.nodes.length()").value(0));
    // Mo took part and owns the agreement; the questions are Els's and team A's
    api(s.fx.coach, PERIOD + "&person=" + s.mo)
        .andExpect(jsonPath("$.nodes.length()").value(2))
        .andExpect(jsonPath("$.nodes[*].kind").value(not(hasItem("QUESTION"))));
    // Els put her question for her team (a team question), and took part
    api(s.fx.coach, PERIOD + "&person=" + s.fx.els)
        .andExpect(jsonPath("$.nodes.length()").value(1))
        .andExpect(jsonPath("$.nodes[0].id").value(s.intervention.toString()));
  }

  @Test
  void badDatesAnswerALocalised422AndForeignOrUnknownIdsA404() throws Exception {
    api(s.fx.coach, "from=2026-13-01")
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("yyyy-mm-dd")));
    api(s.fx.coach, "from=2026-06-01&to=2026-05-01").andExpect(status().isUnprocessableContent());
    api(s.fx.coach, "from=2020-01-01&to=2026-05-01").andExpect(status().isUnprocessableContent());
    api(s.fx.coach, "unit=" + UUID.randomUUID()).andExpect(status().isNotFound());
    api(s.fx.coach, "unit=not-an-id").andExpect(status().isNotFound());
    api(s.fx.coach, "person=" + UUID.randomUUID()).andExpect(status().isNotFound());
    // a unit of another client is not found either
    EngagementFixture other = new EngagementFixture(context);
    api(s.fx.coach, "unit=" + other.teamA).andExpect(status().isNotFound());
  }

  private ResultActions page(UserAccount user, String path) throws Exception {
    return mvc.perform(
        get("/c/" + s.fx.client + "/engagements/" + s.engagement + path).with(asUser(user)));
  }

  @Test
  void theTimelineLinksEveryNodeToItsDetailAndSaysWhoSeesWhat() throws Exception {
    String html =
        page(s.fx.coach, "/trail?" + PERIOD)
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("data-testid=\"trail-timeline\"")))
            .andExpect(content().string(containsString("/interventions/" + s.intervention)))
            .andExpect(content().string(containsString("/questions/" + s.question)))
            .andExpect(
                content()
                    .string(
                        containsString(
                            "/interventions/" + s.intervention + "#agreement-" + s.agreement)))
            .andExpect(content().string(containsString("You see the whole trail")))
            .andExpect(content().string(not(containsString(InterventionScenario.NOTES))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html.split("data-testid=\"trail-node\"", -1)).hasSize(5);
    page(s.managerTookPart, "/trail?" + PERIOD)
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("your own part")));
  }

  @Test
  void theGraphViewKeepsTheTimelineForPrintAndPointsToItsData() throws Exception {
    page(s.fx.coach, "/trail?view=graph&" + PERIOD)
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-testid=\"trail-graph\"")))
        .andExpect(content().string(containsString("d-none d-print-block")))
        .andExpect(content().string(containsString("keyboard")));
    mvc.perform(
            get("/c/{c}/engagements/{e}/trail/graph?" + PERIOD, s.fx.client, s.engagement)
                .with(asUser(s.fx.coach)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.series[0].type").value("graph"))
        .andExpect(jsonPath("$.series[0].data.length()").value(4))
        .andExpect(jsonPath("$.series[0].links.length()").value(3))
        .andExpect(
            jsonPath("$.series[0].data[?(@.id == '" + s.intervention + "')].href")
                .value(
                    "/c/"
                        + s.fx.client
                        + "/engagements/"
                        + s.engagement
                        + "/interventions/"
                        + s.intervention))
        .andExpect(content().string(not(containsString(InterventionScenario.NOTES))));
  }

  @Test
  void aBadDateOnThePageIsALocalised422WithTheFilterKept() throws Exception {
    mvc.perform(
            get("/c/{c}/engagements/{e}/trail?from=gisteren", s.fx.client, s.engagement)
                .with(asUser(s.fx.coach))
                .param("lang", "nl"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("Geen datum")))
        .andExpect(content().string(containsString("value=\"gisteren\"")));
    mvc.perform(
            get("/c/{c}/engagements/{e}/trail.csv?to=2026-02-30", s.fx.client, s.engagement)
                .with(asUser(s.fx.coach)))
        .andExpect(status().isUnprocessableContent());
  }

  @Test
  void foreignEngagementsAreNotFoundOnEverySurface() throws Exception {
    EngagementFixture other = new EngagementFixture(context);
    UUID foreign =
        context
            .getBean(EngagementService.class)
            .open(other.scope, other.coach, other.draft("Elders", other.coach))
            .value();
    for (String path : new String[] {"/trail", "/trail/graph", "/trail.csv"}) {
      mvc.perform(
              get("/c/" + s.fx.client + "/engagements/" + foreign + path).with(asUser(s.fx.coach)))
          .andExpect(status().isNotFound());
    }
    mvc.perform(
            get(
                    "/c/{c}/engagements/{e}/questions/{q}",
                    s.fx.client,
                    s.engagement,
                    UUID.randomUUID())
                .with(asUser(s.fx.coach)))
        .andExpect(status().isNotFound());
  }

  @Test
  void theCsvNeutralisesFormulasInEveryCell() throws Exception {
    EngagementService engagements = context.getBean(EngagementService.class);
    for (String hostile :
        new String[] {"=HYPERLINK(\"http://x\")", "+31 6 1234", "-1+2", "@SUM(A1)"}) {
      engagements.ask(
          s.fx.scope,
          s.fx.coach,
          s.engagement,
          new EngagementService.QuestionForm(hostile, "TEAM", "TEAM", null, s.fx.teamA, null));
    }
    String csv =
        page(s.fx.coach, "/trail.csv?" + PERIOD)
            .andExpect(status().isOk())
            .andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                    .string("Content-Disposition", containsString("attachment")))
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(csv)
        .contains("'=HYPERLINK(\"\"http://x\"\")")
        .contains("'+31 6 1234")
        .contains("'-1+2")
        .contains("'@SUM(A1)")
        .doesNotContain(InterventionScenario.NOTES);
    for (String line : csv.split("\r\n")) {
      for (String cell : line.split(",")) {
        String bare = cell.startsWith("\"") ? cell.substring(1) : cell;
        assertThat(bare).as(line).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
      }
    }
  }

  @Test
  void theQuestionPageShowsWhereItCameFromForThoseWhoSeeTheWholeTrail() throws Exception {
    page(s.fx.coach, "/questions/" + followUp)
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Wie beslist over de weekenden?")))
        .andExpect(content().string(containsString("/questions/" + s.question)))
        .andExpect(content().string(containsString("/interventions/" + s.intervention)));
    page(s.fx.hr, "/questions/" + s.question).andExpect(status().isOk());
    // Kim neither owns nor put it and does not see the whole trail
    page(s.otherEmployee, "/questions/" + s.question).andExpect(status().isForbidden());
  }

  @Test
  void theEngagementPageLinksToItsTrail() throws Exception {
    page(s.fx.hr, "")
        .andExpect(content().string(containsString("/engagements/" + s.engagement + "/trail")));
  }
}
