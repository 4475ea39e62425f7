package nl.orgcoach.access;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.orgcoach.platform.EmailAddresses;
import nl.orgcoach.platform.FilteredSql;
import nl.orgcoach.platform.NotFoundException;
import nl.orgcoach.platform.UserError;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a practice admin does: client organisations, users, roles, coach assignments, resetting
 * access. Callers are checked by the web layer ({@code /admin/**} is admin-only); the rules about
 * what a valid user is live here.
 */
@Service
@Transactional
public class AccessAdministration {

  static final int MIN_PASSWORD = 10;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] PASSWORD_ALPHABET =
      "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private final JdbcClient jdbc;
  private final PasswordEncoder encoder;
  private final AuditLog audit;
  private final ClientGate gate;
  private final LoginThrottle throttle;
  private final SessionTerminator sessions;

  AccessAdministration(
      JdbcClient jdbc,
      PasswordEncoder encoder,
      AuditLog audit,
      ClientGate gate,
      LoginThrottle throttle,
      SessionTerminator sessions) {
    this.jdbc = jdbc;
    this.encoder = encoder;
    this.audit = audit;
    this.gate = gate;
    this.throttle = throttle;
    this.sessions = sessions;
  }

  public ClientId createClient(String name) {
    String trimmed = name == null ? "" : name.trim();
    if (trimmed.isEmpty() || trimmed.length() > 200) {
      throw new UserError("client.name.invalid");
    }
    UUID id = UUID.randomUUID();
    try {
      jdbc.sql("INSERT INTO client (id, name, created_at) VALUES (:id, :name, :now)")
          .param("id", id)
          .param("name", trimmed)
          .param("now", OffsetDateTime.now(ZoneOffset.UTC))
          .update();
    } catch (DuplicateKeyException e) {
      throw new UserError("client.name.taken", trimmed);
    }
    ClientId client = new ClientId(id);
    audit.record(AuditType.CLIENT_CREATED, client, trimmed);
    return client;
  }

  @Transactional(readOnly = true)
  public Optional<ClientId> clientNamed(String name) {
    return jdbc.sql("SELECT id FROM client WHERE name = :n")
        .param("n", name)
        .query(UUID.class)
        .optional()
        .map(ClientId::new);
  }

  /** Every client with how many users belong to it and how many coaches are assigned to it. */
  @Transactional(readOnly = true)
  public List<ClientOverview> clientOverview() {
    return jdbc.sql(
            """
            SELECT c.id, c.name, c.created_at,
                   (SELECT count(*) FROM app_user u WHERE u.client_id = c.id) AS users,
                   (SELECT count(*) FROM coach_assignment a WHERE a.client_id = c.id) AS coaches
            FROM client c ORDER BY c.name
            """)
        .query(ClientOverview.class)
        .list();
  }

  @Transactional(readOnly = true)
  public List<ClientSummary> allClients() {
    return jdbc.sql("SELECT id, name FROM client ORDER BY name").query(ClientSummary.class).list();
  }

  /** Creates a user; {@code password} may be null for a user who will only sign in through SSO. */
  public UUID createUser(NewUser user) {
    String email = AccountStore.normalise(user.email());
    if (!EmailAddresses.isValid(email)) {
      throw new UserError("user.email.invalid", user.email());
    }
    String name = user.displayName() == null ? "" : user.displayName().trim();
    if (name.isEmpty() || name.length() > 200) {
      throw new UserError("user.name.invalid");
    }
    if (user.role() == null) {
      throw new UserError("user.role.invalid");
    }
    if (user.role().belongsToPractice() != (user.client() == null)) {
      throw new UserError(
          user.role().belongsToPractice() ? "user.client.notAllowed" : "user.client.required");
    }
    if (user.password() != null) {
      checkPassword(user.password());
    }
    UUID id = UUID.randomUUID();
    try {
      jdbc.sql(
              """
              INSERT INTO app_user (id, email, display_name, password_hash, role, client_id, person_id, enabled, created_at)
              VALUES (:id, :email, :name, :hash, :role, :client, :person, TRUE, :now)
              """)
          .param("id", id)
          .param("email", email)
          .param("name", name)
          .param("hash", user.password() == null ? null : encoder.encode(user.password()))
          .param("role", user.role().name())
          .param("client", user.client() == null ? null : user.client().value())
          .param("person", user.personId())
          .param("now", OffsetDateTime.now(ZoneOffset.UTC))
          .update();
    } catch (DuplicateKeyException e) {
      throw new UserError("user.email.taken", email);
    } catch (org.springframework.dao.DataIntegrityViolationException e) {
      throw new UserError("user.client.unknown");
    }
    audit.record(AuditType.USER_CREATED, user.client(), email + " as " + user.role());
    return id;
  }

  /**
   * Creates a user with a password: the given one, or, when {@code generatePassword} is set, a
   * generated one that is answered once (it is stored only as a hash).
   */
  public CreatedUser createUser(NewUser user, boolean generatePassword) {
    if (generatePassword) {
      String password = generatePassword();
      UUID id =
          createUser(
              new NewUser(
                  user.email(),
                  user.displayName(),
                  password,
                  user.role(),
                  user.client(),
                  user.personId()));
      return new CreatedUser(id, password);
    }
    checkPassword(user.password());
    return new CreatedUser(createUser(user), null);
  }

  public void assignCoach(UUID coachId, ClientId client) {
    UserAccount coach = user(coachId);
    if (coach.role() != Role.COACH) {
      throw new UserError("user.assign.notCoach");
    }
    boolean exists =
        jdbc.sql("SELECT count(*) FROM coach_assignment WHERE user_id = :u AND client_id = :c")
                .param("u", coachId)
                .param("c", client.value())
                .query(Integer.class)
                .single()
            > 0;
    if (!exists) {
      try {
        jdbc.sql("INSERT INTO coach_assignment (user_id, client_id) VALUES (:u, :c)")
            .param("u", coachId)
            .param("c", client.value())
            .update();
      } catch (org.springframework.dao.DataIntegrityViolationException e) {
        throw new NotFoundException("client");
      }
      audit.record(AuditType.COACH_ASSIGNED, client, coach.email());
    }
  }

  public void unassignCoach(UUID coachId, ClientId client) {
    int removed =
        jdbc.sql("DELETE FROM coach_assignment WHERE user_id = :u AND client_id = :c")
            .param("u", coachId)
            .param("c", client.value())
            .update();
    if (removed > 0) {
      audit.record(AuditType.COACH_UNASSIGNED, client, user(coachId).email());
    }
  }

  public void changeRole(UUID userId, Role role, ClientId client) {
    UserAccount before = user(userId);
    if (role.belongsToPractice() != (client == null)) {
      throw new UserError(
          role.belongsToPractice() ? "user.client.notAllowed" : "user.client.required");
    }
    if (before.role() == Role.ADMIN && role != Role.ADMIN && countAdmins() <= 1) {
      throw new UserError("user.lastAdmin");
    }
    jdbc.sql("UPDATE app_user SET role = :r, client_id = :c WHERE id = :id")
        .param("r", role.name())
        .param("c", client == null ? null : client.value())
        .param("id", userId)
        .update();
    if (role != Role.COACH) {
      jdbc.sql("DELETE FROM coach_assignment WHERE user_id = :u").param("u", userId).update();
    }
    sessions.endSessionsOf(before.email());
    audit.record(
        AuditType.ROLE_CHANGED, client, before.email() + ": " + before.role() + " -> " + role);
  }

  public void setEnabled(UUID userId, boolean enabled) {
    UserAccount u = user(userId);
    if (!enabled && u.role() == Role.ADMIN && countAdmins() <= 1) {
      throw new UserError("user.lastAdmin");
    }
    jdbc.sql("UPDATE app_user SET enabled = :e WHERE id = :id")
        .param("e", enabled)
        .param("id", userId)
        .update();
    if (!enabled) {
      jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE user_id = :u AND revoked_at IS NULL")
          .param("now", OffsetDateTime.now(ZoneOffset.UTC))
          .param("u", userId)
          .update();
      sessions.endSessionsOf(u.email());
    }
    audit.record(AuditType.USER_CHANGED, null, u.email() + (enabled ? " enabled" : " disabled"));
  }

  /** Resets access: a new generated password, the login lock lifted. Answers the new password. */
  public String resetPassword(UUID userId) {
    UserAccount u = user(userId);
    String password = generatePassword();
    setPassword(u, password);
    throttle.clear(AccountStore.normalise(u.email()));
    // Whoever is signed in with the old password is signed out.
    sessions.endSessionsOf(u.email());
    audit.record(AuditType.PASSWORD_RESET, null, u.email());
    return password;
  }

  /** A user changes their own password. */
  public void changeOwnPassword(UserAccount me, String current, String replacement) {
    UserAccount stored = user(me.id());
    if (stored.passwordHash() == null || !encoder.matches(current, stored.passwordHash())) {
      throw new UserError("password.current.wrong");
    }
    checkPassword(replacement);
    setPassword(stored, replacement);
    audit.record(AuditType.PASSWORD_RESET, null, me.email() + " (own)");
  }

  /** Sets a password chosen by configuration (the first admin, the demo users). */
  public void setPassword(UUID userId, String password) {
    checkPassword(password);
    setPassword(user(userId), password);
  }

  @Transactional(readOnly = true)
  public List<UserRow> users() {
    return users(null, null);
  }

  /**
   * Users, optionally only those of one role and/or of one client. For a client filter, coaches
   * assigned to that client count as its users too.
   */
  @Transactional(readOnly = true)
  public List<UserRow> users(Role role, ClientId client) {
    return FilteredSql.select(
            """
            SELECT u.id, u.email, u.display_name, u.role, u.client_id, c.name AS client_name, u.enabled,
                   (SELECT count(*) FROM coach_assignment a WHERE a.user_id = u.id) AS assignments
            FROM app_user u LEFT JOIN client c ON c.id = u.client_id
            """)
        .whereGiven("u.role = :role", "role", role == null ? null : role.name())
        .whereGiven(
            """
            u.client_id = :client
            OR EXISTS (SELECT 1 FROM coach_assignment a WHERE a.user_id = u.id AND a.client_id = :client)
            """,
            "client",
            client == null ? null : client.value())
        .then("ORDER BY u.role, u.email")
        .on(jdbc)
        .query(UserRow.class)
        .list();
  }

  /** Whether repeated failed logins currently lock this user out (until an admin resets access). */
  @Transactional(readOnly = true)
  public boolean isLocked(UUID userId) {
    return throttle.isLocked(AccountStore.normalise(user(userId).email()));
  }

  @Transactional(readOnly = true)
  public List<ClientSummary> assignmentsOf(UUID coachId) {
    return jdbc.sql(
            """
            SELECT c.id, c.name FROM client c JOIN coach_assignment a ON a.client_id = c.id
            WHERE a.user_id = :u ORDER BY c.name
            """)
        .param("u", coachId)
        .query(ClientSummary.class)
        .list();
  }

  @Transactional(readOnly = true)
  public Optional<UserAccount> findByEmail(String email) {
    return jdbc.sql("SELECT " + AccountStore.COLUMNS + " FROM app_user WHERE email = :e")
        .param("e", AccountStore.normalise(email))
        .query(AccountStore::map)
        .optional()
        .map(UserAccount::withoutPassword);
  }

  @Transactional(readOnly = true)
  public UserAccount user(UUID id) {
    return jdbc.sql("SELECT " + AccountStore.COLUMNS + " FROM app_user WHERE id = :id")
        .param("id", id)
        .query(AccountStore::map)
        .optional()
        .orElseThrow(() -> new NotFoundException("user"));
  }

  /**
   * A scope for work the system itself does without a user (loading demo data at start-up). Never
   * call this with an id taken from a request.
   */
  public ClientScope systemScope(ClientId client, String purpose) {
    return gate.system(client, purpose);
  }

  static String generatePassword() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) {
        sb.append('-');
      }
      sb.append(PASSWORD_ALPHABET[RANDOM.nextInt(PASSWORD_ALPHABET.length)]);
    }
    return sb.toString();
  }

  private void setPassword(UserAccount u, String password) {
    jdbc.sql("UPDATE app_user SET password_hash = :h WHERE id = :id")
        .param("h", encoder.encode(password))
        .param("id", u.id())
        .update();
  }

  private static void checkPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD || password.length() > 200) {
      throw new UserError("password.tooShort", MIN_PASSWORD);
    }
  }

  private int countAdmins() {
    return jdbc.sql("SELECT count(*) FROM app_user WHERE role = 'ADMIN' AND enabled = TRUE")
        .query(Integer.class)
        .single();
  }

  public record NewUser(
      String email,
      String displayName,
      String password,
      Role role,
      ClientId client,
      UUID personId) {}

  /** A new user; {@code generatedPassword} is set only when the password was generated. */
  public record CreatedUser(UUID id, String generatedPassword) {}

  public record ClientOverview(
      UUID id, String name, OffsetDateTime createdAt, long users, long coaches) {}

  public record UserRow(
      UUID id,
      String email,
      String displayName,
      Role role,
      UUID clientId,
      String clientName,
      boolean enabled,
      long assignments) {}
}
