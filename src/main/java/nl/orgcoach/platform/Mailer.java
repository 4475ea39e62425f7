package nl.orgcoach.platform;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends plain-text mail. With SMTP configured ({@code ORGCOACH_SMTP_HOST}) through that server;
 * otherwise (the embedded default) into the outbox table, which an admin reads on {@code
 * /admin/outbox}, and to the log. Inside a transaction an SMTP mail leaves only after the commit,
 * so that a rolled-back write sends nothing; an outbox mail is written in the same transaction.
 */
@Component
public class Mailer {

  private static final Logger log = LoggerFactory.getLogger(Mailer.class);

  /** One mail: plain text, one recipient. */
  public record Mail(String to, String subject, String body) {}

  /** A mail as the outbox page shows it. */
  public record Stored(
      UUID id,
      String recipient,
      String subject,
      String body,
      String delivery,
      OffsetDateTime createdAt,
      OffsetDateTime sentAt,
      String error) {}

  private final JdbcClient jdbc;
  private final ObjectProvider<JavaMailSender> sender;
  private final String host;
  private final String from;

  Mailer(
      JdbcClient jdbc,
      ObjectProvider<JavaMailSender> sender,
      @Value("${spring.mail.host:}") String host,
      @Value("${orgcoach.mail.from:orgcoach@localhost}") String from) {
    this.jdbc = jdbc;
    this.sender = sender;
    this.host = host;
    this.from = from;
  }

  /** Whether mail goes out through SMTP (else it stays in the outbox). */
  public boolean smtp() {
    return host != null && !host.isBlank() && sender.getIfAvailable() != null;
  }

  public void send(Mail mail) {
    UUID id = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    if (!smtp()) {
      insert(id, mail, mail.body(), "OUTBOX", now);
      log.info(
          "Mail to {} kept in the outbox (no SMTP): {}\n{}",
          mail.to(),
          mail.subject(),
          mail.body());
      return;
    }
    insert(id, mail, null, "PENDING", now);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              deliver(id, mail);
            }
          });
    } else {
      deliver(id, mail);
    }
  }

  private void deliver(UUID id, Mail mail) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(mail.to());
    message.setSubject(mail.subject());
    message.setText(mail.body());
    String delivery = "SENT";
    String error = null;
    try {
      sender.getObject().send(message);
    } catch (MailException e) {
      delivery = "FAILED";
      error = abbreviate(String.valueOf(e.getMessage()));
      log.warn("Mail to {} failed: {}", mail.to(), error);
    }
    jdbc.sql("UPDATE mail_outbox SET delivery = :d, sent_at = :at, error = :e WHERE id = :id")
        .param("d", delivery)
        .param("at", OffsetDateTime.now(ZoneOffset.UTC))
        .param("e", error)
        .param("id", id)
        .update();
  }

  private void insert(UUID id, Mail mail, String body, String delivery, OffsetDateTime now) {
    jdbc.sql(
            """
            INSERT INTO mail_outbox (id, recipient, subject, body, delivery, created_at)
            VALUES (:id, :to, :subject, :body, :delivery, :now)
            """)
        .param("id", id)
        .param("to", mail.to())
        .param("subject", abbreviate(mail.subject()))
        .param("body", body)
        .param("delivery", delivery)
        .param("now", now)
        .update();
  }

  /** The latest mails, newest first (the outbox page). */
  public List<Stored> latest(int limit) {
    return jdbc.sql(
            "SELECT * FROM mail_outbox ORDER BY created_at DESC, id FETCH FIRST "
                + Math.max(1, limit)
                + " ROWS ONLY")
        .query(Stored.class)
        .list();
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) : s;
  }
}
