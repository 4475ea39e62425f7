package nl.orgcoach.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of the access module ({@code orgcoach.*}). */
@ConfigurationProperties("orgcoach")
record AccessProperties(Admin admin, @DefaultValue Security security) {

  record Admin(String email, String password) {}

  record Security(
      @DefaultValue("5") int maxLoginFailures, @DefaultValue("15m") Duration lockout) {}
}
