package nl.orgcoach.feedback;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * What happens to rounds by itself: a round past its close date is closed (at that date), and
 * raters who have not answered get a reminder with a fresh link on each of {@code
 * orgcoach.feedback.reminder-days-before} (default 3 days before the close date, and the last day),
 * at most {@code max-reminders} per rater, never after the close. Every {@code schedule-interval}
 * (15 minutes, {@link FeedbackScheduling}); {@code orgcoach.feedback.schedule-enabled=false}
 * switches it off. It also publishes each client's feedback reference ({@link FeedbackReference}):
 * once a day, counting the rounds closed by the start of that day (Dutch time).
 *
 * <p>Safe on several application nodes: each reminder and each close is claimed by one conditional
 * update (see {@link FeedbackRounds#claimReminder}), so whichever node comes second finds nothing
 * left to do. A reminder window opens at the start of its day (Dutch time); a rater is reminded in
 * a window when nothing was sent to them since it opened, and not when they were invited after it
 * opened (a round started two days before its close gets no "three days before" reminder).
 */
@Component
class FeedbackSchedule {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(FeedbackSchedule.class);

  /** Rounds closed per run at most; the next run takes the rest. */
  private static final int CLOSE_BATCH = 500;

  /** Clients whose reference is attempted per run at most; the next run takes the rest. */
  private static final int REFERENCE_BATCH = 50;

  private final FeedbackRounds rounds;
  private final FeedbackService service;
  private final FeedbackSettings settings;
  private final Environment environment;
  private final FeedbackReference reference;

  FeedbackSchedule(
      FeedbackRounds rounds,
      FeedbackService service,
      FeedbackSettings settings,
      Environment environment,
      FeedbackReference reference) {
    this.reference = reference;
    this.rounds = rounds;
    this.service = service;
    this.settings = settings;
    this.environment = environment;
  }

  /** What one run did. */
  record Run(int closed, int reminded, int published) {}

  /**
   * One run at the given time: close what is due, send the reminders that are due, then publish the
   * references of the day not attempted yet.
   */
  Run run(OffsetDateTime now) {
    Run run = closeAndRemind(now);
    return new Run(run.closed(), run.reminded(), publishReferences(now));
  }

  /**
   * Attempts the day's reference of every client with rounds that has none attempted for that day
   * (each claimed by one conditional update, {@link FeedbackReference#publish}); answers how many
   * were published (not kept).
   */
  int publishReferences(OffsetDateTime now) {
    int published = 0;
    for (var client : reference.due(now, REFERENCE_BATCH)) {
      try {
        if (reference.publishScheduled(client, now) == FeedbackReference.Publication.PUBLISHED) {
          published++;
        }
      } catch (RuntimeException e) {
        log.warn("Feedback schedule: reference of client {} skipped this run", client.value(), e);
      }
    }
    return published;
  }

  private Run closeAndRemind(OffsetDateTime now) {
    int closed = 0;
    for (var due : rounds.pastClose(now, CLOSE_BATCH)) {
      if (attempt(() -> service.closeScheduled(due.client(), due.roundId(), now), due.roundId())) {
        closed++;
      }
    }
    int reminded = 0;
    List<Integer> days = settings.reminderDaysBefore();
    if (days.isEmpty() || settings.maxReminders() <= 0) {
      return new Run(closed, 0, 0);
    }
    int furthest = days.stream().mapToInt(Integer::intValue).max().orElse(0);
    OffsetDateTime until = now.plusDays(furthest + 2L);
    String base = baseUrl();
    for (var r : rounds.unanswered(now, until, settings.maxReminders())) {
      OffsetDateTime window = currentWindow(r.closesAt(), days, now);
      if (window == null || !r.invitedAt().isBefore(window)) {
        continue;
      }
      if (r.remindedAt() != null && !r.remindedAt().isBefore(window)) {
        continue;
      }
      if (attempt(
          () -> service.remindScheduled(r.client(), r.roundId(), r.raterId(), window, now, base),
          r.roundId())) {
        reminded++;
      }
    }
    return new Run(closed, reminded, 0);
  }

  /**
   * One close or reminder in its own transaction; a failure (say a mail that cannot be stored) is
   * logged and skipped, so that it does not stop the others, and the next run tries it again.
   */
  private static boolean attempt(java.util.function.BooleanSupplier step, UUID round) {
    try {
      return step.getAsBoolean();
    } catch (RuntimeException e) {
      log.warn("Feedback schedule: round {} skipped this run", round, e);
      return false;
    }
  }

  /**
   * The start of the latest reminder window that has opened by {@code now}, or null: the window of
   * "d days before" opens at the start of that day, Dutch time. The close date is the last day the
   * round is open ({@code closesAt} is the midnight after it).
   */
  static OffsetDateTime currentWindow(
      OffsetDateTime closesAt, List<Integer> daysBefore, OffsetDateTime now) {
    LocalDate lastDay =
        closesAt.minusSeconds(1).atZoneSameInstant(FeedbackService.ZONE).toLocalDate();
    OffsetDateTime latest = null;
    for (int d : daysBefore) {
      OffsetDateTime opens =
          lastDay
              .minusDays(Math.max(0, d))
              .atStartOfDay(FeedbackService.ZONE)
              .toOffsetDateTime()
              .withOffsetSameInstant(ZoneOffset.UTC);
      if (!opens.isAfter(now) && (latest == null || opens.isAfter(latest))) {
        latest = opens;
      }
    }
    return latest;
  }

  /**
   * Links in scheduled mails start with {@code orgcoach.feedback.public-url}; without it (there is
   * no request to take the address from) with this node's own address, which only suits a single
   * node on one machine: set the public URL in production.
   */
  private String baseUrl() {
    if (settings.publicUrl() != null && !settings.publicUrl().isBlank()) {
      return settings.publicUrl().replaceAll("/+$", "");
    }
    String port =
        environment.getProperty(
            "local.server.port", environment.getProperty("server.port", "8080"));
    return "http://localhost:" + port;
  }
}
