package nl.orgcoach.engagement;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * An intervention as an iCalendar object (RFC 5545): CRLF line ends, lines folded at 75 octets
 * without splitting a UTF-8 character, TEXT values escaped. Times are local to Europe/Amsterdam
 * with the VTIMEZONE included, so any calendar places them right; an intervention without a start
 * time is a whole-day event. The UID is the intervention's id, so a second download updates the
 * same event instead of adding one. Nothing confidential goes in: the caller passes no notes.
 */
final class ICalendar {

  static final String CRLF = "\r\n";
  static final String ZONE = "Europe/Amsterdam";
  private static final int MAX_OCTETS = 75;

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  /** The EU rules since 1996 (last Sunday of March and October), which is what Amsterdam keeps. */
  private static final String VTIMEZONE =
      String.join(
          CRLF,
          "BEGIN:VTIMEZONE",
          "TZID:" + ZONE,
          "BEGIN:DAYLIGHT",
          "TZOFFSETFROM:+0100",
          "TZOFFSETTO:+0200",
          "TZNAME:CEST",
          "DTSTART:19700329T020000",
          "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
          "END:DAYLIGHT",
          "BEGIN:STANDARD",
          "TZOFFSETFROM:+0200",
          "TZOFFSETTO:+0100",
          "TZNAME:CET",
          "DTSTART:19701025T030000",
          "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
          "END:STANDARD",
          "END:VTIMEZONE");

  private ICalendar() {}

  /** One event: when {@code start} is null it takes the whole day of {@code date}. */
  record Event(
      UUID uid,
      String summary,
      String description,
      LocalDate date,
      LocalTime start,
      int durationMinutes,
      OffsetDateTime stamp,
      String url) {}

  static String of(Event e) {
    StringBuilder out = new StringBuilder();
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//OrgCoach//Interventions//EN");
    line(out, "CALSCALE:GREGORIAN");
    if (e.start() != null) {
      out.append(VTIMEZONE).append(CRLF);
    }
    line(out, "BEGIN:VEVENT");
    line(out, "UID:" + e.uid() + "@orgcoach");
    line(out, "DTSTAMP:" + e.stamp().withOffsetSameInstant(ZoneOffset.UTC).format(UTC));
    if (e.start() == null) {
      line(out, "DTSTART;VALUE=DATE:" + e.date().format(DATE));
      line(out, "DTEND;VALUE=DATE:" + e.date().plusDays(1).format(DATE));
    } else {
      LocalDateTime start = e.date().atTime(e.start());
      line(out, "DTSTART;TZID=" + ZONE + ":" + start.format(LOCAL));
      line(out, "DTEND;TZID=" + ZONE + ":" + start.plusMinutes(e.durationMinutes()).format(LOCAL));
    }
    line(out, "SUMMARY:" + escape(e.summary()));
    if (e.description() != null && !e.description().isBlank()) {
      line(out, "DESCRIPTION:" + escape(e.description()));
    }
    if (e.url() != null) {
      line(out, "URL:" + e.url());
    }
    line(out, "END:VEVENT");
    line(out, "END:VCALENDAR");
    return out.toString();
  }

  private static void line(StringBuilder out, String contentLine) {
    out.append(fold(contentLine)).append(CRLF);
  }

  /**
   * A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, a line break as {@code
   * \n}; other control characters, which TEXT does not allow, are left out.
   */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder out = new StringBuilder(normalised.length() + 8);
    for (int i = 0; i < normalised.length(); i++) {
      char c = normalised.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case ';' -> out.append("\\;");
        case ',' -> out.append("\\,");
        case '\n' -> out.append("\\n");
        default -> {
          if (c == '\t' || c >= 0x20 && c != 0x7f) {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * Folds a content line (RFC 5545 3.1): no line longer than 75 octets, each continuation starting
   * with one space; a UTF-8 character (and a surrogate pair) is never split.
   */
  static String fold(String line) {
    StringBuilder out = new StringBuilder(line.length() + 16);
    int octets = 0;
    int i = 0;
    while (i < line.length()) {
      int cp = line.codePointAt(i);
      String ch = new String(Character.toChars(cp));
      int size = ch.getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > MAX_OCTETS) {
        out.append(CRLF).append(' ');
        octets = 1;
      }
      out.append(ch);
      octets += size;
      i += Character.charCount(cp);
    }
    return out.toString();
  }
}
