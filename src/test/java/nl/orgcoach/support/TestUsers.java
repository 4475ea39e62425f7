package nl.orgcoach.support;

import java.util.UUID;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.Role;
import nl.orgcoach.access.UserAccount;

/** Users for web and API tests: a fresh account with a given role (and client, for client roles). */
public final class TestUsers {

  public static final String PASSWORD = "correct-horse-battery";

  private TestUsers() {}

  public static UserAccount create(AccessAdministration admin, Role role, ClientId client) {
    String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.nl";
    admin.createUser(
        new AccessAdministration.NewUser(
            email, role.name() + " user", PASSWORD, role, role.belongsToPractice() ? null : client, null));
    return admin.findByEmail(email).orElseThrow();
  }
}
