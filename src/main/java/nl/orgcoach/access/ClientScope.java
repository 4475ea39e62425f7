package nl.orgcoach.access;

import java.util.UUID;

/**
 * Proof that the current caller may work in one client organisation: the single mechanism of tenant
 * isolation. Only the access module can create one (its constructor is package-private), and it
 * does so only after checking the caller's role and assignments. Every query on tenant data takes a
 * scope and filters on {@link #id()}; a repository method without a scope parameter cannot be
 * written against tenant tables without it being obvious in review.
 */
public final class ClientScope {

  private final ClientId clientId;
  private final String actor;

  ClientScope(ClientId clientId, String actor) {
    this.clientId = clientId;
    this.actor = actor;
  }

  public ClientId clientId() {
    return clientId;
  }

  /** The tenant id to bind as the {@code client_id} parameter of SQL. */
  public UUID id() {
    return clientId.value();
  }

  /** Who acts in this scope (an e-mail address, or {@code system:...} for start-up jobs). */
  public String actor() {
    return actor;
  }

  @Override
  public String toString() {
    return "ClientScope[" + clientId + " as " + actor + "]";
  }
}
