package nl.orgcoach.access;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/** Turns Spring Security's authentication events into throttle counts and audit entries. */
@Component
class SecurityEvents {

  private final LoginThrottle throttle;
  private final AuditLog audit;

  SecurityEvents(LoginThrottle throttle, AuditLog audit) {
    this.throttle = throttle;
    this.audit = audit;
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent event) {
    if (!(event.getAuthentication().getPrincipal() instanceof UserAccount)) {
      // API tokens are not logins; an OIDC login is audited by OidcLoginSuccessHandler once it is
      // matched to an account.
      return;
    }
    String key = AccountStore.normalise(event.getAuthentication().getName());
    throttle.succeeded(key);
    audit.recordAs(key, AuditType.LOGIN_SUCCEEDED, null, null);
  }

  @EventListener
  void failed(AbstractAuthenticationFailureEvent event) {
    if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
      // A failed OIDC exchange: there is no OrgCoach account to count it against.
      audit.recordAs(
          "anonymous",
          AuditType.LOGIN_FAILED,
          null,
          "single sign-on: " + event.getException().getClass().getSimpleName());
      return;
    }
    String key = AccountStore.normalise(event.getAuthentication().getName());
    if (event instanceof AuthenticationFailureLockedEvent) {
      audit.recordAs(key, AuditType.LOGIN_THROTTLED, null, "login refused while locked");
      return;
    }
    boolean locked = throttle.failed(key);
    audit.recordAs(
        key,
        AuditType.LOGIN_FAILED,
        null,
        locked ? "account locked after repeated failures" : null);
  }

  @EventListener
  void loggedOut(LogoutSuccessEvent event) {
    audit.recordAs(event.getAuthentication().getName(), AuditType.LOGOUT, null, null);
  }
}
