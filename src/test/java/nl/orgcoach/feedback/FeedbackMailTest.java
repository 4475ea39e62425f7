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
import java.util.List;
import java.util.regex.Matcher;
import nl.orgcoach.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With SMTP configured, an invitation arrives at a real (GreenMail) SMTP server after the commit,
 * its link opens the rater's page and takes the answers; the outbox keeps the envelope only.
 */
@IntegrationTest
@AutoConfigureMockMvc
class FeedbackMailTest extends SmtpServerTest {

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;

  @Test
  void anInvitationArrivesByMailWithALinkThatWorks() throws Exception {
    FeedbackFixture fx = new FeedbackFixture(context);
    fx.startRound(
        LocalDate.now().plusDays(7),
        "Ik vat samen wat ik hoor",
        List.of(
            new FeedbackService.NewRater(fx.mo, null, null, "PEER", "en"),
            new FeedbackService.NewRater(null, fx.email("extern"), "Extern", "OTHER", null)));

    assertThat(smtp.waitForIncomingEmail(5000, 3)).isTrue();
    MimeMessage toMo = null;
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (GreenMailUtil.getAddressList(m.getAllRecipients()).contains(fx.email("Mo"))) {
        toMo = m;
      }
    }
    assertThat(toMo).as("a mail to Mo").isNotNull();
    assertThat(toMo.getSubject()).contains("Els Test asks for your feedback");
    Matcher link = FeedbackFixture.linkIn(toMo);
    String token = link.group(1);

    mvc.perform(get("/f/{t}", token).param("lang", link.group(2)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Ik vat samen wat ik hoor")))
        .andExpect(content().string(containsString("Send")));
    mvc.perform(post("/f/{t}", token).param("b1", "4").param("c1", "Helder"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Thank you")));
    assertThat(
            jdbc.sql(
                    "SELECT rating FROM feedback_answer a JOIN feedback_rater r ON r.id = a.rater_id"
                        + " WHERE r.email = :e")
                .param("e", fx.email("Mo"))
                .query(Integer.class)
                .single())
        .isEqualTo(4);
    // Sent by SMTP: the outbox keeps the envelope without the body (which holds the secret).
    assertThat(
            jdbc.sql("SELECT delivery, body FROM mail_outbox WHERE recipient = :r")
                .param("r", fx.email("Mo"))
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2))
                .single())
        .isEqualTo("SENT|null");
  }
}
