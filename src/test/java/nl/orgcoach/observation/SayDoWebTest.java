package nl.orgcoach.observation;

import static nl.orgcoach.support.TestUsers.asUser;
import static nl.orgcoach.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Say–do end to end: the person gives their own account (page and API, bad input refused with
 * nothing written), the coach sees it beside the observations with the gap and its reading, the
 * person finds the form and (once released) the profile on their own page.
 */
@IntegrationTest
@AutoConfigureMockMvc
class SayDoWebTest {

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;

  ObservationScenario s;
  List<UUID> behaviours;

  @BeforeEach
  void scenario() {
    s = new ObservationScenario(context);
    behaviours = s.behaviours();
  }

  MockHttpServletResponse api(String method, String path, UserAccount user, String json)
      throws Exception {
    var request = "PUT".equals(method) ? put(path) : get(path);
    request
        .header("Authorization", bearer(s.users.token(user, s.client)))
        .accept(MediaType.APPLICATION_JSON);
    if (json != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(json);
    }
    return mvc.perform(request).andReturn().getResponse();
  }

  MockHttpServletResponse page(String path, UserAccount user) throws Exception {
    return mvc.perform(get(path).with(asUser(user)).locale(Locale.ENGLISH))
        .andReturn()
        .getResponse();
  }

  @Test
  void thePersonGivesTheirAccountOnThePageAndUpdatesItLater() throws Exception {
    s.meeting(ObservationScenario.daysAgo(3));
    String form = s.page() + "/self-assessment";
    MockHttpServletResponse empty = page(form, s.elsUser);
    assertThat(empty.getStatus()).isEqualTo(200);
    assertThat(empty.getContentAsString())
        .contains("How often do I do this?")
        .contains("data-testid=\"self-assessment-behaviour\"")
        .doesNotContain("data-testid=\"self-assessment-last\"");

    UUID first = behaviours.get(0);
    UUID second = behaviours.get(1);
    var saved =
        mvc.perform(
                post(form)
                    .with(asUser(s.elsUser))
                    .with(csrf())
                    .param("rating." + first, "4")
                    .param("comment." + first, "In het MT minder dan in mijn team")
                    .param("rating." + second, "")
                    .param("comment." + second, ""))
            .andReturn()
            .getResponse();
    assertThat(saved.getStatus()).isEqualTo(302);
    assertThat(saved.getRedirectedUrl()).endsWith("/self-assessment?saved=true");
    assertThat(s.selfAssessments()).isEqualTo(1);

    // The form comes back filled in with the latest account; saving again keeps both.
    String again = page(form + "?saved=true", s.elsUser).getContentAsString();
    assertThat(again)
        .contains("data-testid=\"self-assessment-saved\"")
        .contains("In het MT minder dan in mijn team")
        .containsPattern("name=\"rating\\." + first + "\" value=\"4\"[^>]*checked");
    mvc.perform(post(form).with(asUser(s.elsUser)).with(csrf()).param("rating." + first, "3"));
    assertThat(s.selfAssessments()).isEqualTo(2);
    String json = api("GET", s.api() + "/self-assessment", s.elsUser, null).getContentAsString();
    assertThat(JsonPath.<Integer>read(json, "$.answers[0].rating")).isEqualTo(3);
    assertThat(JsonPath.<List<Object>>read(json, "$.submissions")).hasSize(2);
  }

  @Test
  void badInputIsRefusedInTheUsersLanguageAndNothingIsWritten() throws Exception {
    s.meeting(ObservationScenario.daysAgo(3));
    String form = s.page() + "/self-assessment";
    UUID b = behaviours.get(0);
    var tooHigh =
        mvc.perform(
                post(form)
                    .with(asUser(s.elsUser))
                    .with(csrf())
                    .locale(Locale.forLanguageTag("nl"))
                    .param("rating." + b, "7"))
            .andReturn()
            .getResponse();
    assertThat(tooHigh.getStatus()).isEqualTo(422);
    assertThat(tooHigh.getContentAsString()).contains("Kies van 1 tot 5");
    var foreign =
        mvc.perform(
                post(form)
                    .with(asUser(s.elsUser))
                    .with(csrf())
                    .locale(Locale.ENGLISH)
                    .param("rating." + UUID.randomUUID(), "3"))
            .andReturn()
            .getResponse();
    assertThat(foreign.getStatus()).isEqualTo(422);
    assertThat(foreign.getContentAsString()).contains("not (or no longer) in the engagement");
    var nothing =
        mvc.perform(post(form).with(asUser(s.elsUser)).with(csrf()).locale(Locale.ENGLISH))
            .andReturn()
            .getResponse();
    assertThat(nothing.getStatus()).isEqualTo(422);
    assertThat(nothing.getContentAsString()).contains("Answer at least one behaviour");

    // A retired behaviour is no longer asked; in the API a 422 problem, nothing half-written.
    String coach = s.users.token(s.coach, s.client);
    mvc.perform(
        put(s.api() + "/behaviours/" + behaviours.get(1))
            .header("Authorization", bearer(coach))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"retired\":true}"));
    var retired =
        mvc.perform(
                put(s.api() + "/self-assessment")
                    .header("Authorization", bearer(s.users.token(s.elsUser, s.client)))
                    .header("Accept-Language", "nl")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"answers":[{"behaviourId":"%s","rating":4},
                                    {"behaviourId":"%s","rating":2}]}
                        """
                            .formatted(b, behaviours.get(1))))
            .andReturn()
            .getResponse();
    assertThat(retired.getStatus()).isEqualTo(422);
    assertThat(retired.getContentType()).contains("problem+json");
    assertThat(retired.getContentAsString()).contains("staat niet (meer) in het gedragskader");
    var twice =
        api(
            "PUT",
            s.api() + "/self-assessment",
            s.elsUser,
            "{\"answers\":[{\"behaviourId\":\"%s\",\"rating\":4},{\"behaviourId\":\"%s\",\"rating\":5}]}"
                .formatted(b, b));
    assertThat(twice.getStatus()).isEqualTo(422);
    var longComment =
        api(
            "PUT",
            s.api() + "/self-assessment",
            s.elsUser,
            "{\"answers\":[{\"behaviourId\":\"%s\",\"rating\":4,\"comment\":\"%s\"}]}"
                .formatted(b, "x".repeat(301)));
    assertThat(longComment.getStatus()).isEqualTo(422);
    assertThat(s.selfAssessments()).isZero();

    var ok =
        api(
            "PUT",
            s.api() + "/self-assessment",
            s.elsUser,
            "{\"answers\":[{\"behaviourId\":\"%s\",\"rating\":4,\"comment\":\"ok\"}]}"
                .formatted(b));
    assertThat(ok.getStatus()).as(ok.getContentAsString()).isEqualTo(200);
    assertThat(JsonPath.<String>read(ok.getContentAsString(), "$.answers[0].comment"))
        .isEqualTo("ok");
    assertThat(s.selfAssessments()).isEqualTo(1);
  }

  @Test
  void onlyAPersonWhoTakesPartGivesTheirAccount() throws Exception {
    // No meeting yet: Els does not take part as far as observation knows.
    assertThat(page(s.page() + "/self-assessment", s.elsUser).getStatus()).isEqualTo(403);
    UUID meeting = s.meeting(ObservationScenario.daysAgo(1));
    assertThat(page(s.page() + "/self-assessment", s.elsUser).getStatus()).isEqualTo(200);
    // The coach sees that Els has not given her account yet.
    s.observe(meeting, s.els, behaviours.get(0), 3);
    assertThat(page(s.page() + "/people/" + s.els + "/profile", s.coach).getContentAsString())
        .contains("data-testid=\"say-do-none\"")
        .contains("No own account given yet.");
    // Users without a person of their own have no account to give.
    assertThat(api("GET", s.api() + "/self-assessment", s.manager, null).getStatus())
        .isEqualTo(403);
    assertThat(api("GET", s.api() + "/self-assessment", s.coach, null).getStatus()).isEqualTo(403);
  }

  @Test
  void theCoachSeesSayBesideDoAndThePersonAfterRelease() throws Exception {
    UUID meeting = s.meeting(ObservationScenario.daysAgo(5));
    UUID asks = behaviours.get(0);
    UUID feedback = behaviours.get(1);
    UUID follows = behaviours.get(2);
    s.observe(meeting, s.els, asks, 2, 2, 2); // says 5: higher, beyond the uncertainty
    s.observe(meeting, s.els, feedback, 3, 4, 3, 4); // says 4: within
    s.observe(meeting, s.els, follows, 1); // says 5: one observation is too few
    OffsetDateTime earlier = OffsetDateTime.now(ZoneOffset.UTC).minusDays(40);
    s.selfAssess(s.els, asks, 2, null, earlier);
    UUID[] ids = {asks, feedback, follows};
    int[] says = {5, 4, 5};
    StringBuilder answers = new StringBuilder();
    for (int i = 0; i < ids.length; i++) {
      answers
          .append(i == 0 ? "" : ",")
          .append("{\"behaviourId\":\"%s\",\"rating\":%d}".formatted(ids[i], says[i]));
    }
    var put =
        api("PUT", s.api() + "/self-assessment", s.elsUser, "{\"answers\":[" + answers + "]}");
    assertThat(put.getStatus()).as(put.getContentAsString()).isEqualTo(200);

    // The coaches' list shows that Els gave her account.
    assertThat(page(s.page() + "/observations", s.coach).getContentAsString())
        .contains("data-testid=\"observed-person-self-assessed\"")
        .contains(OffsetDateTime.now(ZoneOffset.UTC).toLocalDate().toString());

    String json =
        api("GET", s.api() + "/people/" + s.els + "/profile", s.coach, null).getContentAsString();
    assertThat(JsonPath.<List<String>>read(json, "$.sayDo.behaviours[0:3].gap.reading"))
        .containsExactly("HIGHER", "WITHIN", "TOO_FEW");
    assertThat(JsonPath.<Double>read(json, "$.sayDo.behaviours[0].gap.gap")).isEqualTo(3.0);
    assertThat(JsonPath.<Integer>read(json, "$.sayDo.behaviours[0].gap.n")).isEqualTo(3);
    assertThat(JsonPath.<List<Integer>>read(json, "$.sayDo.behaviours[1].gap.distribution"))
        .containsExactly(0, 0, 2, 2, 0);
    assertThat(JsonPath.<List<Object>>read(json, "$.sayDo.submissions")).hasSize(2);
    assertThat(JsonPath.<String>read(json, "$.sayDo.settings")).contains("at least 3");

    // As of 30 days ago: the earlier account (2 on asking for input) and no observations yet.
    String asOf =
        api(
                "GET",
                s.api() + "/people/" + s.els + "/profile?asOf=" + ObservationScenario.daysAgo(30),
                s.coach,
                null)
            .getContentAsString();
    assertThat(JsonPath.<Integer>read(asOf, "$.sayDo.behaviours[0].self")).isEqualTo(2);
    assertThat(JsonPath.<Integer>read(asOf, "$.sayDo.behaviours[0].gap.n")).isZero();

    String profile = s.page() + "/people/" + s.els + "/profile";
    assertThat(page(profile, s.coach).getContentAsString())
        .contains("data-testid=\"say-do\"")
        .contains("rates themself higher than observed; the difference is larger than the")
        .contains("the difference is within the uncertainty")
        .contains("too few observations to say");

    // Before release: the person has the form on their own page, not the profile.
    String mine = page("/c/" + s.client + "/my/observation", s.elsUser).getContentAsString();
    assertThat(mine)
        .contains("Samen sturen")
        .contains("data-testid=\"my-observation-form\"")
        .doesNotContain("data-testid=\"my-observation-profile\"");
    assertThat(page(profile, s.elsUser).getStatus()).isEqualTo(403);
    assertThat(page("/c/" + s.client + "/my", s.elsUser).getContentAsString())
        .contains("/c/" + s.client + "/my/observation");

    mvc.perform(
        put(s.api() + "/people/" + s.els + "/release")
            .header("Authorization", bearer(s.users.token(s.coach, s.client)))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"released\":true}"));
    assertThat(page("/c/" + s.client + "/my/observation", s.elsUser).getContentAsString())
        .contains("data-testid=\"my-observation-profile\"")
        .contains("/people/" + s.els + "/profile");
    assertThat(page(profile, s.elsUser).getContentAsString())
        .contains("data-testid=\"say-do\"")
        .contains("rates themself higher than observed");
    // Ruud takes part too, but sees only his own list: no profile of his was released.
    assertThat(page("/c/" + s.client + "/my/observation", s.ruudUser).getContentAsString())
        .doesNotContain("data-testid=\"my-observation-profile\"")
        .doesNotContain(s.els.toString());
  }
}
