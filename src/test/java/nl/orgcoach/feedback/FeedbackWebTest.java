package nl.orgcoach.feedback;

import static nl.orgcoach.support.TestUsers.asUser;
import static nl.orgcoach.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nl.orgcoach.support.IntegrationTest;
import nl.orgcoach.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A feedback round end to end through the API, the outbox and the rater links (MockMvc): start,
 * answer, bad input, progress without names, closing, results with the anonymity rule.
 */
@IntegrationTest
@AutoConfigureMockMvc
class FeedbackWebTest {

  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;

  FeedbackFixture fx;
  String coacheeToken;
  String coachToken;

  @BeforeEach
  void setUp() {
    fx = new FeedbackFixture(context);
    TestUsers users = TestUsers.in(context);
    coacheeToken = users.token(fx.coachee, fx.client);
    coachToken = users.token(fx.coach, fx.client);
  }

  private static RequestPostProcessor fresh() {
    int n = ADDRESSES.incrementAndGet();
    return r -> {
      r.setRemoteAddr("10.60." + (n / 250) + "." + (n % 250 + 1));
      return r;
    };
  }

  private String start(String token, String extraRater) throws Exception {
    String body =
        """
        {"closesOn": "%s",
         "behaviours": [{"text": "Ik vraag door voordat ik advies geef"}, {"text": "Ik geef ruimte"}],
         "raters": [{"personId": "%s", "group": "PEER"}, {"personId": "%s", "group": "PEER"},
                    {"personId": "%s", "group": "PEER", "language": "en"},
                    {"email": "%s", "group": "OTHER"}%s]}
        """
            .formatted(
                LocalDate.now().plusDays(10),
                fx.mo,
                fx.sam,
                fx.kim,
                fx.email("extern"),
                extraRater);
    String json =
        mvc.perform(
                post("/api/v1/clients/{c}/feedback/rounds", fx.client.value())
                    .header("Authorization", bearer(token))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
  }

  private MockHttpServletRequestBuilder answer(String token, String b1, String b2) {
    return post("/f/{t}", token).with(fresh()).param("b1", b1).param("b2", b2);
  }

  private long answers() {
    return jdbc.sql("SELECT COUNT(*) FROM feedback_answer WHERE client_id = :c")
        .param("c", fx.client.value())
        .query(Long.class)
        .single();
  }

  @Test
  void aRoundGoesFromInvitationsThroughAnswersToResultsThatHideSmallGroups() throws Exception {
    String round = start(coacheeToken, "");
    // Five mails: the four raters and Els for her own rating, each with a link in their language.
    assertThat(fx.mailsTo(fx.email("Mo"))).hasSize(1);
    assertThat(fx.mailsTo(fx.email("Els"))).hasSize(1);
    assertThat(fx.mailsTo(fx.email("Kim")).get(0)).contains("asks for your feedback");
    assertThat(fx.mailsTo(fx.email("Mo")).get(0)).contains("vraagt je om feedback");

    String mo = fx.linkFor(fx.email("Mo"));
    mvc.perform(get("/f/{t}", mo).with(fresh()).param("lang", "nl"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Ik vraag door voordat ik advies geef")))
        .andExpect(content().string(containsString("Niet gezien")));

    // Bad input changes nothing: a rating out of range, a missing choice, a forged token.
    mvc.perform(answer(mo, "7", "3"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(containsString("data-testid=\"error-b1\"")));
    mvc.perform(answer(mo, "4", "")).andExpect(status().isUnprocessableEntity());
    mvc.perform(answer(mo.substring(0, 42) + (mo.endsWith("A") ? "B" : "A"), "4", "4"))
        .andExpect(status().isNotFound());
    mvc.perform(answer("not-a-token", "4", "4")).andExpect(status().isNotFound());
    assertThat(answers()).isZero();

    mvc.perform(answer(mo, "4", "0").param("c1", "Vraagt echt door")).andExpect(status().isOk());
    // Editable until the round closes: a second answer replaces the first.
    mvc.perform(answer(mo, "5", "0").param("c1", "Vraagt echt door")).andExpect(status().isOk());
    mvc.perform(answer(fx.linkFor(fx.email("Sam")), "3", "2")).andExpect(status().isOk());
    assertThat(answers()).isEqualTo(4);

    // Progress: per group how many, never who; no results while open.
    mvc.perform(
            get("/api/v1/clients/{c}/feedback/rounds/{r}", fx.client.value(), round)
                .header("Authorization", bearer(coacheeToken)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.progress[?(@.group == 'PEER')].answered").value(2))
        .andExpect(jsonPath("$.progress[?(@.group == 'PEER')].invited").value(3))
        .andExpect(content().string(not(containsString("answeredAt"))));
    mvc.perform(
            get("/c/{c}/feedback/rounds/{r}", fx.client.value(), round).with(asUser(fx.coachee)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-testid=\"feedback-no-results\"")))
        .andExpect(content().string(not(containsString("data-testid=\"feedback-result\""))));
    mvc.perform(
            get("/api/v1/clients/{c}/feedback/rounds/{r}/results", fx.client.value(), round)
                .header("Authorization", bearer(coacheeToken)))
        .andExpect(jsonPath("$.closed").value(false))
        .andExpect(jsonPath("$.behaviours").isEmpty());

    // A reminder goes to the three who did not answer (Kim, the outsider, Els), with fresh links.
    String kimBefore = fx.linkFor(fx.email("Kim"));
    mvc.perform(
            post("/api/v1/clients/{c}/feedback/rounds/{r}/reminders", fx.client.value(), round)
                .header("Authorization", bearer(coacheeToken)))
        .andExpect(jsonPath("$.sent").value(3));
    mvc.perform(get("/f/{t}", kimBefore).with(fresh())).andExpect(status().isNotFound());
    String kim = fx.linkFor(fx.email("Kim"));
    mvc.perform(get("/f/{t}", kim).with(fresh()).param("lang", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Not seen")));
    mvc.perform(answer(kim, "4", "4").param("c1", "Good questions")).andExpect(status().isOk());
    mvc.perform(answer(fx.linkFor(fx.email("Els")), "2", "3")).andExpect(status().isOk());

    // Another employee cannot see Els's round.
    mvc.perform(
            get("/c/{c}/feedback/rounds/{r}", fx.client.value(), round)
                .with(asUser(fx.otherEmployee)))
        .andExpect(status().isNotFound());

    mvc.perform(
            post("/api/v1/clients/{c}/feedback/rounds/{r}/close", fx.client.value(), round)
                .header("Authorization", bearer(coacheeToken)))
        .andExpect(jsonPath("$.closed").value(true));
    // Closed: the link no longer opens, and a late answer changes nothing.
    long before = answers();
    mvc.perform(answer(kim, "1", "1")).andExpect(status().isNotFound());
    assertThat(answers()).isEqualTo(before);

    // Behaviour 1: three peers (5, 3, 4) shown with all others; behaviour 2: Mo did not see it,
    // so only two peers rated it and nothing of the others is shown.
    String results =
        mvc.perform(
                get("/api/v1/clients/{c}/feedback/rounds/{r}/results", fx.client.value(), round)
                    .header("Authorization", bearer(coacheeToken)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.closed").value(true))
            .andExpect(jsonPath("$.threshold").value(3))
            .andExpect(jsonPath("$.behaviours[0].result.self").value(2))
            .andExpect(jsonPath("$.behaviours[0].result.allOthers.outcome").value("SHOWN"))
            .andExpect(jsonPath("$.behaviours[0].result.allOthers.n").value(3))
            .andExpect(jsonPath("$.behaviours[0].result.allOthers.mean").value(4.0))
            .andExpect(jsonPath("$.behaviours[0].result.allOthers.rwg").value(0.5))
            .andExpect(jsonPath("$.behaviours[0].result.groups[0].group").value("PEER"))
            .andExpect(jsonPath("$.behaviours[0].result.groups[0].n").value(3))
            .andExpect(jsonPath("$.behaviours[0].result.comments[0]").value("Good questions"))
            .andExpect(jsonPath("$.behaviours[1].result.allOthers.outcome").value("HIDDEN"))
            .andExpect(jsonPath("$.behaviours[1].result.allOthers.n").doesNotExist())
            .andExpect(jsonPath("$.behaviours[1].result.groups[0].mean").doesNotExist())
            // Self 2 against all others 4.00: D = -2, below the placeholder norm's band
            // (mean D 0.09 ± 0.5 × 0.60); behaviour 2 has no "all others", so no category.
            .andExpect(jsonPath("$.behaviours[0].selfOther.category").value("UNDER_ESTIMATOR"))
            .andExpect(jsonPath("$.behaviours[0].selfOther.difference").value(-2.0))
            .andExpect(jsonPath("$.behaviours[1].selfOther").doesNotExist())
            .andExpect(jsonPath("$.selfOther.centre").value("MEAN_DIFFERENCE"))
            .andExpect(jsonPath("$.selfOther.m").value(0.5))
            .andExpect(jsonPath("$.selfOther.lower").value(closeTo(-0.21, 1e-9)))
            .andExpect(jsonPath("$.selfOther.upper").value(closeTo(0.39, 1e-9)))
            .andExpect(jsonPath("$.selfOther.placeholder").value(true))
            .andExpect(jsonPath("$.change.sd").value(0.8))
            .andExpect(jsonPath("$.change.reliability").value(0.7))
            .andExpect(jsonPath("$.change.placeholder").value(true))
            // No reference of the client published yet (the scheduler does, once a day, from the
            // rounds closed before that day): the placeholders.
            .andExpect(jsonPath("$.change.source").value("PLACEHOLDER"))
            .andExpect(jsonPath("$.change.sampleSize").value(0))
            .andExpect(jsonPath("$.change.minimumSampleSize").value(30))
            .andExpect(
                jsonPath("$.change.basis")
                    .value("placeholder (no reference of this client published yet)"))
            .andExpect(jsonPath("$.selfOther.source").value("PLACEHOLDER"))
            .andExpect(jsonPath("$.selfOther.sampleSize").value(0))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(results).doesNotContain(fx.email("Mo"), "Mo Test", fx.mo.toString());

    mvc.perform(get("/c/{c}/feedback/rounds/{r}", fx.client.value(), round).with(asUser(fx.coach)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-testid=\"feedback-result\"")))
        .andExpect(content().string(containsString("Vraagt echt door")))
        .andExpect(content().string(containsString("data-category=\"UNDER_ESTIMATOR\"")))
        .andExpect(content().string(containsString("data-testid=\"feedback-soa-settings\"")))
        .andExpect(
            content()
                .string(
                    containsString(
                        "s₁ and r: placeholder (no reference of this client has been published"
                            + " yet)")));
    // The coach read Els's results (the audit says so); Els reading her own is not recorded.
    var viewed =
        context
            .getBean(nl.orgcoach.access.AuditLog.class)
            .latest(500, nl.orgcoach.access.AuditType.FEEDBACK_RESULTS_VIEWED)
            .stream()
            .filter(e -> e.detail().contains(round))
            .toList();
    assertThat(viewed).hasSize(1);
    assertThat(viewed.get(0).actor()).isEqualTo(fx.coach.email());
  }

  @Test
  void startingWithBadInputSaysWhatIsWrongAndStoresNothing() throws Exception {
    long rounds = roundCount();
    mvc.perform(
            post("/api/v1/clients/{c}/feedback/rounds", fx.client.value())
                .header("Authorization", bearer(coacheeToken))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"closesOn": "2001-01-01",
                     "behaviours": [{"text": "a"}, {"text": "b"}, {"text": "c"}, {"text": "d"},
                                    {"text": "e"}, {"text": "f"}, {"text": "g"}],
                     "raters": [{"email": "nobody", "group": "PEER"},
                                {"personId": "%s", "group": "BOSS"}]}
                    """
                        .formatted(fx.mo)))
        .andExpect(status().isUnprocessableEntity());
    mvc.perform(
            post("/c/{c}/feedback/new", fx.client.value())
                .with(asUser(fx.coachee))
                .with(csrf())
                .param("behaviour1", "Ik luister")
                .param("closesOn", LocalDate.now().plusDays(5).toString()))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(containsString("data-testid=\"error-raters\"")));
    assertThat(roundCount()).isEqualTo(rounds);
  }

  @Test
  void aCoachStartsARoundForSomeoneFromTheFormWithOrgChartSuggestions() throws Exception {
    mvc.perform(
            get("/c/{c}/feedback/new", fx.client.value())
                .with(asUser(fx.coach))
                .param("person", fx.els.toString()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-testid=\"pick-Bram Test\"")))
        .andExpect(content().string(containsString("data-testid=\"pick-Ties Test\"")));
    String location =
        mvc.perform(
                post("/c/{c}/feedback/new", fx.client.value())
                    .with(asUser(fx.coach))
                    .with(csrf())
                    .param("person", fx.els.toString())
                    .param("behaviour1", "Ik luister")
                    .param("pick", fx.bram.toString(), fx.ties.toString())
                    .param("group_" + fx.bram, "MANAGER")
                    .param("group_" + fx.ties, "DIRECT_REPORT")
                    .param("email1", fx.email("partner"))
                    .param("group1", "OTHER")
                    .param("closesOn", LocalDate.now().plusDays(5).toString()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).contains("/feedback/rounds/");
    assertThat(fx.mailsTo(fx.email("Bram"))).hasSize(1);
    assertThat(fx.mailsTo(fx.email("partner"))).hasSize(1);
    // The manager may choose to be named.
    mvc.perform(answer(fx.linkFor(fx.email("Bram")), "4", "0").param("named", "1"))
        .andExpect(status().isOk());
    assertThat(
            jdbc.sql("SELECT named FROM feedback_rater WHERE email = :e")
                .param("e", fx.email("Bram"))
                .query(Boolean.class)
                .single())
        .isTrue();
    mvc.perform(get("/admin/outbox").with(asUser(fx.admin)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(fx.email("partner"))));
  }

  @Test
  void aBadRatingAForgedOrReusedTokenAndAClosedRoundGetAClearMessageAndChangeNothing()
      throws Exception {
    String round = start(coacheeToken, "");
    String mo = fx.linkFor(fx.email("Mo"));
    mvc.perform(answer(mo, "4", "3").param("c1", "Eerste")).andExpect(status().isOk());
    String before = storedAnswers();

    // Ratings out of range or not a number: the form again, with the message at the field.
    for (String bad : List.of("6", "-1", "abc", "3.5")) {
      mvc.perform(answer(mo, bad, "3").header("Accept-Language", "nl"))
          .andExpect(status().isUnprocessableEntity())
          .andExpect(content().string(containsString("data-testid=\"error-b1\"")))
          .andExpect(content().string(containsString("Een cijfer is 1 tot 5")));
    }
    // A forged token (right shape, never issued) and one of the wrong shape.
    mvc.perform(answer("A".repeat(43), "4", "4").header("Accept-Language", "nl"))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("Deze link is niet (meer) beschikbaar")));
    mvc.perform(answer("short-token", "4", "4")).andExpect(status().isNotFound());
    // A reused token: the link Kim had before a reminder gave her a fresh one.
    String kimOld = fx.linkFor(fx.email("Kim"));
    mvc.perform(
            post("/api/v1/clients/{c}/feedback/rounds/{r}/reminders", fx.client.value(), round)
                .header("Authorization", bearer(coacheeToken)))
        .andExpect(status().isOk());
    mvc.perform(answer(kimOld, "1", "1").header("Accept-Language", "en"))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("This link is not available")));
    assertThat(storedAnswers()).isEqualTo(before);

    // A closed round: the link no longer takes answers; closing or reminding again says it is
    // closed (422 problem details), and nothing changes.
    mvc.perform(
            post("/api/v1/clients/{c}/feedback/rounds/{r}/close", fx.client.value(), round)
                .header("Authorization", bearer(coacheeToken)))
        .andExpect(status().isOk());
    mvc.perform(answer(mo, "1", "1").header("Accept-Language", "nl"))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("Deze link is niet (meer) beschikbaar")));
    for (String action : List.of("close", "reminders")) {
      mvc.perform(
              post("/api/v1/clients/{c}/feedback/rounds/{r}/" + action, fx.client.value(), round)
                  .header("Authorization", bearer(coacheeToken))
                  .header("Accept-Language", "en"))
          .andExpect(status().isUnprocessableEntity())
          .andExpect(jsonPath("$.detail").value("The round is closed."));
    }
    assertThat(storedAnswers()).isEqualTo(before);
    assertThat(fx.mailsTo(fx.email("Kim"))).as("invitation and reminder, none after").hasSize(2);

    // The audit log: started, five invited (Els herself too), four reminded (not Mo, who had
    // answered), closed once (the refused second close leaves no entry).
    var audit = context.getBean(nl.orgcoach.access.AuditLog.class);
    java.util.function.Function<nl.orgcoach.access.AuditType, Long> entries =
        type -> audit.latest(1000, type).stream().filter(e -> e.detail().contains(round)).count();
    assertThat(entries.apply(nl.orgcoach.access.AuditType.FEEDBACK_ROUND_STARTED)).isEqualTo(1);
    assertThat(entries.apply(nl.orgcoach.access.AuditType.FEEDBACK_RATER_INVITED)).isEqualTo(5);
    assertThat(entries.apply(nl.orgcoach.access.AuditType.FEEDBACK_RATER_REMINDED)).isEqualTo(4);
    assertThat(entries.apply(nl.orgcoach.access.AuditType.FEEDBACK_ROUND_CLOSED)).isEqualTo(1);
    assertThat(audit.latest(1, nl.orgcoach.access.AuditType.FEEDBACK_ROUND_STARTED).get(0).actor())
        .isEqualTo(fx.coachee.email());
  }

  /** Every stored answer of the fixture's client, with when its rater answered. */
  private String storedAnswers() {
    return jdbc.sql(
            """
            SELECT r.email, r.answered_at, a.behaviour_id, a.rating, a.comment
            FROM feedback_answer a JOIN feedback_rater r ON r.id = a.rater_id
            WHERE a.client_id = :c ORDER BY r.email, a.behaviour_id
            """)
        .param("c", fx.client.value())
        .query(
            (rs, n) ->
                rs.getString(1)
                    + rs.getObject(2)
                    + rs.getString(3)
                    + rs.getObject(4)
                    + rs.getString(5))
        .list()
        .toString();
  }

  @Test
  void guessingAtOneLinkIsThrottled() throws Exception {
    String guess = "g".repeat(43);
    for (int i = 0; i < 20; i++) {
      mvc.perform(get("/f/{t}", guess).with(fresh())).andExpect(status().isNotFound());
    }
    mvc.perform(get("/f/{t}", guess).with(fresh()))
        .andExpect(status().isTooManyRequests())
        .andExpect(content().string(containsString("data-testid=\"feedback-link-message\"")));
  }

  /**
   * A rater who taps Send twice (or sends from two devices) at the same moment: the submissions
   * take turns on the rater's row, every one is accepted, and one set of answers remains.
   */
  @Test
  void submissionsOfOneLinkAtTheSameMomentTakeTurns() throws Exception {
    start(coacheeToken, "");
    String mo = fx.linkFor(fx.email("Mo"));
    int n = 6;
    var ready = new java.util.concurrent.CountDownLatch(n);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(n);
    try {
      java.util.List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        String rating = String.valueOf(1 + i % 5);
        statuses.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  ready.await();
                  return mvc.perform(answer(mo, rating, "0")).andReturn().getResponse().getStatus();
                }));
      }
      for (var status : statuses) {
        assertThat(status.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(answers()).isEqualTo(2);
  }

  /**
   * A round that closes between opening a link and saving its answer: the save is refused by the
   * statement that would write (the round's state is checked there), and nothing is written.
   */
  @Test
  void anAnswerToARoundThatClosedMeanwhileWritesNothing() throws Exception {
    String round = start(coacheeToken, "");
    java.util.UUID rater =
        jdbc.sql("SELECT id FROM feedback_rater WHERE email = :e")
            .param("e", fx.email("Mo"))
            .query(java.util.UUID.class)
            .single();
    java.util.UUID behaviour =
        jdbc.sql("SELECT id FROM feedback_behaviour WHERE round_id = :r AND position = 1")
            .param("r", java.util.UUID.fromString(round))
            .query(java.util.UUID.class)
            .single();
    java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
    jdbc.sql("UPDATE feedback_round SET closed_at = :now WHERE id = :r")
        .param("now", now)
        .param("r", java.util.UUID.fromString(round))
        .update();

    boolean saved =
        context
            .getBean(FeedbackRounds.class)
            .saveAnswers(
                fx.scope,
                rater,
                java.util.List.of(new FeedbackService.Given(behaviour, 4, "te laat")),
                false,
                now);

    assertThat(saved).isFalse();
    assertThat(answers()).isZero();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM feedback_rater WHERE id = :id AND answered_at IS NULL")
                .param("id", rater)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  /**
   * The default limit per address (100 per 10 minutes) holds: guessing at many different links from
   * one address is refused after it, while another address still gets through. (The rater
   * submission benchmark raises it by property for its loopback run only.)
   */
  @Test
  void guessingManyLinksFromOneAddressIsThrottledByDefault() throws Exception {
    RequestPostProcessor one = fresh();
    for (int i = 0; i < 100; i++) {
      String guess = "h".repeat(40) + String.format("%03d", i);
      mvc.perform(get("/f/{t}", guess).with(one)).andExpect(status().isNotFound());
    }
    mvc.perform(get("/f/{t}", "h".repeat(40) + "100").with(one))
        .andExpect(status().isTooManyRequests());
    mvc.perform(post("/f/{t}", "h".repeat(40) + "101").param("b1", "3").with(one))
        .andExpect(status().isTooManyRequests());
    mvc.perform(get("/f/{t}", "h".repeat(40) + "102").with(fresh()))
        .andExpect(status().isNotFound());
  }

  private long roundCount() {
    return jdbc.sql("SELECT COUNT(*) FROM feedback_round WHERE client_id = :c")
        .param("c", fx.client.value())
        .query(Long.class)
        .single();
  }
}
