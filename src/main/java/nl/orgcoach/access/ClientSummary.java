package nl.orgcoach.access;

import java.util.UUID;

/** A client organisation as other modules and pages see it. */
public record ClientSummary(UUID id, String name) {

  public ClientId clientId() {
    return new ClientId(id);
  }
}
