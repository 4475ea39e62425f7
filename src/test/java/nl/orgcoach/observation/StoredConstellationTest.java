package nl.orgcoach.observation;

import static nl.orgcoach.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import nl.orgcoach.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The constellation is stored with the observation: a reorganisation afterwards, even one that
 * rewrites the reporting-line history of the observation's date (a corrected import), changes
 * nothing of what was stored, while a new observation follows the new lines.
 */
@IntegrationTest
@AutoConfigureMockMvc
class StoredConstellationTest {

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;

  @Test
  void aReorganisationDoesNotRewriteStoredObservations() throws Exception {
    ObservationScenario s = new ObservationScenario(context);
    String token = s.users.token(s.coach, s.client);
    String meeting = post(s, token, "/meetings", meetingJson(s, 30));
    String behaviour = JsonPath.<List<String>>read(get(s, token, "/behaviours"), "$[*].id").get(0);
    String before = post(s, token, "/observations", observationJson(s, meeting, behaviour));
    String stored = get(s, token, "/observations/" + before);
    assertThat(relationOf(stored, s.mia)).isEqualTo("MANAGER");
    assertThat(relationOf(stored, s.ruud)).isEqualTo("DIRECT_REPORT");

    // The reorganisation: Els reports to Dirk from now on, Ruud moves to Piet, and the history is
    // rewritten as if it had always been so.
    jdbc.sql("UPDATE person SET manager_id = :m WHERE id = :p")
        .param("m", s.dirk)
        .param("p", s.els)
        .update();
    jdbc.sql("UPDATE person SET manager_id = :m WHERE id = :p")
        .param("m", s.piet)
        .param("p", s.ruud)
        .update();
    jdbc.sql("UPDATE person_history SET manager_person_id = :m WHERE person_id = :p")
        .param("m", s.dirk)
        .param("p", s.els)
        .update();
    jdbc.sql("UPDATE person_history SET manager_person_id = :m WHERE person_id = :p")
        .param("m", s.piet)
        .param("p", s.ruud)
        .update();

    String after = get(s, token, "/observations/" + before);
    assertThat(relationOf(after, s.mia)).isEqualTo("MANAGER");
    assertThat(relationOf(after, s.ruud)).isEqualTo("DIRECT_REPORT");
    assertThat(JsonPath.<String>read(after, "$.observation.dominant"))
        .isEqualTo("SUPERIORS_PRESENT");
    assertThat(JsonPath.<String>read(after, "$.observation.present"))
        .isEqualTo(JsonPath.<String>read(stored, "$.observation.present"));

    String meetingNow = post(s, token, "/meetings", meetingJson(s, 0));
    String now = post(s, token, "/observations", observationJson(s, meetingNow, behaviour));
    String fresh = get(s, token, "/observations/" + now);
    assertThat(relationOf(fresh, s.mia)).as("Mia and Els now share Dirk").isEqualTo("PEER");
    assertThat(relationOf(fresh, s.ruud)).isEqualTo("NO_REPORTING_LINE");
    assertThat(relationOf(fresh, s.piet)).isEqualTo("NO_REPORTING_LINE");
    assertThat(JsonPath.<String>read(fresh, "$.observation.dominant")).isEqualTo("PEERS_PRESENT");
  }

  private static String relationOf(String json, UUID person) {
    List<String> r =
        JsonPath.read(json, "$.constellation[?(@.personId == '" + person + "')].relation");
    return r.isEmpty() ? null : r.get(0);
  }

  private static String meetingJson(ObservationScenario s, int daysAgo) {
    return "{\"settingId\":\"%s\",\"heldOn\":\"%s\"}"
        .formatted(s.setting, ObservationScenario.daysAgo(daysAgo));
  }

  private static String observationJson(ObservationScenario s, String meeting, String behaviour) {
    return """
        {"idempotencyKey":"%s","meetingId":"%s","personId":"%s",
         "ratings":[{"behaviourId":"%s","rating":3}]}
        """
        .formatted(UUID.randomUUID(), meeting, s.els, behaviour);
  }

  private String post(ObservationScenario s, String token, String path, String json)
      throws Exception {
    var r =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        s.api() + path)
                    .header("Authorization", bearer(token))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
    return JsonPath.read(r.getContentAsString(), "$.id");
  }

  private String get(ObservationScenario s, String token, String path) throws Exception {
    var r =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        s.api() + path)
                    .header("Authorization", bearer(token)))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).isEqualTo(200);
    return r.getContentAsString();
  }
}
