package nl.orgcoach.observation;

import static nl.orgcoach.support.TestUsers.asUser;
import static nl.orgcoach.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.orgcoach.access.Role;
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
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The aggregates per unit and behaviour, through the API and the page, on the chart of {@link
 * ObservationScenario} plus three more people in Facilitair and one who moved from Wijkzorg Noord
 * to Facilitair after being observed. Observations are recorded through the API, in the latest
 * closed quarter.
 *
 * <ul>
 *   <li>behaviour 0: the team's Mia, Els, Piet, Ruud and the mover (5 in Wijkzorg Noord, where the
 *       mover was on the day) and Olga plus three in Facilitair (4): every cell shown;
 *   <li>behaviour 1: the team's four and Dirk of the top unit: the top shows 5, the team's 4 would
 *       give away Dirk (top minus team), so it is hidden;
 *   <li>behaviour 2: two people: fewer than 3 everywhere.
 * </ul>
 */
@IntegrationTest
@AutoConfigureMockMvc
class ObservationAggregatesTest {

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;

  ObservationScenario s;
  String coachToken;
  String hrToken;
  List<String> behaviours;
  LocalDate day;
  final UUID mover = UUID.randomUUID();
  final List<UUID> facilitair = new ArrayList<>();

  @BeforeEach
  void observe() throws Exception {
    s = new ObservationScenario(context);
    coachToken = s.users.token(s.coach, s.client);
    hrToken = s.users.token(s.hr, s.client);
    AggregatePeriod quarter = AggregatePeriod.latest(OffsetDateTime.now(ZoneOffset.UTC), 14);
    day = quarter.from().plusDays(10);
    person(mover, "Mo", "Verhuisd", s.other, null);
    history(mover, s.team, LocalDate.of(1900, 1, 1), day.plusDays(5));
    history(mover, s.other, day.plusDays(5), null);
    for (int i = 0; i < 3; i++) {
      UUID p = UUID.randomUUID();
      person(p, "Fa" + i, "Cilitair", s.other, null);
      history(p, s.other, LocalDate.of(1900, 1, 1), null);
      facilitair.add(p);
    }
    behaviours =
        JsonPath.read(api(s.api() + "/behaviours", coachToken).getContentAsString(), "$[*].id");
    List<UUID> everyone = new ArrayList<>(List.of(s.dirk, s.mia, s.els, s.piet, s.ruud, s.olga));
    everyone.add(mover);
    everyone.addAll(facilitair);
    String meeting = meeting(everyone);
    int k = 0;
    for (UUID p : List.of(s.mia, s.els, s.piet, s.ruud, mover, s.olga)) {
      record(meeting, p, Map.of(behaviours.get(0), 2 + k++ % 4));
    }
    for (UUID p : facilitair) {
      record(meeting, p, Map.of(behaviours.get(0), 5));
    }
    for (UUID p : List.of(s.mia, s.els, s.piet, s.ruud, s.dirk)) {
      record(meeting, p, Map.of(behaviours.get(1), 4));
    }
    record(meeting, s.mia, Map.of(behaviours.get(2), 1));
    record(meeting, s.els, Map.of(behaviours.get(2), 1));
  }

  @Test
  void hrSeesShownCellsAndSuppressedOnesWithoutNumbers() throws Exception {
    String top = api(s.api() + "/observation-aggregates", hrToken).getContentAsString();
    assertThat(JsonPath.<List<String>>read(top, "$.rows[*].name")).containsExactly("Directie");
    assertThat(JsonPath.<Integer>read(top, "$.rows[0].cells[0].people")).isEqualTo(9);
    assertThat(JsonPath.<Boolean>read(top, "$.rows[0].drillable")).isTrue();
    assertThat(JsonPath.<Integer>read(top, "$.threshold")).isEqualTo(3);

    MockHttpServletResponse r = api(s.api() + "/observation-aggregates?unit=" + s.top, hrToken);
    assertThat(r.getStatus()).isEqualTo(200);
    String body = r.getContentAsString();
    assertThat(JsonPath.<List<String>>read(body, "$.rows[*].name"))
        .containsExactly("Directie", "Facilitair", "Wijkzorg Noord");
    assertThat(JsonPath.<Boolean>read(body, "$.rows[0].total")).isTrue();
    // behaviour 0: the mover counts in Wijkzorg Noord, where they were on the day
    assertThat(JsonPath.<String>read(body, "$.rows[2].cells[0].status")).isEqualTo("SHOWN");
    assertThat(JsonPath.<Integer>read(body, "$.rows[2].cells[0].people")).isEqualTo(5);
    assertThat(JsonPath.<Integer>read(body, "$.rows[1].cells[0].people")).isEqualTo(4);
    // ratings 2,3,4,5,2 in the team: mean 3.2, 2 of 5 favourable
    assertThat(JsonPath.<Double>read(body, "$.rows[2].cells[0].mean")).isEqualTo(3.2);
    assertThat(JsonPath.<Double>read(body, "$.rows[2].cells[0].favourable")).isEqualTo(0.4);
    assertThat(JsonPath.<Integer>read(body, "$.rows[2].cells[0].observations")).isEqualTo(5);
    // behaviour 1: the top's 5 are shown, the team's 4 would give Dirk away
    assertThat(JsonPath.<Integer>read(body, "$.rows[0].cells[1].people")).isEqualTo(5);
    assertThat(JsonPath.<String>read(body, "$.rows[2].cells[1].status")).isEqualTo("HIDDEN");
    assertThat(JsonPath.<Map<String, Object>>read(body, "$.rows[2].cells[1]"))
        .containsOnlyKeys("behaviourId", "status");
    // behaviour 2: two people
    assertThat(JsonPath.<String>read(body, "$.rows[0].cells[2].status")).isEqualTo("FEW_PEOPLE");
    assertThat(JsonPath.<Map<String, Object>>read(body, "$.rows[0].cells[2]"))
        .containsOnlyKeys("behaviourId", "status");
    assertThat(JsonPath.<String>read(body, "$.rows[1].cells[3].status")).isEqualTo("NONE");
    for (UUID person : List.of(s.mia, s.els, s.dirk, mover)) {
      assertThat(body).doesNotContain(person.toString());
    }
    assertThat(body).doesNotContain("de Vries").doesNotContain("Verhuisd");
  }

  @Test
  void thePageIsAHeatmapThatDrillsDown() throws Exception {
    String page =
        mvc.perform(get(s.page() + "/observation-aggregates").with(asUser(s.hr)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("data-testid=\"aggregates-drill\"").contains("Directie");
    String drilled =
        mvc.perform(
                get(s.page() + "/observation-aggregates")
                    .param("unit", s.top.toString())
                    .header("Accept-Language", "en")
                    .with(asUser(s.hr)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(drilled)
        .contains("Wijkzorg Noord")
        .contains("Directie (total)")
        .contains("fewer than 3 people")
        .contains("hidden: protects a small group")
        .contains("obs-heat-")
        .contains("mean 3.2, 40% favourable (rating 4 or higher), 5 people, 5 observations")
        .doesNotContain("style=")
        .doesNotContain("de Vries");
  }

  @Test
  void aFrozenQuarterDoesNotChangeWithLaterObservationsOrAReorganisation() throws Exception {
    String before =
        api(s.api() + "/observation-aggregates?unit=" + s.top, hrToken).getContentAsString();
    String meeting = meeting(List.of(s.mia, s.els, s.piet, s.ruud));
    record(meeting, s.els, Map.of(behaviours.get(0), 1));
    // a reorganisation: Wijkzorg Noord moves under Facilitair, Olga moves to Wijkzorg Noord
    jdbc.sql("UPDATE unit SET parent_id = :p WHERE id = :u")
        .param("p", s.other)
        .param("u", s.team)
        .update();
    jdbc.sql("UPDATE person_history SET unit_id = :u WHERE person_id = :p")
        .param("u", s.team)
        .param("p", s.olga)
        .update();
    String after =
        api(s.api() + "/observation-aggregates?unit=" + s.top, hrToken).getContentAsString();
    assertThat(after).isEqualTo(before);
  }

  @Test
  void badInputIsAClearMessageAndForeignUnitsDoNotExist() throws Exception {
    MockHttpServletResponse r =
        mvc.perform(
                get(s.page() + "/observation-aggregates")
                    .param("from", "31-12-2025")
                    .header("Accept-Language", "nl")
                    .with(asUser(s.hr)))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).isEqualTo(422);
    assertThat(r.getContentAsString()).contains("Geen datum: gebruik jjjj-mm-dd.");
    r = api(s.api() + "/observation-aggregates?from=2026-05-01", hrToken);
    assertThat(r.getStatus()).isEqualTo(422);
    assertThat(r.getContentAsString()).contains("\"field\":\"from\"").contains("quarter");
    r =
        api(
            s.api() + "/observation-aggregates?from=" + day.plusYears(1).withDayOfMonth(1),
            hrToken);
    assertThat(r.getStatus()).isEqualTo(422);
    r = api(s.api() + "/observation-aggregates?unit=nonsense", hrToken);
    assertThat(r.getStatus()).isEqualTo(422);
    r = api(s.api() + "/observation-aggregates?unit=" + UUID.randomUUID(), hrToken);
    assertThat(r.getStatus()).isEqualTo(404);
  }

  @Test
  void theSponsorReadsThemOtherManagersAndEmployeesDoNot() throws Exception {
    UserAccount sponsor = s.users.personUser(Role.MANAGER, s.client, s.dirk);
    assertThat(
            api(s.api() + "/observation-aggregates", s.users.token(sponsor, s.client)).getStatus())
        .isEqualTo(200);
    assertThat(
            api(s.api() + "/observation-aggregates", s.users.token(s.manager, s.client))
                .getStatus())
        .isEqualTo(403);
    assertThat(
            api(s.api() + "/observation-aggregates", s.users.token(s.elsUser, s.client))
                .getStatus())
        .isEqualTo(403);
    assertThat(
            mvc.perform(get(s.page() + "/observation-aggregates").with(asUser(sponsor)))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(200);
    assertThat(
            mvc.perform(get(s.page()).with(asUser(s.hr)))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("data-testid=\"engagement-aggregates\"");
  }

  private String meeting(List<UUID> people) throws Exception {
    String ids = String.join("\",\"", people.stream().map(UUID::toString).toList());
    return JsonPath.read(
        post(
                s.api() + "/meetings",
                "{\"title\":\"Overleg\",\"heldOn\":\"%s\",\"people\":[\"%s\"]}".formatted(day, ids))
            .getContentAsString(),
        "$.id");
  }

  private void record(String meeting, UUID person, Map<String, Integer> ratings) throws Exception {
    StringBuilder r = new StringBuilder();
    ratings.forEach(
        (b, v) ->
            r.append(r.isEmpty() ? "" : ",")
                .append("{\"behaviourId\":\"%s\",\"rating\":%d}".formatted(b, v)));
    MockHttpServletResponse response =
        post(
            s.api() + "/observations",
            """
            {"idempotencyKey":"%s","meetingId":"%s","personId":"%s","ratings":[%s]}
            """
                .formatted(UUID.randomUUID(), meeting, person, r));
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
  }

  private void person(UUID id, String first, String last, UUID unit, UUID manager) {
    jdbc.sql(
            """
            INSERT INTO person (id, client_id, external_id, first_name, last_name, unit_id, manager_id)
            VALUES (:id, :c, :e, :f, :l, :u, :m)
            """)
        .param("id", id)
        .param("c", s.client.value())
        .param("e", "x-" + id)
        .param("f", first)
        .param("l", last)
        .param("u", unit)
        .param("m", manager)
        .update();
  }

  private void history(UUID person, UUID unit, LocalDate from, LocalDate to) {
    jdbc.sql(
            """
            INSERT INTO person_history (client_id, person_id, unit_id, manager_person_id, valid_from, valid_to)
            VALUES (:c, :p, :u, NULL, :f, :t)
            """)
        .param("c", s.client.value())
        .param("p", person)
        .param("u", unit)
        .param("f", from)
        .param("t", to)
        .update();
  }

  private MockHttpServletResponse api(String path, String token) throws Exception {
    return mvc.perform(
            get(java.net.URI.create(path))
                .header("Authorization", bearer(token))
                .accept(MediaType.APPLICATION_JSON))
        .andReturn()
        .getResponse();
  }

  private MockHttpServletResponse post(String path, String json) throws Exception {
    return mvc.perform(
            MockMvcRequestBuilders.post(java.net.URI.create(path))
                .header("Authorization", bearer(coachToken))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json))
        .andReturn()
        .getResponse();
  }
}
