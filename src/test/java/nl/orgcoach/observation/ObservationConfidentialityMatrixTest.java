package nl.orgcoach.observation;

import static nl.orgcoach.support.TestUsers.asUser;
import static nl.orgcoach.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Observations are confidential like notes (PRODUCT.md invariant 3), exhaustively: every seat (the
 * engagement's coach, another coach of the client, admin, HR, manager, the observed person before
 * and after release, another employee who attends the same meetings) × every surface that shows
 * observations (profile page and API, the observation list page and API, one observation) or the
 * person's own account (the self-assessment page and API; say–do in the profile). The note of the
 * observation and the comment of the person's own account show only where ObservationAccess allows
 * it; the own account's form is always the person's own, before release too.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ObservationConfidentialityMatrixTest {

  static final String NOTE = "Vertrouwelijke waarneming 7731";
  static final String OWN = "Eigen beeld 5521";

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;

  enum Surface {
    PROFILE_PAGE,
    PROFILE_API,
    LIST_PAGE,
    LIST_API,
    DETAIL_API,
    // the incongruence analysis: the engagement's coaches only, never the person
    INCONGRUENCE_PAGE,
    INCONGRUENCE_API,
    SELF_ASSESSMENT_PAGE,
    SELF_ASSESSMENT_API;

    boolean ownAccount() {
      return this == SELF_ASSESSMENT_PAGE || this == SELF_ASSESSMENT_API;
    }
  }

  @Test
  void onlyTheEngagementsCoachesAndTheReleasedPersonSeeObservations() throws Exception {
    ObservationScenario s = new ObservationScenario(context);
    String coachToken = s.users.token(s.coach, s.client);
    String meeting =
        com.jayway.jsonpath.JsonPath.read(
            api(
                    "POST",
                    s.api() + "/meetings",
                    coachToken,
                    "{\"settingId\":\"%s\",\"heldOn\":\"%s\"}"
                        .formatted(s.setting, ObservationScenario.daysAgo(0)))
                .getContentAsString(),
            "$.id");
    String behaviour =
        com.jayway.jsonpath.JsonPath.<List<String>>read(
                api("GET", s.api() + "/behaviours", coachToken, null).getContentAsString(),
                "$[*].id")
            .get(0);
    String observation =
        com.jayway.jsonpath.JsonPath.read(
            api(
                    "POST",
                    s.api() + "/observations",
                    coachToken,
                    """
                    {"idempotencyKey":"%s","meetingId":"%s","personId":"%s",
                     "ratings":[{"behaviourId":"%s","rating":4}],"note":"%s"}
                    """
                        .formatted(UUID.randomUUID(), meeting, s.els, behaviour, NOTE))
                .getContentAsString(),
            "$.id");
    MockHttpServletResponse own =
        api(
            "PUT",
            s.api() + "/self-assessment",
            s.users.token(s.elsUser, s.client),
            "{\"answers\":[{\"behaviourId\":\"%s\",\"rating\":5,\"comment\":\"%s\"}]}"
                .formatted(behaviour, OWN));
    assertThat(own.getStatus()).as(own.getContentAsString()).isEqualTo(200);

    Map<String, UserAccount> seats = new LinkedHashMap<>();
    seats.put("coach of the engagement", s.coach);
    seats.put("other coach", s.otherCoach);
    seats.put("admin", s.admin);
    seats.put("HR", s.hr);
    seats.put("manager", s.manager);
    seats.put("observed person", s.elsUser);
    seats.put("another employee", s.ruudUser);
    List<String> problems = new ArrayList<>();
    int cells = 0;
    for (boolean released : new boolean[] {false, true}) {
      api(
          "PUT",
          s.api() + "/people/" + s.els + "/release",
          coachToken,
          "{\"released\":" + released + "}");
      for (var seat : seats.entrySet()) {
        String token = s.users.token(seat.getValue(), s.client);
        for (Surface surface : Surface.values()) {
          boolean person = seat.getKey().equals("observed person");
          boolean expected =
              surface.ownAccount()
                  ? person
                  : seat.getKey().equals("coach of the engagement")
                      || (released
                          && person
                          && (surface == Surface.PROFILE_PAGE || surface == Surface.PROFILE_API));
          MockHttpServletResponse r = perform(s, surface, seat.getValue(), token, observation);
          // The list page names the people observed; the analysis shows when it was computed (one
          // observation flags nobody); the own account's surfaces show its comment; the profile
          // shows the note and (say–do) the comment; the others show the note.
          String body = r.getContentAsString();
          boolean shown =
              switch (surface) {
                case LIST_PAGE -> body.contains("de Vries");
                case INCONGRUENCE_PAGE -> body.contains("data-testid=\"incongruence-computed\"");
                case INCONGRUENCE_API -> body.contains("\"computedAt\"");
                case SELF_ASSESSMENT_PAGE, SELF_ASSESSMENT_API -> body.contains(OWN);
                case PROFILE_PAGE, PROFILE_API -> body.contains(NOTE) || body.contains(OWN);
                default -> body.contains(NOTE);
              };
          if (expected
              && (surface == Surface.PROFILE_PAGE || surface == Surface.PROFILE_API)
              && !(body.contains(NOTE) && body.contains(OWN))) {
            problems.add(
                seat.getKey() + " on " + surface + ": the note or the own account missing");
          }
          String where =
              seat.getKey()
                  + (released ? " (released)" : "")
                  + " on "
                  + surface
                  + " ("
                  + r.getStatus()
                  + ")";
          cells++;
          if (r.getStatus() >= 500 || r.getStatus() == 401) {
            problems.add(where + ": failed");
          }
          if (shown != expected) {
            problems.add(where + ": observation " + (shown ? "shown" : "not shown"));
          }
          // Another person who takes part has a form of their own there (without Els's account).
          boolean ownForm = surface.ownAccount() && seat.getKey().equals("another employee");
          if (!expected && !ownForm && r.getStatus() != 403 && r.getStatus() != 404) {
            problems.add(where + ": not refused");
          }
        }
      }
    }
    assertThat(cells).isEqualTo(2 * 7 * Surface.values().length);
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  /**
   * The aggregates per unit and behaviour: HR, admins and the engagement's coaches read them, other
   * managers, employees and the observed person do not, a coach of another engagement does not even
   * see it; and for every seat they never carry an observation, a note, a name or a person's id. HR
   * still sees no profile and no observation (the matrix above).
   */
  @Test
  void aggregatesForHrAdminsAndCoachesButNeverAnObservation() throws Exception {
    ObservationScenario s = new ObservationScenario(context);
    String coachToken = s.users.token(s.coach, s.client);
    java.time.LocalDate day =
        AggregatePeriod.latest(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC), 14)
            .from()
            .plusDays(3);
    String meeting =
        com.jayway.jsonpath.JsonPath.read(
            api(
                    "POST",
                    s.api() + "/meetings",
                    coachToken,
                    "{\"settingId\":\"%s\",\"heldOn\":\"%s\"}".formatted(s.setting, day))
                .getContentAsString(),
            "$.id");
    String behaviour =
        com.jayway.jsonpath.JsonPath.<List<String>>read(
                api("GET", s.api() + "/behaviours", coachToken, null).getContentAsString(),
                "$[*].id")
            .get(0);
    for (UUID person : List.of(s.mia, s.els, s.piet, s.ruud)) {
      api(
          "POST",
          s.api() + "/observations",
          coachToken,
          """
          {"idempotencyKey":"%s","meetingId":"%s","personId":"%s",
           "ratings":[{"behaviourId":"%s","rating":4}],"note":"%s"}
          """
              .formatted(UUID.randomUUID(), meeting, person, behaviour, NOTE));
    }
    Map<String, UserAccount> seats = new LinkedHashMap<>();
    seats.put("coach of the engagement", s.coach);
    seats.put("other coach", s.otherCoach);
    seats.put("admin", s.admin);
    seats.put("HR", s.hr);
    seats.put("manager", s.manager);
    seats.put("observed person", s.elsUser);
    List<String> problems = new ArrayList<>();
    for (var seat : seats.entrySet()) {
      boolean allowed = List.of("coach of the engagement", "admin", "HR").contains(seat.getKey());
      String token = s.users.token(seat.getValue(), s.client);
      MockHttpServletResponse page =
          mvc.perform(
                  get(s.page() + "/observation-aggregates")
                      .param("unit", s.top.toString())
                      .with(asUser(seat.getValue())))
              .andReturn()
              .getResponse();
      MockHttpServletResponse json =
          api("GET", s.api() + "/observation-aggregates?unit=" + s.top, token, null);
      for (var r : Map.of("page", page, "API", json).entrySet()) {
        String where = seat.getKey() + " on the aggregates " + r.getKey();
        String body = r.getValue().getContentAsString();
        int status = r.getValue().getStatus();
        if (allowed && status != 200) {
          problems.add(where + ": " + status);
        }
        if (allowed && !body.contains("Wijkzorg Noord")) {
          problems.add(where + ": no aggregates");
        }
        if (!allowed && status != 403 && status != 404) {
          problems.add(where + ": not refused (" + status + ")");
        }
        for (String secret :
            List.of(NOTE, "de Vries", "Peters", s.els.toString(), s.mia.toString())) {
          if (body.contains(secret)) {
            problems.add(where + ": shows " + secret);
          }
        }
      }
    }
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  private MockHttpServletResponse perform(
      ObservationScenario s, Surface surface, UserAccount user, String token, String observation)
      throws Exception {
    return switch (surface) {
      case PROFILE_PAGE ->
          mvc.perform(get(s.page() + "/people/" + s.els + "/profile").with(asUser(user)))
              .andReturn()
              .getResponse();
      case LIST_PAGE ->
          mvc.perform(get(s.page() + "/observations").with(asUser(user))).andReturn().getResponse();
      case PROFILE_API -> api("GET", s.api() + "/people/" + s.els + "/profile", token, null);
      case LIST_API -> api("GET", s.api() + "/observations", token, null);
      case DETAIL_API -> api("GET", s.api() + "/observations/" + observation, token, null);
      case INCONGRUENCE_PAGE ->
          mvc.perform(get(s.page() + "/incongruence").with(asUser(user))).andReturn().getResponse();
      case INCONGRUENCE_API -> api("GET", s.api() + "/incongruence", token, null);
      case SELF_ASSESSMENT_PAGE ->
          mvc.perform(get(s.page() + "/self-assessment").with(asUser(user)))
              .andReturn()
              .getResponse();
      case SELF_ASSESSMENT_API -> api("GET", s.api() + "/self-assessment", token, null);
    };
  }

  private MockHttpServletResponse api(String method, String path, String token, String json)
      throws Exception {
    var request = MockMvcRequestBuilders.request(method, java.net.URI.create(path));
    request.header("Authorization", bearer(token)).accept(MediaType.APPLICATION_JSON);
    if (json != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(json);
    }
    return mvc.perform(request).andReturn().getResponse();
  }
}
