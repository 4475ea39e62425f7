package nl.orgcoach.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When a reminder window opens: at midnight Dutch time of the day "d days before" the close date
 * (the last day a round is open), also across a change of summer time.
 */
class FeedbackScheduleWindowTest {

  /** A round open through {@code lastDay}, as FeedbackService stores it. */
  private static OffsetDateTime closesAt(LocalDate lastDay) {
    return lastDay
        .plusDays(1)
        .atStartOfDay(FeedbackService.ZONE)
        .toOffsetDateTime()
        .withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static OffsetDateTime amsterdam(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime)
        .atZone(FeedbackService.ZONE)
        .toOffsetDateTime()
        .withOffsetSameInstant(ZoneOffset.UTC);
  }

  @Test
  void windowsOpenAtMidnightThreeDaysBeforeAndOnTheLastDay() {
    OffsetDateTime close = closesAt(LocalDate.parse("2026-12-10"));
    List<Integer> days = List.of(3, 0);
    assertThat(FeedbackSchedule.currentWindow(close, days, amsterdam("2026-12-06T23:59"))).isNull();
    assertThat(FeedbackSchedule.currentWindow(close, days, amsterdam("2026-12-07T00:00")))
        .isEqualTo(amsterdam("2026-12-07T00:00"));
    assertThat(FeedbackSchedule.currentWindow(close, days, amsterdam("2026-12-09T18:00")))
        .isEqualTo(amsterdam("2026-12-07T00:00"));
    assertThat(FeedbackSchedule.currentWindow(close, days, amsterdam("2026-12-10T08:00")))
        .isEqualTo(amsterdam("2026-12-10T00:00"));
    assertThat(FeedbackSchedule.currentWindow(close, List.of(), amsterdam("2026-12-10T08:00")))
        .isNull();
  }

  @Test
  void theLastDayIsTheDutchDateAcrossTheEndOfSummerTime() {
    // Summer time ends on Sunday 25 October 2026: the last day still starts at Dutch midnight.
    OffsetDateTime close = closesAt(LocalDate.parse("2026-10-26"));
    assertThat(FeedbackSchedule.currentWindow(close, List.of(3, 0), amsterdam("2026-10-26T00:30")))
        .isEqualTo(amsterdam("2026-10-26T00:00"))
        .isEqualTo(OffsetDateTime.parse("2026-10-25T23:00Z"));
    assertThat(FeedbackSchedule.currentWindow(close, List.of(3, 0), amsterdam("2026-10-23T12:00")))
        .isEqualTo(OffsetDateTime.parse("2026-10-22T22:00Z"));
  }
}
