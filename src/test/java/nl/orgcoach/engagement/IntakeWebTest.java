package nl.orgcoach.engagement;

import static nl.orgcoach.support.TestUsers.asUser;
import static nl.orgcoach.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Question intake links: made by the coach, used without an account, revoked (MockMvc). */
@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class IntakeWebTest {

  private static final Pattern LINK = Pattern.compile("/intake/([A-Za-z0-9_-]{43})");
  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEvents events;

  EngagementFixture fx;
  UUID engagement;
  UUID subTeam = UUID.randomUUID();

  @BeforeEach
  void setUp() {
    fx = new EngagementFixture(context);
    jdbc.sql(
            """
            INSERT INTO unit (id, client_id, external_id, name, kind, parent_id)
            VALUES (:id, :c, 'sub', 'Nachtdienst Noord', 'team', :p)
            """)
        .param("id", subTeam)
        .param("c", fx.client.value())
        .param("p", fx.teamA)
        .update();
    engagement =
        context
            .getBean(EngagementService.class)
            .open(fx.scope, fx.coach, fx.draft("Roosters", fx.coach))
            .value();
  }

  /** Each public submission of these tests comes from its own address (the throttle is per IP). */
  private static RequestPostProcessor from(String address) {
    return r -> {
      r.setRemoteAddr(address);
      return r;
    };
  }

  private static RequestPostProcessor fresh() {
    int n = ADDRESSES.incrementAndGet();
    return from("10.40." + (n / 250) + "." + (n % 250 + 1));
  }

  private String makeLink(UUID unit) throws Exception {
    MockHttpServletRequestBuilder request =
        post("/c/{c}/engagements/{e}/intake-links", fx.client, engagement)
            .with(asUser(fx.coach))
            .with(csrf())
            .header("HX-Request", "true");
    if (unit != null) {
      request.param("unitId", unit.toString());
    }
    String body =
        mvc.perform(request)
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("data-testid=\"intake-link-url\"")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    Matcher m = LINK.matcher(body);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private MockHttpServletRequestBuilder submit(String token) {
    return post("/intake/{t}", token).with(fresh());
  }

  private long questions() {
    return jdbc.sql("SELECT COUNT(*) FROM question WHERE client_id = :c")
        .param("c", fx.client.value())
        .query(Long.class)
        .single();
  }

  @Test
  void aTeamLinkPutsAQuestionOwnedByThatTeamWithTheAskersName() throws Exception {
    String token = makeLink(fx.teamA);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM intake_link WHERE token_hash = :h OR token_hash = :t")
                .param("h", nl.orgcoach.support.TenantFixture.sha256(token))
                .param("t", token)
                .query(Long.class)
                .single())
        .as("only the hash is stored")
        .isEqualTo(1);
    mvc.perform(get("/intake/{t}", token))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-testid=\"intake-unit-fixed\"")))
        .andExpect(content().string(containsString("Team Noord")))
        .andExpect(content().string(not(containsString("main-nav"))))
        .andExpect(content().string(not(containsString("_csrf"))))
        .andExpect(request -> assertThat(request.getRequest().getSession(false)).isNull());
    mvc.perform(
            submit(token)
                .param("askerName", "Fatima")
                .param("unitId", fx.teamB.toString()) // ignored: the link is for Team Noord
                .param("level", "TEAM")
                .param("text", "Mogen wij ons rooster zelf maken?"))
        .andExpect(redirectedUrl("/intake/" + token + "/thanks"));
    mvc.perform(get("/intake/{t}/thanks", token))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-testid=\"intake-thanks\"")));
    var row =
        jdbc.sql(
                """
                SELECT owner_kind, owner_unit_id, channel, asker_name, asker_person_id, status
                FROM question WHERE client_id = :c
                """)
            .param("c", fx.client.value())
            .query(
                (rs, n) ->
                    List.of(
                        rs.getString(1),
                        String.valueOf(rs.getObject(2)),
                        rs.getString(3),
                        rs.getString(4),
                        String.valueOf(rs.getObject(5)),
                        rs.getString(6)))
            .single();
    assertThat(row)
        .containsExactly("TEAM", fx.teamA.toString(), "INTAKE", "Fatima", "null", "OPEN");
    assertThat(
            jdbc.sql("SELECT used_count FROM intake_link WHERE client_id = :c")
                .param("c", fx.client.value())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(events.stream(QuestionAsked.class))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.channel()).isEqualTo(Channel.INTAKE);
              assertThat(e.ownerKind()).isEqualTo(OwnerKind.TEAM);
              assertThat(e.client()).isEqualTo(fx.client);
            });
    // The coach finds it in the inbox with the asker's name.
    mvc.perform(get("/c/{c}/engagements/{e}/inbox", fx.client, engagement).with(asUser(fx.coach)))
        .andExpect(content().string(containsString("Mogen wij ons rooster zelf maken?")))
        .andExpect(content().string(containsString("via intake link: Fatima")));
  }

  @Test
  void anEngagementLinkOffersTheScopeAndItsSubtreeAndRefusesAUnitOutsideIt() throws Exception {
    String token = makeLink(null);
    mvc.perform(get("/intake/{t}", token))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Nachtdienst Noord")))
        .andExpect(content().string(containsString("Team Zuid")))
        .andExpect(content().string(not(containsString(">Directie<"))));
    mvc.perform(
            submit(token)
                .param("askerName", "Fatima")
                .param("unitId", subTeam.toString())
                .param("level", "INDIVIDUAL")
                .param("text", "Hoe plan ik mijn nachten?"))
        .andExpect(status().is3xxRedirection());
    long before = questions();
    mvc.perform(
            submit(token)
                .param("askerName", "Fatima")
                .param("unitId", fx.top.toString())
                .param("level", "TEAM")
                .param("text", "Buiten het traject"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("outside the scope")))
        .andExpect(content().string(containsString("Buiten het traject")));
    assertThat(questions()).isEqualTo(before);
  }

  @Test
  void badInputGetsALocalisedMessageAnd422AndWritesNothing() throws Exception {
    String token = makeLink(fx.teamA);
    long before = questions();
    mvc.perform(
            submit(token)
                .header("Accept-Language", "nl")
                .param("askerName", " ")
                .param("level", "TEAM")
                .param("forManagement", "true")
                .param("text", "x".repeat(2001)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("data-testid=\"error-askerName\"")))
        .andExpect(content().string(containsString("Verplicht.")))
        .andExpect(content().string(containsString("Hoogstens 2000 tekens.")))
        .andExpect(content().string(containsString("vraag aan de directie is een vraag over")));
    mvc.perform(
            submit(token)
                .param("askerName", "Fatima")
                .param("level", "SOMETHING")
                .param("decisionId", "not-a-uuid")
                .param("text", "Vraag"))
        .andExpect(status().isUnprocessableContent());
    mvc.perform(
            submit(token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("askerName=Fatima&level=TEAM&text=" + "y".repeat(30_000)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("more text than this form takes")));
    assertThat(questions()).isEqualTo(before);
    assertThat(
            jdbc.sql("SELECT used_count FROM intake_link WHERE client_id = :c")
                .param("c", fx.client.value())
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void anOrganisationQuestionForManagementIsOwnedByManagement() throws Exception {
    String token = makeLink(fx.teamB);
    UUID decision = decisionOf(engagement);
    mvc.perform(
            submit(token)
                .param("askerName", "Fatima")
                .param("level", "ORGANISATION")
                .param("forManagement", "true")
                .param("decisionId", decision.toString())
                .param("text", "Waarom beslist de directie over onze roosters?"))
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.sql("SELECT owner_kind || '/' || level FROM question WHERE decision_id = :d")
                .param("d", decision)
                .query(String.class)
                .single())
        .isEqualTo("MANAGEMENT/ORGANISATION");
  }

  private UUID decisionOf(UUID engagementId) {
    return jdbc.sql("SELECT id FROM management_decision WHERE engagement_id = :e")
        .param("e", engagementId)
        .query(UUID.class)
        .single();
  }

  @Test
  void aNameOfExactlyOnePersonOfTheUnitIsRecordedWithoutTellingTheAsker() throws Exception {
    String token = makeLink(fx.teamA);
    String matched =
        mvc.perform(
                submit(token)
                    .param("askerName", "els  DE vries")
                    .param("level", "TEAM")
                    .param("text", "Vraag van Els"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    String unmatched =
        mvc.perform(
                submit(token)
                    .param("askerName", "Iemand Anders")
                    .param("level", "TEAM")
                    .param("text", "Vraag van iemand"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(matched).isEqualTo(unmatched).isEqualTo("/intake/" + token + "/thanks");
    assertThat(
            jdbc.sql("SELECT asker_person_id FROM question WHERE text = 'Vraag van Els'")
                .query(UUID.class)
                .single())
        .isEqualTo(fx.els);
    assertThat(
            jdbc.sql("SELECT asker_person_id FROM question WHERE text = 'Vraag van iemand'")
                .query(UUID.class)
                .optional())
        .isEmpty();
  }

  @Test
  void revokedExpiredAndUnknownLinksAllLookTheSame() throws Exception {
    String revoked = makeLink(fx.teamA);
    String expired = makeLink(fx.teamB);
    UUID revokedId =
        jdbc.sql("SELECT id FROM intake_link WHERE token_hash = :h")
            .param("h", nl.orgcoach.support.TenantFixture.sha256(revoked))
            .query(UUID.class)
            .single();
    mvc.perform(
            post("/c/{c}/engagements/{e}/intake-links/{l}/revoke", fx.client, engagement, revokedId)
                .with(asUser(fx.coach))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("revoked")));
    jdbc.sql("UPDATE intake_link SET expires_at = :t WHERE token_hash = :h")
        .param("t", java.time.OffsetDateTime.now().minusMinutes(1))
        .param("h", nl.orgcoach.support.TenantFixture.sha256(expired))
        .update();
    String unknown = "A".repeat(43);
    String malformed = "kort";
    String first = null;
    for (String token : List.of(revoked, expired, unknown, malformed)) {
      String body =
          mvc.perform(get("/intake/{t}", token))
              .andExpect(status().isNotFound())
              .andExpect(content().string(containsString("This link is not available")))
              .andReturn()
              .getResponse()
              .getContentAsString();
      if (first == null) {
        first = body;
      }
      assertThat(body).isEqualTo(first);
      mvc.perform(
              submit(token).param("askerName", "X").param("level", "TEAM").param("text", "Vraag"))
          .andExpect(status().isNotFound());
    }
    assertThat(questions()).isZero();
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_event WHERE client_id = :c AND type IN ('INTAKE_LINK_CREATED', 'INTAKE_LINK_REVOKED')")
                .param("c", fx.client.value())
                .query(Long.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void oneAddressIsThrottledAfterTenSubmissions() throws Exception {
    String token = makeLink(fx.teamA);
    RequestPostProcessor address = fresh();
    for (int i = 0; i < 10; i++) {
      mvc.perform(
              post("/intake/{t}", token)
                  .with(address)
                  .param("askerName", "Bot")
                  .param("level", "TEAM")
                  .param("text", "Vraag " + i))
          .andExpect(status().is3xxRedirection());
    }
    mvc.perform(
            post("/intake/{t}", token)
                .with(address)
                .param("askerName", "Bot")
                .param("level", "TEAM")
                .param("text", "Nog een"))
        .andExpect(status().isTooManyRequests())
        .andExpect(content().string(containsString("try again in a few minutes")));
    mvc.perform(submit(token).param("askerName", "Mens").param("level", "TEAM").param("text", "Ik"))
        .andExpect(status().is3xxRedirection());
    assertThat(questions()).isEqualTo(11);
  }

  @Test
  void aLinkOfOneClientNeverReachesAnother() throws Exception {
    ClientId other = fx.users.client("Ander");
    UUID foreignUnit = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO unit (id, client_id, external_id, name, kind) VALUES (:id, :c, 'x', 'Vreemd Team', 'team')")
        .param("id", foreignUnit)
        .param("c", other.value())
        .update();
    String token = makeLink(null);
    mvc.perform(get("/intake/{t}", token))
        .andExpect(content().string(not(containsString("Vreemd Team"))));
    mvc.perform(
            submit(token)
                .param("askerName", "Fatima")
                .param("unitId", foreignUnit.toString())
                .param("level", "TEAM")
                .param("text", "Via een vreemde eenheid"))
        .andExpect(status().isUnprocessableContent());
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM question WHERE client_id = :c OR owner_unit_id = :u")
                .param("c", other.value())
                .param("u", foreignUnit)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void theAskersNameIsForTheCoachesOnly() throws Exception {
    String token = makeLink(fx.teamA);
    mvc.perform(
            submit(token)
                .param("askerName", "Fatima Yilmaz")
                .param("level", "TEAM")
                .param("text", "Wie maakt het rooster?"))
        .andExpect(status().is3xxRedirection());
    UUID question =
        jdbc.sql("SELECT id FROM question WHERE client_id = :c")
            .param("c", fx.client.value())
            .query(UUID.class)
            .single();
    UUID intervention =
        context
            .getBean(InterventionService.class)
            .record(
                fx.scope,
                fx.coach,
                engagement,
                new Intervention.Draft(
                    "TEAM_COACHING",
                    "2026-03-02",
                    "60",
                    List.of(fx.coach.id()),
                    List.of(fx.els),
                    List.of(),
                    List.of(question),
                    null,
                    List.of(),
                    List.of()));
    String path =
        "/api/v1/clients/"
            + fx.client
            + "/engagements/"
            + engagement
            + "/interventions/"
            + intervention;
    mvc.perform(get(path).header("Authorization", bearer(fx.users.token(fx.coach, fx.client))))
        .andExpect(jsonPath("$.questions[0].askerName").value("Fatima Yilmaz"));
    for (var reader : List.of(fx.hr, fx.employee)) {
      mvc.perform(get(path).header("Authorization", bearer(fx.users.token(reader, fx.client))))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.questions[0].text").value("Wie maakt het rooster?"))
          .andExpect(content().string(not(containsString("Fatima"))));
    }
  }

  @Test
  void theApiMakesListsAndRevokesLinksForCoachesOnly() throws Exception {
    String coachToken = fx.users.token(fx.coach, fx.client);
    String base = "/api/v1/clients/" + fx.client + "/engagements/" + engagement + "/intake-links";
    String created =
        mvc.perform(
                post(base)
                    .header("Authorization", bearer(coachToken))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"unitId\":\"" + fx.teamA + "\",\"validDays\":14}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.unitName").value("Team Noord"))
            .andExpect(jsonPath("$.url").value(containsString("/intake/")))
            .andExpect(jsonPath("$.active").value(true))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = created.replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
    mvc.perform(get(base).header("Authorization", bearer(coachToken)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].usedCount").value(0))
        .andExpect(jsonPath("$[0].url").doesNotExist());
    mvc.perform(
            post(base)
                .header("Authorization", bearer(coachToken))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"unitId\":\"" + fx.top + "\",\"validDays\":0}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(org.hamcrest.Matchers.hasItems("unitId", "validDays")));
    mvc.perform(post(base + "/" + id + "/revoke").header("Authorization", bearer(coachToken)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.active").value(false));
    String hrToken = fx.users.token(fx.hr, fx.client);
    mvc.perform(get(base).header("Authorization", bearer(hrToken)))
        .andExpect(status().isForbidden());
  }
}
