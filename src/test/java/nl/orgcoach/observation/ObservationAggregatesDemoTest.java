package nl.orgcoach.observation;

import static nl.orgcoach.support.TestUsers.asUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo's HR login opens the aggregates of the demo engagement and sees figures somewhere in the
 * top two levels of the tree, not only suppressed cells.
 */
@IntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(
    properties = {"orgcoach.demo.enabled=true", "orgcoach.demo.password=demo-wachtwoord-42"})
class ObservationAggregatesDemoTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired AccessAdministration administration;
  @Autowired org.springframework.context.ApplicationContext context;
  String token;

  @Test
  void theDemoHrLoginSeesSomeFigures() throws Exception {
    nl.orgcoach.access.ClientId clientId =
        administration.clientNamed("Zorggroep IJsselland").orElseThrow();
    UUID client = clientId.value();
    UserAccount hr = administration.findByEmail("hr@zorggroep-ijsselland.nl").orElseThrow();
    token = nl.orgcoach.support.TestUsers.in(context).token(hr, clientId);
    UUID engagement =
        jdbc.sql(
                """
                SELECT e.id FROM engagement e WHERE e.client_id = :c
                AND EXISTS (SELECT 1 FROM observation o WHERE o.engagement_id = e.id)
                """)
            .param("c", client)
            .query(UUID.class)
            .list()
            .get(0);
    String base = "/c/" + client + "/engagements/" + engagement + "/observation-aggregates";
    List<String> statuses = new ArrayList<>();
    String top = json(base, hr);
    statuses.addAll(JsonPath.read(top, "$.rows[*].cells[*].status"));
    for (String unit : JsonPath.<List<String>>read(top, "$.rows[?(@.drillable)].unitId")) {
      statuses.addAll(JsonPath.read(json(base + "?unit=" + unit, hr), "$.rows[*].cells[*].status"));
    }
    long shown = statuses.stream().filter("SHOWN"::equals).count();
    System.out.println(
        "demo aggregates, top two levels: "
            + shown
            + " shown of "
            + statuses.stream().filter(s -> !"NONE".equals(s)).count()
            + " cells with observations");
    assertThat(shown).isGreaterThanOrEqualTo(3);
    String page =
        mvc.perform(get(base).with(asUser(hr))).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("data-status=\"SHOWN\"");
  }

  private String json(String pagePath, UserAccount user) throws Exception {
    String api = pagePath.replaceFirst("^/c/", "/api/v1/clients/");
    return mvc.perform(
            get(api)
                .header("Authorization", nl.orgcoach.support.TestUsers.bearer(token(user)))
                .accept(MediaType.APPLICATION_JSON))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private String token(UserAccount user) {
    return token;
  }
}
