package nl.orgcoach.engagement;

import static nl.orgcoach.support.TestUsers.asUser;
import static nl.orgcoach.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.orgcoach.support.IntegrationTest;
import nl.orgcoach.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** An intervention in a calendar (.ics), its start time, and the coachee's coming sessions. */
@IntegrationTest
@AutoConfigureMockMvc
class CalendarWebTest {

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;

  InterventionScenario s;
  LocalDate tomorrow = LocalDate.now(Trail.ZONE).plusDays(1);

  @BeforeEach
  void setUp() {
    s = new InterventionScenario(context);
  }

  /** A session tomorrow at 09:30 with Els in person and team A (Kim's unit) as a whole. */
  private UUID plannedSession(String startsAt) {
    return context
        .getBean(InterventionService.class)
        .record(
            s.fx.scope,
            s.fx.coach,
            s.engagement,
            new Intervention.Draft(
                "INDIVIDUAL_COACHING",
                tomorrow.toString(),
                "45",
                List.of(s.fx.coach.id()),
                List.of(s.fx.els),
                List.of(s.fx.teamA),
                List.of(s.question),
                InterventionScenario.NOTES,
                List.of(),
                List.of(),
                startsAt));
  }

  @Test
  void anInterventionWithoutAStartTimeIsAWholeDayEventWithoutNotes() throws Exception {
    String ics =
        mvc.perform(
                get("/c/{c}/interventions/{i}.ics", s.fx.client, s.intervention)
                    .with(asUser(s.otherEmployee)))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", containsString("text/calendar")))
            .andExpect(header().string("Content-Disposition", containsString(".ics")))
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(ics)
        .contains("\r\nDTSTART;VALUE=DATE:20260302\r\n")
        .contains("\r\nUID:" + s.intervention + "@orgcoach\r\n")
        .contains("SUMMARY:Team coaching – Roosters")
        .doesNotContain(InterventionScenario.NOTES);
  }

  @Test
  void aStartTimeFromTheFormMakesATimedEventInAmsterdamTime() throws Exception {
    mvc.perform(
            post("/c/{c}/engagements/{e}/interventions/new", s.fx.client, s.engagement)
                .with(asUser(s.fx.coach))
                .with(csrf())
                .param("type", "SUGGESTION")
                .param("heldOn", "2026-04-01")
                .param("startsAt", "14:15")
                .param("durationMinutes", "30")
                .param("coaches", s.fx.coach.id().toString())
                .param("questions", s.question.toString()))
        .andExpect(status().is3xxRedirection());
    UUID id =
        jdbc.sql("SELECT id FROM intervention WHERE held_on = DATE '2026-04-01'")
            .query(UUID.class)
            .single();
    mvc.perform(get("/c/{c}/interventions/{i}.ics", s.fx.client, id).with(asUser(s.fx.hr)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("TZID:Europe/Amsterdam")))
        .andExpect(
            content().string(containsString("DTSTART;TZID=Europe/Amsterdam:20260401T141500")))
        .andExpect(content().string(containsString("DTEND;TZID=Europe/Amsterdam:20260401T144500")));
    // a time that is no time is a localised 422, and nothing is written
    long before = jdbc.sql("SELECT COUNT(*) FROM intervention").query(Long.class).single();
    mvc.perform(
            post("/c/{c}/engagements/{e}/interventions/new", s.fx.client, s.engagement)
                .with(asUser(s.fx.coach))
                .with(csrf())
                .param("type", "SUGGESTION")
                .param("heldOn", "2026-04-02")
                .param("startsAt", "25:99")
                .param("durationMinutes", "30")
                .param("coaches", s.fx.coach.id().toString())
                .param("questions", s.question.toString()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("Not a time")));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM intervention").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void theApiTakesAndShowsTheStartTime() throws Exception {
    String token = s.fx.users.token(s.fx.coach, s.fx.client);
    mvc.perform(
            post("/api/v1/clients/{c}/engagements/{e}/interventions", s.fx.client, s.engagement)
                .header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"type":"SUGGESTION","heldOn":"2026-04-03","startsAt":"08:05",
                     "durationMinutes":"20","coaches":["%s"],"questions":["%s"]}
                    """
                        .formatted(s.fx.coach.id(), s.question)))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.startsAt").value("08:05:00"));
  }

  @Test
  void foreignOrUnknownInterventionsAreNotFound() throws Exception {
    EngagementFixture other = new EngagementFixture(context);
    mvc.perform(
            get("/c/{c}/interventions/{i}.ics", other.client, s.intervention)
                .with(asUser(other.coach)))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/c/{c}/interventions/{i}.ics", s.fx.client, UUID.randomUUID())
                .with(asUser(s.fx.coach)))
        .andExpect(status().isNotFound());
  }

  @Test
  void myComingSessionsListWhatIsPlannedForMeInPersonOrThroughMyTeam() throws Exception {
    UUID planned = plannedSession("09:30");
    mvc.perform(get("/c/{c}/my", s.fx.client).with(asUser(s.coachee)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-testid=\"my-coming-session\"")))
        .andExpect(content().string(containsString("09:30")))
        .andExpect(content().string(containsString("/interventions/" + planned + ".ics")));
    // Kim is in team A, which takes part as a whole
    mvc.perform(
            get("/api/v1/clients/{c}/my", s.fx.client)
                .header("Authorization", bearer(s.fx.users.token(s.otherEmployee, s.fx.client)))
                .accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.coming.length()").value(1))
        .andExpect(jsonPath("$.coming[0].id").value(planned.toString()))
        .andExpect(jsonPath("$.coming[0].coaches[0]").exists())
        .andExpect(
            jsonPath("$.coming[0].calendar")
                .value("/c/" + s.fx.client + "/interventions/" + planned + ".ics"));
    // Noor of team B takes no part: nothing coming
    UUID noor = UUID.randomUUID();
    TestPeople.insert(jdbc, s.fx.client, noor, "noor", "Noor", "Bakker", s.fx.teamB);
    mvc.perform(
            get("/c/{c}/my", s.fx.client)
                .with(
                    asUser(
                        s.fx.users.personUser(
                            nl.orgcoach.access.Role.EMPLOYEE, s.fx.client, noor))))
        .andExpect(content().string(containsString("data-testid=\"my-coming-none\"")));
  }
}
