package nl.orgcoach.access;

import java.util.UUID;

/** The identity of a client organisation (a tenant). */
public record ClientId(UUID value) {

  public ClientId {
    java.util.Objects.requireNonNull(value, "value");
  }

  public static ClientId of(String value) {
    return new ClientId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
