package nl.orgcoach.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads accounts for login; e-mail addresses are compared case-insensitively (stored lower-case).
 */
@Component
class AccountStore implements UserDetailsService {

  static final String COLUMNS =
      "id, email, display_name, role, client_id, person_id, enabled, password_hash";

  private final JdbcClient jdbc;
  private final LoginThrottle throttle;

  AccountStore(JdbcClient jdbc, LoginThrottle throttle) {
    this.jdbc = jdbc;
    this.throttle = throttle;
  }

  @Override
  public UserAccount loadUserByUsername(String email) {
    String key = normalise(email);
    Optional<UserAccount> user = byEmail(key);
    if (user.isEmpty()) {
      // A locked unknown address answers "locked" too, so the answers do not tell which accounts
      // exist: a stand-in that is refused by the lock check before any password is compared.
      if (throttle.isLocked(key)) {
        return new UserAccount(
            new UUID(0, 0), key, "", Role.EMPLOYEE, null, null, true, true, null);
      }
      throw new UsernameNotFoundException("unknown");
    }
    return throttle.isLocked(key) ? withLock(user.get(), true) : user.get();
  }

  Optional<UserAccount> byEmail(String email) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE email = :e")
        .param("e", normalise(email))
        .query(AccountStore::map)
        .optional();
  }

  Optional<UserAccount> byId(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = :id")
        .param("id", id)
        .query(AccountStore::map)
        .optional();
  }

  static String normalise(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }

  static UserAccount map(ResultSet rs, int row) throws SQLException {
    return new UserAccount(
        rs.getObject("id", UUID.class),
        rs.getString("email"),
        rs.getString("display_name"),
        Role.valueOf(rs.getString("role")),
        rs.getObject("client_id", UUID.class),
        rs.getObject("person_id", UUID.class),
        rs.getBoolean("enabled"),
        false,
        rs.getString("password_hash"));
  }

  private static UserAccount withLock(UserAccount u, boolean locked) {
    return new UserAccount(
        u.id(),
        u.email(),
        u.displayName(),
        u.role(),
        u.clientId(),
        u.personId(),
        u.enabled(),
        locked,
        u.passwordHash());
  }
}
