package nl.orgcoach.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The calendar format (RFC 5545): line ends, folding, escaping, times, and stable identity. */
class ICalendarTest {

  static final UUID ID = UUID.fromString("6f1c2a4e-0d1b-4c8e-9a55-3e2f7b9c1d20");
  static final OffsetDateTime STAMP =
      OffsetDateTime.of(2026, 3, 1, 10, 15, 0, 0, ZoneOffset.ofHours(1));

  static ICalendar.Event event(LocalTime start, String summary) {
    return new ICalendar.Event(
        ID,
        summary,
        "Coaches: Anna, Bert\nhttps://orgcoach.example/c/x",
        LocalDate.of(2026, 3, 30),
        start,
        90,
        STAMP,
        "https://orgcoach.example/c/x/engagements/y/interventions/" + ID);
  }

  @Test
  void escapesBackslashSemicolonCommaAndLineBreaks() {
    assertThat(ICalendar.escape("a\\b;c,d\ne\r\nf\rg")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng");
    assertThat(ICalendar.escape("bell\u0007 and tab\tstay")).isEqualTo("bell and tab\tstay");
    assertThat(ICalendar.escape(null)).isEmpty();
  }

  @Test
  void foldsLongLinesAt75OctetsWithALeadingSpace() {
    String line = "SUMMARY:" + "x".repeat(200);
    String folded = ICalendar.fold(line);
    String[] parts = folded.split("\r\n");
    assertThat(parts).hasSize(3);
    assertThat(parts[0].getBytes(StandardCharsets.UTF_8)).hasSize(75);
    assertThat(parts[1]).startsWith(" ");
    assertThat(parts[1].getBytes(StandardCharsets.UTF_8)).hasSize(75);
    assertThat(String.join("", folded.split("\r\n "))).isEqualTo(line);
    assertThat(ICalendar.fold("SHORT:line")).isEqualTo("SHORT:line");
  }

  @Test
  void neverSplitsAMultiByteCharacter() {
    // 'é' is two octets, '😀' four: a fold must fall between characters
    String line = "SUMMARY:" + "é".repeat(50) + "😀".repeat(20);
    String folded = ICalendar.fold(line);
    for (String part : folded.split("\r\n")) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      assertThat(bytes.length).isLessThanOrEqualTo(75);
      assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(part);
      assertThat(part).doesNotContain("\uFFFD");
    }
    assertThat(String.join("", folded.split("\r\n "))).isEqualTo(line);
  }

  @Property
  void foldingKeepsEveryLineShortAndIsUndoneByUnfolding(@ForAll String text) {
    String line = "DESCRIPTION:" + ICalendar.escape(text);
    String folded = ICalendar.fold(line);
    for (String part : folded.split("\r\n", -1)) {
      assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
    }
    assertThat(folded.replace("\r\n ", "")).isEqualTo(line);
  }

  @Test
  void aTimedEventIsInAmsterdamTimeWithItsTimezoneAndEndsAfterItsDuration() {
    String ics = ICalendar.of(event(LocalTime.of(9, 30), "Team coaching – Roosters"));
    assertThat(ics)
        .startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
        .endsWith("END:VCALENDAR\r\n")
        .contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n")
        .contains("\r\nUID:" + ID + "@orgcoach\r\n")
        .contains("\r\nDTSTAMP:20260301T091500Z\r\n")
        .contains("\r\nDTSTART;TZID=Europe/Amsterdam:20260330T093000\r\n")
        .contains("\r\nDTEND;TZID=Europe/Amsterdam:20260330T110000\r\n")
        .contains("\r\nSUMMARY:Team coaching – Roosters\r\n")
        .contains("\r\nDESCRIPTION:Coaches: Anna\\, Bert\\nhttps://orgcoach.example/c/x\r\n");
    // no bare line feeds: every line ends in CRLF
    assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
  }

  @Test
  void withoutAStartTimeItIsAWholeDayWithoutTimezone() {
    String ics = ICalendar.of(event(null, "Suggestion; for, all"));
    assertThat(ics)
        .contains("\r\nDTSTART;VALUE=DATE:20260330\r\n")
        .contains("\r\nDTEND;VALUE=DATE:20260331\r\n")
        .contains("\r\nSUMMARY:Suggestion\\; for\\, all\r\n")
        .doesNotContain("VTIMEZONE");
  }

  @Test
  void theSameInterventionGivesTheSameFile() {
    assertThat(ICalendar.of(event(LocalTime.NOON, "x")))
        .isEqualTo(ICalendar.of(event(LocalTime.NOON, "x")));
  }
}
