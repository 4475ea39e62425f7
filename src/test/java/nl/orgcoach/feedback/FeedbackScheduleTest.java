package nl.orgcoach.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import nl.orgcoach.access.AuditLog;
import nl.orgcoach.access.AuditType;
import nl.orgcoach.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The feedback schedule (run here at chosen times, as a node would): a reminder on the last day
 * reaches a rater who has not answered, by real SMTP (GreenMail), with a fresh link that works
 * while the old one stops; it is not sent twice, not by a second run and not by two nodes running
 * at once; a rater gets at most the configured number; and a round past its close date is closed,
 * without reminders.
 */
@IntegrationTest
@AutoConfigureMockMvc
class FeedbackScheduleTest extends SmtpServerTest {

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;
  @Autowired FeedbackService service;
  @Autowired FeedbackSchedule schedule;
  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;

  FeedbackFixture fx;
  UUID round;
  OffsetDateTime closesAt;

  @BeforeEach
  void startARoundThatClosesInThreeDays() throws Exception {
    fx = new FeedbackFixture(context);
    round =
        fx.startRound(
            LocalDate.now(FeedbackService.ZONE).plusDays(3),
            "Ik vat samen wat ik hoor",
            List.of(
                new FeedbackService.NewRater(fx.mo, null, null, "PEER", null),
                new FeedbackService.NewRater(null, fx.email("extern"), "Extern", "OTHER", null)));
    closesAt =
        jdbc.sql("SELECT closes_at FROM feedback_round WHERE id = :id")
            .param("id", round)
            .query(OffsetDateTime.class)
            .single();
    assertThat(smtp.waitForIncomingEmail(5000, 3)).isTrue();
    // Mo answers through the link of his invitation; the outsider and Els do not.
    String mo = token(lastMailTo(fx.email("Mo")));
    mvc.perform(post("/f/{t}", mo).param("b1", "4")).andExpect(status().isOk());
  }

  @Test
  void onTheLastDayARaterWhoDidNotAnswerGetsOneReminderWithAFreshLinkThatWorks() throws Exception {
    String oldLink = token(lastMailTo(fx.email("extern")));
    // Now (three days before the close, but invited today): nothing is due yet.
    schedule.run(OffsetDateTime.now(ZoneOffset.UTC));
    assertThat(mailsTo(fx.email("extern"))).hasSize(1);

    OffsetDateTime lastDay = closesAt.minusHours(3);
    schedule.run(lastDay);
    assertThat(smtp.waitForIncomingEmail(5000, 5)).isTrue();
    List<MimeMessage> toExtern = mailsTo(fx.email("extern"));
    assertThat(toExtern).hasSize(2);
    assertThat(toExtern.get(1).getSubject()).startsWith("Herinnering: Els Test");
    assertThat(mailsTo(fx.email("Els"))).hasSize(2);
    assertThat(mailsTo(fx.email("Mo"))).as("Mo answered").hasSize(1);

    String fresh = token(toExtern.get(1));
    assertThat(fresh).isNotEqualTo(oldLink);
    mvc.perform(get("/f/{t}", fresh).param("lang", "nl"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Ik vat samen wat ik hoor")));
    mvc.perform(get("/f/{t}", oldLink)).andExpect(status().isNotFound());

    // A later run, and two nodes running at the same moment, send nothing more.
    schedule.run(lastDay.plusMinutes(15));
    twoNodesAtOnce(lastDay.plusMinutes(30));
    Thread.sleep(300);
    assertThat(mailsTo(fx.email("extern"))).hasSize(2);
    assertThat(reminded()).hasSize(2);

    mvc.perform(post("/f/{t}", fresh).param("b1", "3")).andExpect(status().isOk());
  }

  @Test
  void twoNodesRunningAtOnceSendEachReminderOnce() throws Exception {
    twoNodesAtOnce(closesAt.minusHours(2));
    assertThat(reminded()).hasSize(2);
    assertThat(smtp.waitForIncomingEmail(5000, 5)).isTrue();
    Thread.sleep(300);
    assertThat(mailsTo(fx.email("extern"))).hasSize(2);
    assertThat(mailsTo(fx.email("Els"))).hasSize(2);
  }

  @Test
  void noRaterGetsMoreThanTheMaximumNumberOfReminders() {
    UUID extern =
        jdbc.sql("SELECT id FROM feedback_rater WHERE round_id = :r AND email = :e")
            .param("r", round)
            .param("e", fx.email("extern"))
            .query(UUID.class)
            .single();
    OffsetDateTime t = closesAt.minusHours(10);
    // Two windows (the default maximum is 2), then a third is refused.
    assertThat(service.remindScheduled(fx.client, round, extern, t, t, "https://x")).isTrue();
    assertThat(service.remindScheduled(fx.client, round, extern, t, t, "https://x"))
        .as("the same window again")
        .isFalse();
    OffsetDateTime later = t.plusHours(1);
    assertThat(service.remindScheduled(fx.client, round, extern, later, later, "https://x"))
        .isTrue();
    OffsetDateTime third = t.plusHours(2);
    assertThat(service.remindScheduled(fx.client, round, extern, third, third, "https://x"))
        .isFalse();
  }

  @Test
  void aRoundPastItsCloseDateIsClosedAtThatDateAndNobodyIsRemindedAfterwards() throws Exception {
    OffsetDateTime after = closesAt.plusMinutes(5);
    schedule.run(after);
    assertThat(
            jdbc.sql("SELECT closed_at FROM feedback_round WHERE id = :id")
                .param("id", round)
                .query(OffsetDateTime.class)
                .single())
        .isEqualTo(closesAt);
    Thread.sleep(300);
    assertThat(mailsTo(fx.email("extern"))).hasSize(1);
    assertThat(audit.latest(200, AuditType.FEEDBACK_ROUND_CLOSED))
        .filteredOn(e -> e.detail().contains(round.toString()))
        .hasSize(1);
    // Closed by the schedule: a person closing it now hears that it is closed.
    schedule.run(after.plusMinutes(1));
    assertThat(audit.latest(200, AuditType.FEEDBACK_ROUND_CLOSED))
        .filteredOn(e -> e.detail().contains(round.toString()))
        .hasSize(1);
  }

  /** Two threads run the schedule at the same moment, as two application nodes would. */
  private void twoNodesAtOnce(OffsetDateTime at) {
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<FeedbackSchedule.Run>> nodes = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      nodes.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return schedule.run(at);
              }));
    }
    go.countDown();
    nodes.forEach(CompletableFuture::join);
  }

  private List<AuditLog.Entry> reminded() {
    return audit.latest(500, AuditType.FEEDBACK_RATER_REMINDED).stream()
        .filter(e -> e.detail().contains(round.toString()))
        .toList();
  }

  private static List<MimeMessage> mailsTo(String address) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (GreenMailUtil.getAddressList(m.getAllRecipients()).contains(address)) {
        found.add(m);
      }
    }
    return found;
  }

  private static MimeMessage lastMailTo(String address) throws Exception {
    List<MimeMessage> all = mailsTo(address);
    assertThat(all).as("a mail to " + address).isNotEmpty();
    return all.get(all.size() - 1);
  }

  private static String token(MimeMessage mail) {
    return FeedbackFixture.linkIn(mail).group(1);
  }
}
