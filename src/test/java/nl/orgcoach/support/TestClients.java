package nl.orgcoach.support;

import java.util.UUID;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.ClientScope;

/** Fresh client organisations for tests, each with a unique name so tests can share a database. */
public final class TestClients {

  private TestClients() {}

  public static ClientId create(AccessAdministration admin, String prefix) {
    return admin.createClient(prefix + " " + UUID.randomUUID().toString().substring(0, 8));
  }

  /** A new client and a system scope on it, for service-level tests. */
  public static ClientScope scope(AccessAdministration admin, String prefix) {
    return admin.systemScope(create(admin, prefix), "test");
  }
}
