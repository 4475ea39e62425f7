package nl.orgcoach.engagement;

import java.util.Objects;
import java.util.UUID;

/** The identity of a question; interventions will refer to it, so a question is never deleted. */
public record QuestionId(UUID value) {

  public QuestionId {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
