package nl.orgcoach.support;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.ApiTokens;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.Role;
import nl.orgcoach.access.UserAccount;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Makes clients and users of every role through the real {@link AccessAdministration}, each with a
 * unique name and e-mail address (tests share a Spring context and so a database), and signs
 * MockMvc requests in as them. Every user gets the password {@link #PASSWORD}.
 *
 * <pre>
 * TestUsers users = TestUsers.in(context);
 * ClientId acme = users.client("Acme");
 * UserAccount hr = users.create(Role.HR, acme);
 * mockMvc.perform(get("/c/{id}/org", acme).with(TestUsers.asUser(hr)))...
 * </pre>
 */
public final class TestUsers {

  public static final String PASSWORD = "test-password-123";
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final AccessAdministration administration;
  private final ApiTokens tokens;

  public TestUsers(AccessAdministration administration, ApiTokens tokens) {
    this.administration = administration;
    this.tokens = tokens;
  }

  public static TestUsers in(ApplicationContext context) {
    return new TestUsers(
        context.getBean(AccessAdministration.class), context.getBean(ApiTokens.class));
  }

  /** A new client organisation whose name starts with {@code name} (made unique). */
  public ClientId client(String name) {
    return administration.createClient(name + " " + unique());
  }

  /**
   * A new user; {@code client} is required for HR, manager and employee and ignored for admin and
   * coach; a coach is assigned to every client given.
   */
  public UserAccount create(Role role, ClientId... clients) {
    ClientId own = role.belongsToPractice() || clients.length == 0 ? null : clients[0];
    String email = role.name().toLowerCase() + "-" + unique() + "@test.orgcoach.nl";
    UUID id =
        administration.createUser(
            new AccessAdministration.NewUser(
                email,
                role.name().charAt(0)
                    + role.name().substring(1).toLowerCase()
                    + " "
                    + email.substring(0, email.indexOf('@')),
                PASSWORD,
                role,
                own,
                null));
    if (role == Role.COACH) {
      for (ClientId c : clients) {
        administration.assignCoach(id, c);
      }
    }
    return account(id);
  }

  /** A user of the client who is the given person of it (for "my question", "my team"). */
  public UserAccount personUser(Role role, ClientId client, UUID personId) {
    String email = role.name().toLowerCase() + "-" + unique() + "@test.orgcoach.nl";
    UUID id =
        administration.createUser(
            new AccessAdministration.NewUser(
                email, "Person " + email, PASSWORD, role, client, personId));
    return account(id);
  }

  public UserAccount admin() {
    return create(Role.ADMIN);
  }

  public UserAccount coach(ClientId... assigned) {
    return create(Role.COACH, assigned);
  }

  public UserAccount hr(ClientId client) {
    return create(Role.HR, client);
  }

  public UserAccount manager(ClientId client) {
    return create(Role.MANAGER, client);
  }

  public UserAccount employee(ClientId client) {
    return create(Role.EMPLOYEE, client);
  }

  /** The user as stored now (without the password hash, as in a session). */
  public UserAccount account(UUID id) {
    return administration.user(id).withoutPassword();
  }

  /** A personal API token of {@code user} for {@code client}, without expiry: the secret. */
  public String token(UserAccount user, ClientId client) {
    return tokens.create(user, client, "test token " + unique(), null).secret();
  }

  /** The {@code Authorization} header value for a token secret. */
  public static String bearer(String secret) {
    return "Bearer " + secret;
  }

  /**
   * Signs a MockMvc request in as {@code user}, with a {@link UserAccount} principal exactly as
   * after a form login.
   */
  public static RequestPostProcessor asUser(UserAccount user) {
    return SecurityMockMvcRequestPostProcessors.authentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
  }

  /** A real form login (with CSRF) through the login page's form fields. */
  public static SecurityMockMvcRequestBuilders.FormLoginRequestBuilder login(
      String email, String password) {
    return SecurityMockMvcRequestBuilders.formLogin("/login")
        .userParameter("email")
        .user(email)
        .password(password);
  }

  private static String unique() {
    return COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
