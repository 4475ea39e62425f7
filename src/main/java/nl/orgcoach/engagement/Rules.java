package nl.orgcoach.engagement;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import nl.orgcoach.platform.UserError;
import nl.orgcoach.platform.UserError.Problem;

/** Collects the problems of one piece of input and throws them all at once. */
final class Rules {

  private final List<Problem> problems = new ArrayList<>();

  String text(String value, String field, int max, boolean required) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      if (required) {
        fail(field, "engagement.required");
      }
      return null;
    }
    if (v.length() > max) {
      problems.add(new Problem(null, field, "engagement.tooLong", List.of(String.valueOf(max))));
    }
    return v;
  }

  LocalDate date(String value, String field, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        fail(field, "engagement.required");
      }
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      fail(field, "engagement.date.invalid");
      return null;
    }
  }

  /** An optional time of day as HH:mm (what an input of type time sends), seconds dropped. */
  LocalTime time(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalTime.parse(value.strip()).withSecond(0).withNano(0);
    } catch (DateTimeParseException e) {
      fail(field, "engagement.time.invalid");
      return null;
    }
  }

  <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
    if (value == null || value.isBlank()) {
      fail(field, "engagement.required");
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      fail(field, "engagement.choice.invalid");
      return null;
    }
  }

  void check(boolean ok, String field, String key) {
    if (!ok) {
      fail(field, key);
    }
  }

  void fail(String field, String key) {
    problems.add(new Problem(null, field, key, List.of()));
  }

  /** A problem found elsewhere (a nested part of the input), under its own field name. */
  void add(Problem problem) {
    problems.add(problem);
  }

  boolean ok() {
    return problems.isEmpty();
  }

  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new UserError("engagement.invalid", problems);
    }
  }
}
