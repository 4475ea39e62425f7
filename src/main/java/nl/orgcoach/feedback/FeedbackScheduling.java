package nl.orgcoach.feedback;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs {@link FeedbackSchedule} every {@code orgcoach.feedback.schedule-interval} (15 minutes),
 * first one minute after the start; {@code orgcoach.feedback.schedule-enabled=false} switches it
 * off (the tests do, and call the schedule themselves).
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(
    name = "orgcoach.feedback.schedule-enabled",
    havingValue = "true",
    matchIfMissing = true)
class FeedbackScheduling {

  private static final Logger log = LoggerFactory.getLogger(FeedbackScheduling.class);

  private final FeedbackSchedule schedule;

  FeedbackScheduling(FeedbackSchedule schedule) {
    this.schedule = schedule;
  }

  @Scheduled(
      fixedDelayString = "${orgcoach.feedback.schedule-interval:15m}",
      initialDelayString = "${orgcoach.feedback.schedule-initial-delay:1m}")
  void tick() {
    try {
      FeedbackSchedule.Run run = schedule.run(OffsetDateTime.now(ZoneOffset.UTC));
      if (run.closed() > 0 || run.reminded() > 0 || run.published() > 0) {
        log.info(
            "Feedback schedule: closed {} round(s), sent {} reminder(s), published {}"
                + " reference(s)",
            run.closed(),
            run.reminded(),
            run.published());
      }
    } catch (RuntimeException e) {
      // The next run tries again; a failing run must not stop the schedule.
      log.error("Feedback schedule failed", e);
    }
  }
}
