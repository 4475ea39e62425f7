package nl.orgcoach.feedback;

import static nl.orgcoach.support.TestUsers.asUser;
import static nl.orgcoach.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.orgcoach.access.AuditLog;
import nl.orgcoach.access.AuditType;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.support.IntegrationTest;
import nl.orgcoach.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The HR heatmap through the API and the page: the round gate, others only, suppression of a unit
 * that a comparison with its parent and siblings would single out, drill-down, the period, and who
 * may read it.
 *
 * <p>Ratings on behaviour 1 (threshold 3): Team A has three ratees with a round of three others
 * each (4, 4, 5: mean 13/3), plus a round of only two others and self ratings that must not count;
 * Team B three ratees with (2, 3, 4); Team C one ratee with (1, 1, 1); Zuid one ratee.
 */
@IntegrationTest
@AutoConfigureMockMvc
class FeedbackHeatmapTest {

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;

  HeatmapScenario s;
  UUID b1;

  @BeforeEach
  void setUp() {
    s = new HeatmapScenario(context);
    b1 = s.behaviours.get(0);
    for (String name : new String[] {"A1", "A2", "A3"}) {
      s.round(s.person(name, s.teamA), b1, 30, 1, 4, 4, 5);
    }
    // Two others only: below the round gate, so it counts nowhere.
    s.round(s.person("A1", s.teamA), b1, 20, 5, 1, 1);
    for (String name : new String[] {"B1", "B2", "B3"}) {
      s.round(s.person(name, s.teamB), b1, 40, 5, 2, 3, 4);
    }
    s.round(s.person("C1", s.teamC), b1, 50, 5, 1, 1, 1);
    s.round(s.person("Z1", s.zuid), b1, 50, 5, 3, 3, 3, null);
  }

  private ResultActions api(UserAccount user, String query) throws Exception {
    String token = TestUsers.in(context).token(user, s.client);
    return mvc.perform(
        get("/api/v1/clients/{c}/feedback/heatmap" + query, s.client.value())
            .header("Authorization", bearer(token)));
  }

  @Test
  void theTopLevelShowsUnitsWithEnoughRateesAndHidesTheRestWithoutNumbers() throws Exception {
    api(s.hr, "?engagement=" + s.whole)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.unitOfRatee").value("CURRENT"))
        .andExpect(jsonPath("$.threshold").value(3))
        .andExpect(jsonPath("$.columns.length()").value(s.behaviours.size()))
        .andExpect(jsonPath("$.columns[0].id").value(b1.toString()))
        .andExpect(jsonPath("$.rows.length()").value(2))
        .andExpect(jsonPath("$.rows[0].name").value("Noord"))
        .andExpect(jsonPath("$.rows[0].drill").value(true))
        .andExpect(jsonPath("$.rows[0].cells[0].shown").value(true))
        // 3×13 + 3×9 + 3 = 69 over 21 ratings; the gated round and the self ratings are not in it.
        .andExpect(jsonPath("$.rows[0].cells[0].ratings").value(21))
        .andExpect(jsonPath("$.rows[0].cells[0].ratees").value(7))
        .andExpect(jsonPath("$.rows[0].cells[0].mean").value(closeTo(69.0 / 21, 1e-9)))
        .andExpect(jsonPath("$.rows[0].cells[1].shown").value(false))
        .andExpect(jsonPath("$.rows[1].name").value("Zuid"))
        .andExpect(jsonPath("$.rows[1].cells[0].shown").value(false))
        .andExpect(jsonPath("$.rows[1].cells[0].mean").doesNotExist())
        .andExpect(jsonPath("$.rows[1].cells[0].ratings").doesNotExist());
  }

  @Test
  void drillingDownHidesTheSiblingThatWouldSingleOutASmallTeamByDifference() throws Exception {
    // Noord minus A minus B would be Team C's one ratee: A is shown (largest first), B is not.
    api(s.hr, "?engagement=" + s.whole + "&unit=" + s.noord)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.path[0].name").value("Noord"))
        .andExpect(jsonPath("$.unit.cells[0].shown").value(true))
        .andExpect(jsonPath("$.unit.cells[0].ratings").value(21))
        .andExpect(jsonPath("$.rows.length()").value(3))
        .andExpect(jsonPath("$.rows[0].name").value("Team A"))
        .andExpect(jsonPath("$.rows[0].drill").value(false))
        .andExpect(jsonPath("$.rows[0].cells[0].shown").value(true))
        .andExpect(jsonPath("$.rows[0].cells[0].mean").value(closeTo(13.0 / 3, 1e-9)))
        .andExpect(jsonPath("$.rows[1].name").value("Team B"))
        .andExpect(jsonPath("$.rows[1].cells[0].shown").value(false))
        .andExpect(jsonPath("$.rows[2].name").value("Team C"))
        .andExpect(jsonPath("$.rows[2].cells[0].shown").value(false));
    // Below a unit without a number no cell has one (Zuid itself is too small).
    api(s.hr, "?engagement=" + s.whole + "&unit=" + s.teamC)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.unit.cells[0].shown").value(false))
        .andExpect(jsonPath("$.rows.length()").value(0));
  }

  @Test
  void roundsThatCloseLaterCountInTheNextRequestAndOpenOnesNever() throws Exception {
    api(s.hr, "?engagement=" + s.whole)
        .andExpect(jsonPath("$.rows[1].cells[0].shown").value(false));
    s.round(s.person("Z2", s.zuid), b1, 3, 4, 4, 4, 5);
    s.round(s.person("Z3", s.zuid), b1, 2, 4, 2, 2, 2);
    // Still open (closes in three days): not in the heatmap.
    s.round(s.person("Z4", s.zuid), b1, -3, 4, 1, 1, 1);
    api(s.hr, "?engagement=" + s.whole)
        .andExpect(jsonPath("$.rows[1].name").value("Zuid"))
        .andExpect(jsonPath("$.rows[1].cells[0].shown").value(true))
        .andExpect(jsonPath("$.rows[1].cells[0].ratees").value(3))
        .andExpect(jsonPath("$.rows[1].cells[0].ratings").value(9))
        .andExpect(jsonPath("$.rows[1].cells[0].mean").value(closeTo(28.0 / 9, 1e-9)));
  }

  @Test
  void aPersonWhoMovesCountsInTheNewUnitFromTheNextRequest() throws Exception {
    api(s.hr, "?engagement=" + s.whole)
        .andExpect(jsonPath("$.rows[0].cells[0].ratees").value(7))
        .andExpect(jsonPath("$.rows[1].cells[0].shown").value(false));
    // Through the structure API, as HR would: B1 and B2 move to Zuid, which then has three ratees.
    String token = TestUsers.in(context).token(s.hr, s.client);
    for (String name : new String[] {"B1", "B2"}) {
      mvc.perform(
              put("/api/v1/clients/{c}/people/{p}", s.client.value(), s.person(name, s.teamB))
                  .header("Authorization", bearer(token))
                  .contentType("application/json")
                  .content(
                      """
                      {"externalId": "%s", "firstName": "%s", "lastName": "Test", "unitId": "%s"}
                      """
                          .formatted(name, name, s.zuid)))
          .andExpect(status().isOk());
    }
    // Zuid: Z1, B1, B2 with three others each (3,3,3 / 2,3,4 / 2,3,4); Noord keeps A's 9 ratings,
    // B3's 3 and C1's 3.
    api(s.hr, "?engagement=" + s.whole)
        .andExpect(jsonPath("$.rows[1].name").value("Zuid"))
        .andExpect(jsonPath("$.rows[1].cells[0].shown").value(true))
        .andExpect(jsonPath("$.rows[1].cells[0].ratees").value(3))
        .andExpect(jsonPath("$.rows[1].cells[0].ratings").value(9))
        .andExpect(jsonPath("$.rows[1].cells[0].mean").value(closeTo(27.0 / 9, 1e-9)))
        .andExpect(jsonPath("$.rows[0].cells[0].ratees").value(5))
        .andExpect(jsonPath("$.rows[0].cells[0].ratings").value(15))
        .andExpect(jsonPath("$.rows[0].cells[0].mean").value(closeTo(51.0 / 15, 1e-9)));
  }

  @Test
  void thePeriodSelectsRoundsByTheirCloseDate() throws Exception {
    String to = LocalDate.now().minusDays(35).toString();
    api(s.hr, "?engagement=" + s.whole + "&to=" + to)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.to").value(to))
        // Only B (40 days ago) and C (50): 4 ratees, 12 ratings.
        .andExpect(jsonPath("$.rows[0].cells[0].ratings").value(12));
    api(s.hr, "?engagement=" + s.whole + "&from=2026-13-01")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(not(containsString("Exception"))));
    api(s.hr, "?engagement=" + s.whole + "&from=2026-02-01&to=2026-01-01")
        .andExpect(status().isUnprocessableEntity());
  }

  @Test
  void hrAdminsAndSponsorsReadItOthersDoNot() throws Exception {
    api(s.admin, "").andExpect(status().isOk());
    api(s.sponsor, "?engagement=" + s.whole)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.engagements.length()").value(1))
        .andExpect(jsonPath("$.rows.length()").value(2));
    // Nina sponsors the engagement about Noord: she sees Noord and below, nothing else.
    api(s.northSponsor, "")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.engagementId").value(s.north.toString()))
        .andExpect(jsonPath("$.rows.length()").value(1))
        .andExpect(jsonPath("$.rows[0].name").value("Noord"));
    api(s.northSponsor, "?unit=" + s.teamA).andExpect(status().isOk());
    api(s.northSponsor, "?unit=" + s.zuid).andExpect(status().isNotFound());
    api(s.northSponsor, "?engagement=" + s.whole).andExpect(status().isNotFound());
    api(s.coach, "").andExpect(status().isNotFound());
    api(s.employee, "").andExpect(status().isNotFound());
    api(s.hr, "?unit=" + UUID.randomUUID()).andExpect(status().isNotFound());
    api(s.hr, "?engagement=" + UUID.randomUUID()).andExpect(status().isNotFound());
  }

  @Test
  void thePageDrillsDownWithLinksColoursAndTextForScreenReaders() throws Exception {
    mvc.perform(
            get("/c/{c}/feedback/heatmap", s.client.value())
                .with(asUser(s.hr))
                .param("engagement", s.whole.toString())
                .param("unit", s.noord.toString())
                .locale(java.util.Locale.ENGLISH))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-testid=\"heatmap-table\"")))
        .andExpect(content().string(containsString("Noord (whole unit)")))
        .andExpect(content().string(containsString("heat-6")))
        .andExpect(content().string(containsString("heat-none")))
        .andExpect(
            content()
                .string(containsString("Asks for input before deciding: mean 4.3 of 9 ratings")))
        .andExpect(content().string(containsString("Gives direct feedback: not shown")))
        .andExpect(content().string(not(containsString("style="))));
    mvc.perform(
            get("/c/{c}/feedback/heatmap", s.client.value())
                .with(asUser(s.hr))
                .locale(java.util.Locale.forLanguageTag("nl")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Noord openen")))
        .andExpect(content().string(containsString("unit=" + s.noord)));
    mvc.perform(
            get("/c/{c}/feedback/heatmap", s.client.value())
                .with(asUser(s.hr))
                .param("from", "gisteren"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(containsString("data-testid=\"error-from\"")));
    mvc.perform(get("/c/{c}/feedback", s.client.value()).with(asUser(s.hr)))
        .andExpect(content().string(containsString("data-testid=\"feedback-heatmap-link\"")));
    mvc.perform(get("/c/{c}/feedback/heatmap", s.client.value()).with(asUser(s.employee)))
        .andExpect(status().isNotFound());
  }

  @Test
  void everyReadIsInTheAuditLogWithEngagementUnitAndPeriodAndNoPersonalData() throws Exception {
    AuditLog audit = context.getBean(AuditLog.class);
    java.util.function.Supplier<List<AuditLog.Entry>> entries =
        () ->
            audit.latest(500, AuditType.FEEDBACK_HEATMAP_VIEWED).stream()
                .filter(e -> e.detail().contains(s.whole.toString()))
                .toList();
    String to = LocalDate.now().minusDays(35).toString();
    String from = LocalDate.now().minusDays(100).toString();

    mvc.perform(
            get("/c/{c}/feedback/heatmap", s.client.value())
                .with(asUser(s.hr))
                .param("engagement", s.whole.toString())
                .param("unit", s.noord.toString())
                .param("from", from)
                .param("to", to))
        .andExpect(status().isOk());
    assertThat(entries.get()).hasSize(1);
    AuditLog.Entry page = entries.get().get(0);
    assertThat(page.actor()).isEqualTo(s.hr.email());
    assertThat(page.clientId()).isEqualTo(s.client.value());
    assertThat(page.detail())
        .isEqualTo(
            "engagement "
                + s.whole
                + " unit "
                + s.noord
                + " from "
                + from
                + " to "
                + to
                + " (page)");

    api(s.hr, "?engagement=" + s.whole).andExpect(status().isOk());
    assertThat(entries.get()).hasSize(2);
    AuditLog.Entry api = entries.get().get(0);
    assertThat(api.detail())
        .startsWith("engagement " + s.whole + " unit top from ")
        .endsWith(" to " + LocalDate.now(FeedbackService.ZONE) + " (api)");
    // No person of the scenario, nor a figure, in either entry.
    for (AuditLog.Entry e : entries.get()) {
      assertThat(e.detail())
          .doesNotContain(s.person("A1", s.teamA).toString())
          .doesNotContain("Noord")
          .doesNotContain("Test")
          .doesNotContain("@");
    }

    // A refused read writes nothing.
    api(s.employee, "?engagement=" + s.whole).andExpect(status().isNotFound());
    api(s.hr, "?engagement=" + s.whole + "&unit=" + UUID.randomUUID())
        .andExpect(status().isNotFound());
    assertThat(entries.get()).hasSize(2);

    for (String lang : List.of("nl", "en")) {
      mvc.perform(
              get("/admin/audit")
                  .param("type", "FEEDBACK_HEATMAP_VIEWED")
                  .with(asUser(s.admin))
                  .locale(java.util.Locale.forLanguageTag(lang)))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString(lang.equals("nl") ? "Auditlog" : "Audit log")))
          .andExpect(
              content().string(containsString("data-audit-type=\"FEEDBACK_HEATMAP_VIEWED\"")))
          .andExpect(content().string(containsString(page.detail())))
          .andExpect(content().string(containsString(api.detail())));
    }
  }
}
