package nl.orgcoach.observation;

import static nl.orgcoach.support.TestUsers.asUser;
import static nl.orgcoach.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The framework, meetings, capture and profile through the API and the pages, bad input too. */
@IntegrationTest
@AutoConfigureMockMvc
class ObservationWebTest {

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;

  ObservationScenario s;
  String coachToken;

  @BeforeEach
  void scenario() {
    s = new ObservationScenario(context);
    coachToken = s.users.token(s.coach, s.client);
  }

  MockHttpServletResponse api(String method, String path, String token, String json)
      throws Exception {
    var request =
        switch (method) {
          case "GET" -> get(s.api() + path);
          case "POST" -> post(s.api() + path);
          case "PUT" -> put(s.api() + path);
          default -> delete(s.api() + path);
        };
    request.header("Authorization", bearer(token)).accept(MediaType.APPLICATION_JSON);
    if (json != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(json);
    }
    return mvc.perform(request).andReturn().getResponse();
  }

  List<String> behaviourIds() throws Exception {
    return JsonPath.read(
        api("GET", "/behaviours", coachToken, null).getContentAsString(), "$[*].id");
  }

  String meeting(LocalDate on) throws Exception {
    var r =
        api(
            "POST",
            "/meetings",
            coachToken,
            "{\"settingId\":\"%s\",\"heldOn\":\"%s\",\"outsiders\":[\"Gast van de gemeente\"]}"
                .formatted(s.setting, on));
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
    return JsonPath.read(r.getContentAsString(), "$.id");
  }

  String observation(String key, String meeting, UUID person, String behaviour, int rating) {
    return """
        {"idempotencyKey":"%s","meetingId":"%s","personId":"%s",
         "ratings":[{"behaviourId":"%s","rating":%d}],"note":"Vroeg eerst het team","brightSpot":true}
        """
        .formatted(key, meeting, person, behaviour, rating);
  }

  int observations() {
    return jdbc.sql("SELECT count(*) FROM observation WHERE client_id = :c")
        .param("c", s.client.value())
        .query(Integer.class)
        .single();
  }

  @Test
  void aNewFrameworkHoldsTheDefaultSetInDutchAndEnglishOnce() throws Exception {
    String first = api("GET", "/behaviours", coachToken, null).getContentAsString();
    List<String> nl = JsonPath.read(first, "$[*].nameNl");
    List<String> en = JsonPath.read(first, "$[*].nameEn");
    assertThat(nl).hasSize(DefaultBehaviours.ALL.size()).contains("Geeft directe feedback");
    assertThat(en).contains("Asks for input before deciding", "Lets the team own the solution");
    assertThat(DefaultBehaviours.ALL).hasSizeBetween(10, 14);
    assertThat(behaviourIds()).hasSize(DefaultBehaviours.ALL.size());
  }

  @Test
  void coachesAddRenameReorderRetireAndLinkBehaviours() throws Exception {
    var added =
        api(
            "POST",
            "/behaviours",
            coachToken,
            "{\"nameNl\":\"Houdt tijd in de gaten\",\"nameEn\":\"Keeps time\"}");
    assertThat(added.getStatus()).isEqualTo(201);
    String id = JsonPath.read(added.getContentAsString(), "$.id");
    assertThat(behaviourIds()).last().isEqualTo(id);
    api("PUT", "/behaviours/" + id, coachToken, "{\"nameEn\":\"Watches the time\",\"move\":-1}");
    List<String> ids = behaviourIds();
    assertThat(ids.get(ids.size() - 2)).isEqualTo(id);
    var retired = api("PUT", "/behaviours/" + id, coachToken, "{\"retired\":true}");
    assertThat(JsonPath.<Boolean>read(retired.getContentAsString(), "$.retired")).isTrue();
    assertThat(JsonPath.<String>read(retired.getContentAsString(), "$.nameEn"))
        .isEqualTo("Watches the time");
    var noName = api("POST", "/behaviours", coachToken, "{\"nameNl\":\" \",\"nameEn\":\"x\"}");
    assertThat(noName.getStatus()).isEqualTo(422);
    var foreignAgreement =
        api(
            "PUT",
            "/behaviours/" + id,
            coachToken,
            "{\"agreementIds\":[\"" + UUID.randomUUID() + "\"]}");
    assertThat(foreignAgreement.getStatus()).isEqualTo(422);
  }

  @Test
  void aMeetingOfASettingStartsWithItsMembersAndTakesOutsiders() throws Exception {
    String id = meeting(ObservationScenario.daysAgo(0));
    String json = api("GET", "/meetings/" + id, coachToken, null).getContentAsString();
    List<String> people = JsonPath.read(json, "$.attendees[*].personId");
    assertThat(people).hasSize(5).contains(s.mia.toString(), s.els.toString(), null);
    assertThat(JsonPath.<String>read(json, "$.title")).isEqualTo("MT Wijkzorg");
    var adHoc = api("POST", "/meetings", coachToken, "{\"heldOn\":\"2026-02-30\",\"people\":[]}");
    assertThat(adHoc.getStatus()).isEqualTo(422);
    var noTitle = api("POST", "/meetings", coachToken, "{\"heldOn\":\"2026-02-03\"}");
    assertThat(noTitle.getStatus()).isEqualTo(422);
    var changed =
        api(
            "PUT",
            "/meetings/" + id + "/attendees",
            coachToken,
            "{\"people\":[\"%s\",\"%s\"],\"outsiders\":[]}".formatted(s.els, s.dirk));
    assertThat(JsonPath.<List<String>>read(changed.getContentAsString(), "$.attendees[*].personId"))
        .containsExactlyInAnyOrder(s.els.toString(), s.dirk.toString());
  }

  @Test
  void anObservationStoresItsDerivedConstellationAndARetryMakesNoSecond() throws Exception {
    String meeting = meeting(ObservationScenario.daysAgo(1));
    String behaviour = behaviourIds().get(0);
    String key = UUID.randomUUID().toString();
    var first =
        api("POST", "/observations", coachToken, observation(key, meeting, s.els, behaviour, 4));
    assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(201);
    String id = JsonPath.read(first.getContentAsString(), "$.id");
    var again =
        api("POST", "/observations", coachToken, observation(key, meeting, s.els, behaviour, 4));
    assertThat(again.getStatus()).isEqualTo(200);
    assertThat(JsonPath.<String>read(again.getContentAsString(), "$.id")).isEqualTo(id);
    assertThat(observations()).isEqualTo(1);

    String json = api("GET", "/observations/" + id, coachToken, null).getContentAsString();
    assertThat(JsonPath.<String>read(json, "$.observation.dominant"))
        .isEqualTo("SUPERIORS_PRESENT");
    assertThat(JsonPath.<String>read(json, "$.observation.present"))
        .isEqualTo("SUPERIORS_PRESENT,DIRECT_REPORTS_PRESENT,PEERS_PRESENT,OUTSIDERS_PRESENT");
    assertThat(JsonPath.<List<String>>read(json, "$.constellation[*].relation"))
        .containsExactlyInAnyOrder("MANAGER", "PEER", "DIRECT_REPORT", "NOT_OF_CLIENT");
    assertThat(JsonPath.<Integer>read(json, "$.ratings[0].rating")).isEqualTo(4);
  }

  @Test
  void badCapturesAreRefusedWithAMessageAndWriteNothing() throws Exception {
    String meeting = meeting(ObservationScenario.daysAgo(0));
    String behaviour = behaviourIds().get(0);
    for (int rating : new int[] {0, 6}) {
      var r =
          api(
              "POST",
              "/observations",
              coachToken,
              observation(UUID.randomUUID().toString(), meeting, s.els, behaviour, rating));
      assertThat(r.getStatus()).isEqualTo(422);
      assertThat(r.getContentAsString()).contains("1").contains("5");
    }
    var notThere =
        api(
            "POST",
            "/observations",
            coachToken,
            observation(UUID.randomUUID().toString(), meeting, s.dirk, behaviour, 3));
    assertThat(notThere.getStatus()).isEqualTo(422);
    var unknownBehaviour =
        api(
            "POST",
            "/observations",
            coachToken,
            observation(
                UUID.randomUUID().toString(), meeting, s.els, UUID.randomUUID().toString(), 3));
    assertThat(unknownBehaviour.getStatus()).isEqualTo(422);
    var foreignMeeting =
        api(
            "POST",
            "/observations",
            coachToken,
            observation(
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), s.els, behaviour, 3));
    assertThat(foreignMeeting.getStatus()).isEqualTo(422);
    var foreignEngagement =
        mvc.perform(
                post("/api/v1/clients/"
                        + s.client
                        + "/engagements/"
                        + UUID.randomUUID()
                        + "/observations")
                    .header("Authorization", bearer(coachToken))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        observation(UUID.randomUUID().toString(), meeting, s.els, behaviour, 3)))
            .andReturn()
            .getResponse();
    assertThat(foreignEngagement.getStatus()).isEqualTo(404);
    assertThat(api("GET", "/observations/" + UUID.randomUUID(), coachToken, null).getStatus())
        .isEqualTo(404);
    var noKey =
        api(
            "POST",
            "/observations",
            coachToken,
            observation("", meeting, s.els, behaviour, 3).replace("\"idempotencyKey\":\"\",", ""));
    assertThat(noKey.getStatus()).isEqualTo(422);
    assertThat(observations()).isZero();
  }

  @Test
  void anObservedBehaviourIsRetiredNotDeleted() throws Exception {
    String meeting = meeting(ObservationScenario.daysAgo(0));
    List<String> ids = behaviourIds();
    api(
        "POST",
        "/observations",
        coachToken,
        observation(UUID.randomUUID().toString(), meeting, s.els, ids.get(0), 5));
    assertThat(api("DELETE", "/behaviours/" + ids.get(0), coachToken, null).getStatus())
        .isEqualTo(422);
    assertThat(api("DELETE", "/behaviours/" + ids.get(1), coachToken, null).getStatus())
        .isEqualTo(204);
    api("PUT", "/behaviours/" + ids.get(0), coachToken, "{\"retired\":true}");
    var onRetired =
        api(
            "POST",
            "/observations",
            coachToken,
            observation(UUID.randomUUID().toString(), meeting, s.els, ids.get(0), 5));
    assertThat(onRetired.getStatus()).isEqualTo(422);
    String profile =
        api("GET", "/people/" + s.els + "/profile", coachToken, null).getContentAsString();
    assertThat(JsonPath.<List<String>>read(profile, "$.profile.behaviours[*].behaviourId"))
        .contains(ids.get(0));
  }

  @Test
  void theProfileCountsPerConstellationAndIsReleasedRevocably() throws Exception {
    String withManager = meeting(ObservationScenario.daysAgo(2));
    String behaviour = behaviourIds().get(0);
    api(
        "POST",
        "/observations",
        coachToken,
        observation(UUID.randomUUID().toString(), withManager, s.els, behaviour, 2));
    var adHoc =
        api(
            "POST",
            "/meetings",
            coachToken,
            "{\"title\":\"Teamoverleg\",\"heldOn\":\"%s\",\"people\":[\"%s\",\"%s\"]}"
                .formatted(ObservationScenario.daysAgo(1), s.els, s.ruud));
    String teamMeeting = JsonPath.read(adHoc.getContentAsString(), "$.id");
    for (int rating : new int[] {4, 5}) {
      api(
          "POST",
          "/observations",
          coachToken,
          observation(UUID.randomUUID().toString(), teamMeeting, s.els, behaviour, rating));
    }
    String profile =
        api("GET", "/people/" + s.els + "/profile?period=month", coachToken, null)
            .getContentAsString();
    String line = "$.profile.behaviours[?(@.behaviourId == '" + behaviour + "')]";
    assertThat(JsonPath.<List<Integer>>read(profile, line + ".all.count")).containsExactly(3);
    assertThat(
            JsonPath.<List<Integer>>read(
                profile, line + ".byConstellation.SUPERIORS_PRESENT.count"))
        .containsExactly(1);
    assertThat(
            JsonPath.<List<Double>>read(
                profile, line + ".byConstellation.DIRECT_REPORTS_PRESENT.mean"))
        .containsExactly(4.5);
    assertThat(JsonPath.<List<Object>>read(profile, "$.observations[*]")).hasSize(3);

    String elsToken = s.users.token(s.elsUser, s.client);
    assertThat(api("GET", "/people/" + s.els + "/profile", elsToken, null).getStatus())
        .isEqualTo(403);
    assertThat(
            api("PUT", "/people/" + s.els + "/release", coachToken, "{\"released\":true}")
                .getStatus())
        .isEqualTo(200);
    assertThat(api("GET", "/people/" + s.els + "/profile", elsToken, null).getStatus())
        .isEqualTo(200);
    assertThat(api("GET", "/people/" + s.piet + "/profile", elsToken, null).getStatus())
        .isEqualTo(403);
    assertThat(api("GET", "/observations", elsToken, null).getStatus()).isEqualTo(403);
    api("PUT", "/people/" + s.els + "/release", coachToken, "{\"released\":false}");
    assertThat(api("GET", "/people/" + s.els + "/profile", elsToken, null).getStatus())
        .isEqualTo(403);
    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_event WHERE type LIKE 'PROFILE_RELEASE%'")
                .query(Integer.class)
                .single())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void theCaptureScreenSubmitsWithTheSessionAndTheRetryIsIdempotent() throws Exception {
    String meeting = meeting(ObservationScenario.daysAgo(0));
    String behaviour = behaviourIds().get(0);
    String body = observation(UUID.randomUUID().toString(), meeting, s.els, behaviour, 4);
    var first =
        mvc.perform(
                post(s.page() + "/observations")
                    .with(asUser(s.coach))
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andReturn()
            .getResponse();
    assertThat(first.getStatus()).isEqualTo(201);
    var retry =
        mvc.perform(
                post(s.page() + "/observations")
                    .with(asUser(s.coach))
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andReturn()
            .getResponse();
    assertThat(retry.getStatus()).isEqualTo(200);
    var bad =
        mvc.perform(
                post(s.page() + "/observations")
                    .with(asUser(s.coach))
                    .with(csrf())
                    .header("Accept-Language", "nl")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        observation(UUID.randomUUID().toString(), meeting, s.els, behaviour, 9)))
            .andReturn()
            .getResponse();
    assertThat(bad.getStatus()).isEqualTo(422);
    assertThat(bad.getContentAsString()).contains("\"error\"");
    assertThat(observations()).isEqualTo(1);
  }

  @Test
  void thePagesRenderForTheCoach() throws Exception {
    String meeting = meeting(ObservationScenario.daysAgo(0));
    api(
        "POST",
        "/observations",
        coachToken,
        observation(UUID.randomUUID().toString(), meeting, s.els, behaviourIds().get(0), 4));
    UserAccount c = s.coach;
    for (String path :
        List.of(
            s.page() + "/behaviours",
            s.page() + "/meetings",
            s.page() + "/meetings/" + meeting,
            s.page() + "/meetings/" + meeting + "/observe",
            "/c/" + s.client + "/observe",
            s.page() + "/observations",
            s.page() + "/people/" + s.els + "/profile",
            s.page()
                + "/people/"
                + s.els
                + "/profile?period=month&constellation=SUPERIORS_PRESENT")) {
      var r = mvc.perform(get(path).with(asUser(c))).andReturn().getResponse();
      assertThat(r.getStatus()).as(path).isEqualTo(200);
    }
    var observe =
        mvc.perform(get("/c/" + s.client + "/observe").with(asUser(c)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(observe).contains("MT Wijkzorg");
  }
}
