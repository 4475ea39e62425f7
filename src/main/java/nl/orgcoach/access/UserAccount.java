package nl.orgcoach.access;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user. Kept in the (database-backed) session, so it is serialisable and holds no
 * password after login (see {@code AccountAuthenticationProvider}). {@code clientId} is set for HR,
 * managers and employees; {@code personId} when the user is a person of that client.
 */
public record UserAccount(
    UUID id,
    String email,
    String displayName,
    Role role,
    UUID clientId,
    UUID personId,
    boolean enabled,
    boolean locked,
    String passwordHash)
    implements UserDetails, Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority(role.authority()));
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return email;
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  @Override
  public boolean isAccountNonLocked() {
    return !locked;
  }

  public UserAccount withoutPassword() {
    return new UserAccount(id, email, displayName, role, clientId, personId, enabled, locked, null);
  }

  public boolean is(Role r) {
    return role == r;
  }
}
