package nl.orgcoach.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of the access module ({@code orgcoach.*}). */
@ConfigurationProperties("orgcoach")
record AccessProperties(Admin admin, @DefaultValue Security security, @DefaultValue Oidc oidc) {

  record Admin(String email, String password) {}

  record Security(@DefaultValue("5") int maxLoginFailures, @DefaultValue("15m") Duration lockout) {}

  /**
   * Optional OIDC single sign-on ({@code ORGCOACH_OIDC_*}); active only when {@code issuerUri} is
   * set. {@code name} is what the login button says ("Log in with ...").
   */
  record Oidc(
      String issuerUri,
      String clientId,
      String clientSecret,
      @DefaultValue("single sign-on") String name,
      @DefaultValue("openid,email,profile") String scopes,
      @DefaultValue("true") boolean requireVerifiedEmail) {}
}
