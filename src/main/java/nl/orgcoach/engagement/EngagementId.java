package nl.orgcoach.engagement;

import java.util.Objects;
import java.util.UUID;

/** The identity of an engagement. */
public record EngagementId(UUID value) {

  public EngagementId {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
