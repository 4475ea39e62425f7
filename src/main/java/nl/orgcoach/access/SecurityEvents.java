package nl.orgcoach.access;

import org.springframework.context.event.EventListener;
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
    if (event.getAuthentication() instanceof ApiTokenAuthentication) {
      return;
    }
    String key = AccountStore.normalise(event.getAuthentication().getName());
    throttle.succeeded(key);
    audit.recordAs(key, AuditType.LOGIN_SUCCEEDED, null, null);
  }

  @EventListener
  void failed(AbstractAuthenticationFailureEvent event) {
    String key = AccountStore.normalise(event.getAuthentication().getName());
    if (event instanceof AuthenticationFailureLockedEvent) {
      audit.recordAs(key, AuditType.LOGIN_THROTTLED, null, "login refused while locked");
      return;
    }
    boolean locked = throttle.failed(key);
    audit.recordAs(
        key, AuditType.LOGIN_FAILED, null, locked ? "account locked after repeated failures" : null);
  }

  @EventListener
  void loggedOut(LogoutSuccessEvent event) {
    audit.recordAs(event.getAuthentication().getName(), AuditType.LOGOUT, null, null);
  }
}
