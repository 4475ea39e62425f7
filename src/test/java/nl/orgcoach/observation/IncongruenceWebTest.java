package nl.orgcoach.observation;

import static nl.orgcoach.support.TestUsers.asUser;
import static nl.orgcoach.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/**
 * The incongruence analysis end to end, over observations captured in the small chart of {@link
 * ObservationScenario} (so every constellation is derived from real reporting lines): Els is
 * favourable on two behaviours with her manager Mia present and unfavourable with only her report
 * Ruud present; everybody else is consistent. Exactly Els × those two behaviours is flagged,
 * through the page and the API, with the evidence one click away; nothing is flagged below the
 * evidence rule; bad parameters get a message.
 */
@IntegrationTest
@AutoConfigureMockMvc
class IncongruenceWebTest {

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;
  @Autowired ObservationService observations;
  @Autowired JdbcClient jdbc;

  ObservationScenario s;
  String token;
  UUID b1;
  UUID b2;
  UUID b3;

  @BeforeEach
  void scenario() {
    s = new ObservationScenario(context);
    token = s.users.token(s.coach, s.client);
    List<UUID> behaviours = s.incongruentEls(observations);
    b1 = behaviours.get(0);
    b2 = behaviours.get(1);
    b3 = behaviours.get(2);
  }

  Map<UUID, Integer> ratings(int first, int second, int third) {
    return ObservationScenario.ratings(List.of(b1, b2, b3), first, second, third);
  }

  MockHttpServletResponse api(String query, String language) throws Exception {
    return mvc.perform(
            get(s.api() + "/incongruence" + query)
                .header("Authorization", bearer(token))
                .header("Accept-Language", language)
                .accept(MediaType.APPLICATION_JSON))
        .andReturn()
        .getResponse();
  }

  MockHttpServletResponse page(String query, String language) throws Exception {
    return mvc.perform(
            get(s.page() + "/incongruence" + query)
                .with(asUser(s.coach))
                .header("Accept-Language", language))
        .andReturn()
        .getResponse();
  }

  @Test
  void theConstellationsAreDerivedFromTheReportingLines() {
    Map<String, Integer> els = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT dominant, count(*) AS n FROM observation WHERE person_id = :p GROUP BY dominant")
        .param("p", s.els)
        .query((rs, n) -> els.put(rs.getString(1), rs.getInt(2)))
        .list();
    assertThat(els)
        .containsOnly(Map.entry("SUPERIORS_PRESENT", 8), Map.entry("DIRECT_REPORTS_PRESENT", 8));
  }

  @Test
  void exactlyTheIncongruentPersonIsFlaggedInTheApiWithItsEvidence() throws Exception {
    MockHttpServletResponse r = api("", "en");
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
    String json = r.getContentAsString();
    Set<String> flagged = new HashSet<>();
    List<Map<String, Object>> findings = JsonPath.read(json, "$.findings");
    for (Map<String, Object> f : findings) {
      flagged.add(f.get("personId") + " " + f.get("behaviourId"));
    }
    assertThat(flagged).containsExactlyInAnyOrder(s.els + " " + b1, s.els + " " + b2);
    assertThat(JsonPath.<Integer>read(json, "$.outcomes.FLAGGED")).isEqualTo(2);
    assertThat(JsonPath.<Integer>read(json, "$.ratings")).isEqualTo(72 * 3);
    assertThat(JsonPath.<Integer>read(json, "$.people")).isEqualTo(5);
    assertThat(JsonPath.<Integer>read(json, "$.settings.minObservations")).isEqualTo(3);
    assertThat(JsonPath.<Double>read(json, "$.settings.margin")).isEqualTo(0.20);
    assertThat(JsonPath.<Double>read(json, "$.settings.minProbability")).isEqualTo(0.95);
    assertThat(JsonPath.<Integer>read(json, "$.settings.minBehaviours")).isEqualTo(2);
    assertThat(JsonPath.<Integer>read(json, "$.settings.minPeriods")).isEqualTo(2);
    assertThat(JsonPath.<String>read(json, "$.computedAt")).isNotBlank();
    assertThat(JsonPath.<Integer>read(json, "$.durationMs")).isGreaterThanOrEqualTo(0);

    String first = "$.findings[?(@.behaviourId == '" + b1 + "')]";
    assertThat(JsonPath.<List<String>>read(json, first + ".personName"))
        .containsExactly("Els de Vries");
    List<Map<String, Object>> evidence = JsonPath.read(json, first + ".constellations[*]");
    assertThat(evidence)
        .extracting(e -> e.get("constellation") + " " + e.get("n") + " " + e.get("favourable"))
        .containsExactly("SUPERIORS_PRESENT 8 8", "DIRECT_REPORTS_PRESENT 8 0");
    // the client's norm there: Mia 5/10, Els 8/8, Piet 6/12, Ruud 6/12 with a superior present
    assertThat(evidence.get(0).get("clientN")).isEqualTo(42);
    assertThat(num(evidence.get(0).get("clientFavourableRate"))).isCloseTo(25 / 42.0, within());
    assertThat(evidence.get(1).get("clientN")).isEqualTo(30);
    List<Map<String, Object>> pairs = JsonPath.read(json, first + ".pairs[*]");
    assertThat(pairs).hasSize(1);
    Map<String, Object> pair = pairs.get(0);
    assertThat(pair.get("shown")).isEqualTo("ABOVE_NORM");
    assertThat(pair.get("behavioursShown")).isEqualTo(2);
    assertThat(num(pair.get("normGap"))).isCloseTo(25 / 42.0 - 11 / 30.0, within());
    assertThat(num(pair.get("probabilityAbove"))).isGreaterThanOrEqualTo(0.95);
    assertThat(num(pair.get("low"))).isLessThan(num(pair.get("normedGap")));
    assertThat(num(pair.get("high"))).isGreaterThan(num(pair.get("normedGap")));
    assertThat(JsonPath.<List<Object>>read(json, first + ".test.h")).isNotEmpty();

    // the evidence: one request away, exactly Els's observations of that behaviour
    String link = JsonPath.<List<String>>read(json, first + ".observations").get(0);
    String behind =
        mvc.perform(get(link).header("Authorization", bearer(token)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<String>>read(behind, "$[*].observation.personId"))
        .hasSize(16)
        .containsOnly(s.els.toString());
    assertThat(JsonPath.<List<String>>read(behind, "$[*].observation.dominant"))
        .containsOnly("SUPERIORS_PRESENT", "DIRECT_REPORTS_PRESENT");
  }

  static double num(Object json) {
    return ((Number) json).doubleValue();
  }

  static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  /** The page's HTML, and what the assertions need from it. */
  record Html(String text) {
    int count(String testId) {
      return text.split("data-testid=\"" + testId + "\"", -1).length - 1;
    }

    /** The text of the first element with this test id (its markup stripped). */
    String text(String testId) {
      Matcher m =
          Pattern.compile(
                  "<(\\w+)[^>]*data-testid=\"" + testId + "\"[^>]*>(.*?)</\\1>", Pattern.DOTALL)
              .matcher(text);
      return m.find() ? m.group(2).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip() : "";
    }

    List<String> all(String regex) {
      Matcher m = Pattern.compile(regex).matcher(text);
      List<String> found = new java.util.ArrayList<>();
      while (m.find()) {
        found.add(m.groupCount() >= 2 ? m.group(1) + " " + m.group(2) : m.group(1));
      }
      return found;
    }
  }

  Html html(MockHttpServletResponse r) throws Exception {
    return new Html(r.getContentAsString());
  }

  @Test
  void thePageShowsTheFlagsTheirEvidenceAndTheRule() throws Exception {
    MockHttpServletResponse r = page("", "en");
    assertThat(r.getStatus()).isEqualTo(200);
    Html doc = html(r);
    assertThat(
            doc.all(
                "data-testid=\"incongruence-flag\"[^>]*?data-person=\"([^\"]+)\"\\s+data-behaviour=\"([^\"]+)\""))
        .containsExactlyInAnyOrder(s.els + " " + b1, s.els + " " + b2);
    assertThat(doc.text("flag-person")).isEqualTo("Els de Vries");
    assertThat(doc.text("rule-minObservations")).contains("At least 3");
    assertThat(doc.text("rule-margin")).contains("20%");
    assertThat(doc.text("rule-minProbability")).contains("95");
    assertThat(doc.text("rule-repetition")).contains("at least 2");
    assertThat(doc.text).contains("not a verdict");
    assertThat(doc.count("incongruence-none")).isZero();
    assertThat(doc.count("flag-constellation")).isEqualTo(4);
    assertThat(doc.text("incongruence-summary"))
        .contains(
            "More favourable with ‘Superiors present’ than with ‘Direct reports present’, beyond the"
                + " usual gap");

    // one click to the observations behind the flag: the profile, filtered on the behaviour
    List<String> hrefs = doc.all("data-testid=\"flag-evidence\" href=\"([^\"]+)\"");
    assertThat(hrefs).hasSize(2);
    String href = hrefs.get(0).replace("&amp;", "&");
    assertThat(href)
        .startsWith(s.page() + "/people/" + s.els + "/profile?behaviour=")
        .endsWith("#observations");
    Html behind =
        html(
            mvc.perform(get(href.substring(0, href.indexOf('#'))).with(asUser(s.coach)))
                .andReturn()
                .getResponse());
    assertThat(behind.count("profile-observation")).isEqualTo(16);

    // Dutch
    Html nl = html(page("", "nl"));
    assertThat(nl.text).contains("<h1 class=\"h3\">Incongruentie</h1>");
    assertThat(nl.text("rule-minObservations")).contains("Minstens 3");
  }

  @Test
  void nothingIsFlaggedBelowTheEvidenceRule() throws Exception {
    // Els has 8 ratings per constellation: a minimum of 9 leaves nothing to compare
    String json = api("?minObservations=9", "en").getContentAsString();
    assertThat(JsonPath.<List<Object>>read(json, "$.findings")).isEmpty();
    assertThat(JsonPath.<Integer>read(json, "$.settings.minObservations")).isEqualTo(9);
    // the gap is in two behaviours: asking for three leaves it unrepeated
    json = api("?minBehaviours=3", "en").getContentAsString();
    assertThat(JsonPath.<List<Object>>read(json, "$.findings")).isEmpty();
    assertThat(JsonPath.<Integer>read(json, "$.outcomes.NOT_REPEATED")).isEqualTo(2);

    Html doc = html(page("?minBehaviours=3", "en"));
    assertThat(doc.count("incongruence-flag")).isZero();
    assertThat(doc.text("incongruence-none"))
        .contains("Nothing meets the evidence rule")
        .contains("not the same as all fine");
    assertThat(doc.text("rule-repetition")).contains("at least 3");
    assertThat(doc.all("id=\"minBehaviours\"[^>]*value=\"([^\"]*)\"")).containsExactly("3");
  }

  @Test
  void badParametersGetAMessageInTheUsersLanguage() throws Exception {
    MockHttpServletResponse r = api("?margin=0.05", "nl");
    assertThat(r.getStatus()).isEqualTo(422);
    assertThat(JsonPath.<String>read(r.getContentAsString(), "$.errors[0].field"))
        .isEqualTo("margin");
    assertThat(JsonPath.<String>read(r.getContentAsString(), "$.detail"))
        .startsWith("De marge moet een getal van 0,1 tot en met 0,5");
    r = api("?minProbability=0.5", "en");
    assertThat(r.getStatus()).isEqualTo(422);
    assertThat(JsonPath.<String>read(r.getContentAsString(), "$.detail"))
        .startsWith("The probability must be a number from 0.9 to 0.999");
    assertThat(api("?minObservations=2", "en").getStatus()).isEqualTo(422);
    assertThat(api("?minPeriods=x", "en").getStatus()).isEqualTo(422);
    // a Dutch decimal comma is a number
    assertThat(api("?margin=0,25", "nl").getStatus()).isEqualTo(200);

    r = page("?minObservations=abc", "en");
    assertThat(r.getStatus()).isEqualTo(422);
    Html doc = html(r);
    assertThat(doc.text("form-error"))
        .isEqualTo("The minimum per constellation must be a whole number from 3 to 100.");
    assertThat(doc.text).contains("is-invalid");
    assertThat(doc.count("incongruence-flag")).isZero();
  }

  @Test
  void aResultIsKeptUntilAnObservationIsAdded() throws Exception {
    String first = api("", "en").getContentAsString();
    assertThat(JsonPath.<Boolean>read(first, "$.cached")).isFalse();
    String second = api("", "en").getContentAsString();
    assertThat(JsonPath.<Boolean>read(second, "$.cached")).isTrue();
    assertThat(JsonPath.<String>read(second, "$.computedAt"))
        .isEqualTo(JsonPath.<String>read(first, "$.computedAt"));
    // other settings are another analysis
    assertThat(JsonPath.<Boolean>read(api("?margin=0.3", "en").getContentAsString(), "$.cached"))
        .isFalse();

    UUID meeting = s.meeting(observations, LocalDate.of(2026, 3, 2), s.els, s.ruud);
    s.observe(observations, meeting, s.els, ratings(1, 1, 4));
    String third = api("", "en").getContentAsString();
    assertThat(JsonPath.<Boolean>read(third, "$.cached")).isFalse();
    assertThat(JsonPath.<Integer>read(third, "$.ratings")).isEqualTo(72 * 3 + 3);
  }
}
