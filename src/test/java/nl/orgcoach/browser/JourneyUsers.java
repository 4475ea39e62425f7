package nl.orgcoach.browser;

import java.util.UUID;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.AccessAdministration.NewUser;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.Role;

/** Users with a known password for browser journeys; unique e-mail addresses per call. */
final class JourneyUsers {

  static final String PASSWORD = "browser-test-password";

  private JourneyUsers() {}

  /** Creates a user of this role (of {@code client} unless admin or coach; a coach is assigned to it). */
  static String create(AccessAdministration admin, Role role, ClientId client) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String email = role.name().toLowerCase() + "-" + tag + "@journey.example";
    UUID id =
        admin.createUser(
            new NewUser(email, "Test " + role.name().charAt(0) + role.name().substring(1).toLowerCase(), PASSWORD, role,
                role.belongsToPractice() ? null : client, null));
    if (role == Role.COACH) {
      admin.assignCoach(id, client);
    }
    return email;
  }
}
