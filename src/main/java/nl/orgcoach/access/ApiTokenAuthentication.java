package nl.orgcoach.access;

import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request authenticated by a personal API token, which is valid for one client only. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

  private final UserAccount user;
  private final ClientId clientId;
  private final UUID tokenId;

  ApiTokenAuthentication(UserAccount user, ClientId clientId, UUID tokenId) {
    super(user.getAuthorities());
    this.user = user;
    this.clientId = clientId;
    this.tokenId = tokenId;
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public UserAccount getPrincipal() {
    return user;
  }

  ClientId clientId() {
    return clientId;
  }

  UUID tokenId() {
    return tokenId;
  }
}
