package nl.orgcoach.engagement;

import static nl.orgcoach.support.TestUsers.asUser;
import static nl.orgcoach.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * PRODUCT.md invariant 3, exhaustively: every seat (coach of the intervention, another coach of the
 * engagement, admin, coachee, sharee, other employee, HR, manager who took part, manager who did
 * not) × every surface (page, API detail, API list, my page, and the trail's page, graph, CSV and
 * API and the calendar file, which never show notes to anyone). The notes show only where they
 * should, and every showing leaves exactly one NOTE_READ in the audit log; every refusal none.
 */
@IntegrationTest
@AutoConfigureMockMvc
class NoteConfidentialityMatrixTest {

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;

  enum Surface {
    PAGE,
    API_DETAIL,
    API_LIST,
    MY_PAGE,
    TRAIL_PAGE,
    TRAIL_GRAPH,
    TRAIL_CSV,
    TRAIL_API,
    CALENDAR
  }

  @Test
  void notesAreReadOnlyByCoachesCoacheesAndShareesAndEveryReadIsAudited() throws Exception {
    InterventionScenario s = new InterventionScenario(context);
    Map<String, UserAccount> seats = new LinkedHashMap<>();
    seats.put("coach of the intervention", s.fx.coach);
    seats.put("other coach", s.fx.otherCoach);
    seats.put("admin", s.fx.admin);
    seats.put("coachee", s.coachee);
    seats.put("sharee", s.sharee);
    seats.put("other employee", s.otherEmployee);
    seats.put("HR", s.fx.hr);
    seats.put("manager who took part", s.managerTookPart);
    seats.put("manager who did not", s.managerNotPart);
    Map<String, List<Surface>> allowed =
        Map.of(
            "coach of the intervention", List.of(Surface.PAGE, Surface.API_DETAIL),
            "coachee", List.of(Surface.PAGE, Surface.API_DETAIL, Surface.MY_PAGE),
            "sharee", List.of(Surface.PAGE, Surface.API_DETAIL, Surface.MY_PAGE),
            "manager who took part", List.of(Surface.PAGE, Surface.API_DETAIL, Surface.MY_PAGE));

    List<String> problems = new ArrayList<>();
    int cells = 0;
    for (var seat : seats.entrySet()) {
      String token = s.fx.users.token(seat.getValue(), s.fx.client);
      for (Surface surface : Surface.values()) {
        boolean expected = allowed.getOrDefault(seat.getKey(), List.of()).contains(surface);
        long before = noteReads();
        MockHttpServletResponse r = perform(s, surface, seat.getValue(), token);
        long reads = noteReads() - before;
        boolean shown = r.getContentAsString().contains(InterventionScenario.NOTES);
        String where = seat.getKey() + " on " + surface + " (" + r.getStatus() + ")";
        cells++;
        if (r.getStatus() >= 500 || r.getStatus() == 401) {
          problems.add(where + ": failed");
        }
        if (shown != expected) {
          problems.add(where + ": notes " + (shown ? "shown" : "not shown"));
        }
        if (reads != (expected ? 1 : 0)) {
          problems.add(where + ": " + reads + " NOTE_READ audit entries");
        }
        if (surface == Surface.API_DETAIL && !expected && r.getStatus() == 200) {
          assertThat(r.getContentAsString()).as(where).doesNotContain("\"notes\"");
        }
      }
    }
    assertThat(cells).isEqualTo(9 * Surface.values().length);
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  private MockHttpServletResponse perform(
      InterventionScenario s, Surface surface, UserAccount user, String token) throws Exception {
    String api = "/api/v1/clients/" + s.fx.client + "/engagements/" + s.engagement;
    String trail = "/c/" + s.fx.client + "/engagements/" + s.engagement + "/trail";
    String period = "?from=2026-01-01&to=" + java.time.LocalDate.now(Trail.ZONE);
    MockHttpServletRequestBuilder request =
        switch (surface) {
          case PAGE ->
              get(
                      "/c/{c}/engagements/{e}/interventions/{i}",
                      s.fx.client,
                      s.engagement,
                      s.intervention)
                  .with(asUser(user));
          case MY_PAGE -> get("/c/{c}/my", s.fx.client).with(asUser(user));
          case API_DETAIL ->
              get(api + "/interventions/" + s.intervention)
                  .header("Authorization", bearer(token))
                  .accept(MediaType.APPLICATION_JSON);
          case API_LIST ->
              get(api + "/interventions")
                  .header("Authorization", bearer(token))
                  .accept(MediaType.APPLICATION_JSON);
          case TRAIL_PAGE -> get(trail + period).with(asUser(user));
          case TRAIL_GRAPH -> get(trail + "/graph" + period).with(asUser(user));
          case TRAIL_CSV -> get(trail + ".csv" + period).with(asUser(user));
          case TRAIL_API ->
              get(api + "/trail" + period)
                  .header("Authorization", bearer(token))
                  .accept(MediaType.APPLICATION_JSON);
          case CALENDAR ->
              get("/c/{c}/interventions/{i}.ics", s.fx.client, s.intervention).with(asUser(user));
        };
    return mvc.perform(request).andReturn().getResponse();
  }

  private long noteReads() {
    return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'NOTE_READ'")
        .query(Long.class)
        .single();
  }
}
