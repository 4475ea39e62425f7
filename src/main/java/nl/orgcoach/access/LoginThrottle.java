package nl.orgcoach.access;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing: after {@code maxLoginFailures} failed logins for one account within
 * the lockout window, that account cannot log in until the window has passed. Kept in the database
 * so that every node enforces the same count. Unknown e-mail addresses are counted too, so that the
 * answer does not reveal which accounts exist.
 */
@Component
class LoginThrottle {

  private final JdbcClient jdbc;
  private final AccessProperties.Security settings;
  private final Clock clock;

  @org.springframework.beans.factory.annotation.Autowired
  LoginThrottle(JdbcClient jdbc, AccessProperties properties) {
    this(jdbc, properties, Clock.systemUTC());
  }

  LoginThrottle(JdbcClient jdbc, AccessProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.settings = properties.security();
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  boolean isLocked(String key) {
    OffsetDateTime now = now();
    return jdbc.sql("SELECT locked_until FROM login_throttle WHERE login_key = :k")
        .param("k", key)
        .query((rs, i) -> rs.getObject(1, OffsetDateTime.class))
        .optional()
        .map(until -> until != null && until.isAfter(now))
        .orElse(false);
  }

  /** Counts a failure; answers whether the account is now locked. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  boolean failed(String key) {
    OffsetDateTime now = now();
    var current =
        jdbc.sql("SELECT failures, window_start FROM login_throttle WHERE login_key = :k")
            .param("k", key)
            .query((rs, i) -> new Object[] {rs.getInt(1), rs.getObject(2, OffsetDateTime.class)})
            .optional();
    int failures = 1;
    OffsetDateTime windowStart = now;
    if (current.isPresent()) {
      OffsetDateTime start = (OffsetDateTime) current.get()[1];
      if (start.plus(settings.lockout()).isAfter(now)) {
        failures = (int) current.get()[0] + 1;
        windowStart = start;
      }
    }
    OffsetDateTime lockedUntil =
        failures >= settings.maxLoginFailures() ? now.plus(settings.lockout()) : null;
    int updated =
        jdbc.sql(
                """
                UPDATE login_throttle SET failures = :f, window_start = :w, locked_until = :l
                WHERE login_key = :k
                """)
            .param("f", failures)
            .param("w", windowStart)
            .param("l", lockedUntil)
            .param("k", key)
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              INSERT INTO login_throttle (login_key, failures, window_start, locked_until)
              VALUES (:k, :f, :w, :l)
              """)
          .param("k", key)
          .param("f", failures)
          .param("w", windowStart)
          .param("l", lockedUntil)
          .update();
    }
    return lockedUntil != null;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void succeeded(String key) {
    jdbc.sql("DELETE FROM login_throttle WHERE login_key = :k").param("k", key).update();
  }

  /** An admin resets access: the lock goes too. */
  @Transactional
  void clear(String key) {
    jdbc.sql("DELETE FROM login_throttle WHERE login_key = :k").param("k", key).update();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
