package nl.orgcoach.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * After an OIDC login: the identity provider vouches for an e-mail address, OrgCoach decides who
 * that is. The {@code email} claim (verified, unless configured otherwise) must belong to an
 * enabled OrgCoach account; the session's principal then becomes that {@link UserAccount}, exactly
 * as after a form login, so roles and tenant rules are OrgCoach's own. Anyone else is logged out
 * again and sent to {@code /login?error=sso}.
 */
@Component
class OidcLoginSuccessHandler implements AuthenticationSuccessHandler {

  private final Function<String, Optional<UserAccount>> accounts;
  private final AuditLog audit;
  private final boolean requireVerifiedEmail;
  private final SecurityContextRepository contexts =
      new DelegatingSecurityContextRepository(
          new RequestAttributeSecurityContextRepository(),
          new HttpSessionSecurityContextRepository());
  private final SecurityContextHolderStrategy holder =
      SecurityContextHolder.getContextHolderStrategy();
  private final SavedRequestAwareAuthenticationSuccessHandler next =
      new SavedRequestAwareAuthenticationSuccessHandler();

  @Autowired
  OidcLoginSuccessHandler(
      AccessAdministration administration, AuditLog audit, AccessProperties properties) {
    this(administration::findByEmail, audit, properties.oidc().requireVerifiedEmail());
  }

  OidcLoginSuccessHandler(
      Function<String, Optional<UserAccount>> accounts,
      AuditLog audit,
      boolean requireVerifiedEmail) {
    this.accounts = accounts;
    this.audit = audit;
    this.requireVerifiedEmail = requireVerifiedEmail;
    next.setDefaultTargetUrl("/");
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException, jakarta.servlet.ServletException {
    Optional<UserAccount> account = match(authentication);
    if (account.isEmpty()) {
      audit.recordAs(
          claimedEmail(authentication).orElse(authentication.getName()),
          AuditType.LOGIN_FAILED,
          null,
          "single sign-on: no active account for this verified e-mail address");
      new SecurityContextLogoutHandler().logout(request, response, authentication);
      response.sendRedirect(request.getContextPath() + "/login?error=sso");
      return;
    }
    UserAccount user = account.get().withoutPassword();
    UsernamePasswordAuthenticationToken replaced =
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    replaced.setDetails(authentication.getDetails());
    SecurityContext context = holder.createEmptyContext();
    context.setAuthentication(replaced);
    holder.setContext(context);
    contexts.saveContext(context, request, response);
    audit.recordAs(user.email(), AuditType.LOGIN_SUCCEEDED, null, "single sign-on");
    next.onAuthenticationSuccess(request, response, replaced);
  }

  /** The enabled OrgCoach account for this OIDC login, if there is one. */
  Optional<UserAccount> match(Authentication authentication) {
    if (!(authentication.getPrincipal() instanceof OidcUser oidc)) {
      return Optional.empty();
    }
    if (requireVerifiedEmail && !Boolean.TRUE.equals(oidc.getEmailVerified())) {
      return Optional.empty();
    }
    return claimedEmail(authentication).flatMap(accounts).filter(UserAccount::enabled);
  }

  private static Optional<String> claimedEmail(Authentication authentication) {
    return authentication.getPrincipal() instanceof OidcUser oidc
            && StringUtils.hasText(oidc.getEmail())
        ? Optional.of(AccountStore.normalise(oidc.getEmail()))
        : Optional.empty();
  }
}
