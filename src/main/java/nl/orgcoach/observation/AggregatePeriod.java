package nl.orgcoach.observation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The period of the observation aggregates: one calendar quarter, shown only once it is closed (its
 * last day plus {@code graceDays} has passed), and then made only of the observations recorded
 * before that moment. So the periods never overlap and a published cell never changes: no reader
 * can subtract two periods, or the same period read on two days, to learn what a few people did in
 * between (docs/analytics.md, "Observation aggregates").
 *
 * @param from the first day of the quarter
 * @param to the last day of the quarter
 * @param publishedFrom the moment from which it is shown; observations recorded later are left out
 */
record AggregatePeriod(LocalDate from, LocalDate to, OffsetDateTime publishedFrom) {

  static AggregatePeriod quarterOf(LocalDate day, int graceDays) {
    int firstMonth = (day.getMonthValue() - 1) / 3 * 3 + 1;
    LocalDate from = LocalDate.of(day.getYear(), firstMonth, 1);
    LocalDate to = from.plusMonths(3).minusDays(1);
    OffsetDateTime published = to.plusDays(1L + graceDays).atStartOfDay().atOffset(ZoneOffset.UTC);
    return new AggregatePeriod(from, to, published);
  }

  int year() {
    return from.getYear();
  }

  int quarter() {
    return (from.getMonthValue() - 1) / 3 + 1;
  }

  boolean publishedBy(OffsetDateTime now) {
    return !now.isBefore(publishedFrom);
  }

  AggregatePeriod previous(int graceDays) {
    return quarterOf(from.minusDays(1), graceDays);
  }

  /** The latest quarter shown at {@code now}. */
  static AggregatePeriod latest(OffsetDateTime now, int graceDays) {
    AggregatePeriod q = quarterOf(now.toLocalDate(), graceDays);
    while (!q.publishedBy(now)) {
      q = q.previous(graceDays);
    }
    return q;
  }

  /** The latest {@code count} quarters shown at {@code now}, newest first. */
  static List<AggregatePeriod> recent(OffsetDateTime now, int graceDays, int count) {
    List<AggregatePeriod> list = new ArrayList<>();
    AggregatePeriod q = latest(now, graceDays);
    for (int i = 0; i < count; i++) {
      list.add(q);
      q = q.previous(graceDays);
    }
    return list;
  }

  /**
   * The quarter asked for: none given is the latest shown; {@code from} must be the first day of a
   * quarter, {@code to} (optional) its last day, and the quarter must be closed.
   */
  static AggregatePeriod parse(String from, String to, OffsetDateTime now, int graceDays) {
    boolean noFrom = from == null || from.isBlank();
    boolean noTo = to == null || to.isBlank();
    if (noFrom && noTo) {
      return latest(now, graceDays);
    }
    if (noFrom) {
      throw Input.bad("from", "aggregates.error.quarter");
    }
    LocalDate start = date("from", from);
    AggregatePeriod q = quarterOf(start, graceDays);
    if (!q.from().equals(start)) {
      throw Input.bad("from", "aggregates.error.quarter");
    }
    if (!noTo && !q.to().equals(date("to", to))) {
      throw Input.bad("to", "aggregates.error.quarter");
    }
    if (!q.publishedBy(now)) {
      throw Input.bad("from", "aggregates.error.open", q.publishedFrom().toLocalDate());
    }
    return q;
  }

  private static LocalDate date(String field, String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw Input.bad(field, "aggregates.error.date");
    }
  }
}
