package nl.orgcoach.platform;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns Jackson's "this value does not fit that field" into a problem the user can act on: the
 * field's path as the API names it ({@code agreements[0].dueOn}) and what the field takes (the
 * choices of an enum, the date format). Jackson's own message is never shown: it names Java types.
 */
final class JsonFieldProblems {

  private JsonFieldProblems() {}

  static UserError.Problem of(MismatchedInputException e) {
    String field = path(e.getPath());
    Class<?> type = e.getTargetType();
    if (type != null && type.isEnum()) {
      String choices =
          Arrays.stream(type.getEnumConstants())
              .map(c -> ((Enum<?>) c).name())
              .collect(Collectors.joining(", "));
      return problem(field, "error.json.choice", choices);
    }
    if (type == LocalDate.class) {
      return problem(field, "error.json.date");
    }
    if (type == LocalTime.class) {
      return problem(field, "error.json.time");
    }
    if (type != null && Temporal.class.isAssignableFrom(type)) {
      return problem(field, "error.json.dateTime");
    }
    if (type == UUID.class) {
      return problem(field, "error.json.id");
    }
    if (type != null
        && (Number.class.isAssignableFrom(type)
            || type == int.class
            || type == long.class
            || type == double.class)) {
      return problem(field, "error.json.number");
    }
    if (type == Boolean.class || type == boolean.class) {
      return problem(field, "error.json.boolean");
    }
    return problem(field, "error.json.type");
  }

  private static UserError.Problem problem(String field, String key, String... args) {
    return new UserError.Problem(null, field, key, List.of(args));
  }

  /** {@code agreements[0].dueOn}: property names joined by dots, list positions in brackets. */
  static String path(List<JacksonException.Reference> path) {
    StringBuilder b = new StringBuilder();
    for (JacksonException.Reference r : path) {
      if (r.getPropertyName() != null) {
        if (!b.isEmpty()) {
          b.append('.');
        }
        b.append(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }
}
