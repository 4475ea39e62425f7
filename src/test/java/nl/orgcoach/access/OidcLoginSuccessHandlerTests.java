package nl.orgcoach.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** The mapping of an OIDC login to an OrgCoach account, without a server or identity provider. */
class OidcLoginSuccessHandlerTests {

  static final UserAccount COACH =
      new UserAccount(
          UUID.randomUUID(),
          "coach@praktijk.nl",
          "Carla Coach",
          Role.COACH,
          null,
          null,
          true,
          false,
          "{noop}x");
  static final UserAccount DISABLED =
      new UserAccount(
          UUID.randomUUID(),
          "weg@praktijk.nl",
          "Weg",
          Role.EMPLOYEE,
          UUID.randomUUID(),
          null,
          false,
          false,
          null);

  final AuditLog audit = mock(AuditLog.class);
  final OidcLoginSuccessHandler handler =
      new OidcLoginSuccessHandler(
          email ->
              List.of(COACH, DISABLED).stream().filter(u -> u.email().equals(email)).findFirst(),
          audit,
          true);

  @AfterEach
  void clear() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void aVerifiedEmailOfAnActiveAccountBecomesThatAccountInTheSession() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login/oauth2/code/oidc");
    request.setSession(new MockHttpSession());
    MockHttpServletResponse response = new MockHttpServletResponse();

    handler.onAuthenticationSuccess(request, response, oidcLogin("Coach@Praktijk.nl", true));

    SecurityContext stored =
        (SecurityContext)
            request
                .getSession()
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    assertThat(stored.getAuthentication()).isInstanceOf(UsernamePasswordAuthenticationToken.class);
    assertThat(stored.getAuthentication().getPrincipal())
        .isInstanceOfSatisfying(
            UserAccount.class,
            u -> {
              assertThat(u.id()).isEqualTo(COACH.id());
              assertThat(u.passwordHash()).isNull();
            });
    assertThat(stored.getAuthentication().getAuthorities())
        .extracting(Object::toString)
        .containsExactly("ROLE_COACH");
    assertThat(SecurityContextHolder.getContext().getAuthentication().getPrincipal())
        .isInstanceOf(UserAccount.class);
    assertThat(response.getRedirectedUrl()).isEqualTo("/");
    verify(audit)
        .recordAs(eq("coach@praktijk.nl"), eq(AuditType.LOGIN_SUCCEEDED), isNull(), anyString());
  }

  @Test
  void unknownUnverifiedOrDisabledAccountsAreLoggedOutAgain() throws Exception {
    for (var login :
        List.of(
            oidcLogin("stranger@elders.nl", true),
            oidcLogin("coach@praktijk.nl", false),
            oidcLogin("coach@praktijk.nl", null),
            oidcLogin("weg@praktijk.nl", true))) {
      MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login/oauth2/code/oidc");
      MockHttpSession session = new MockHttpSession();
      request.setSession(session);
      MockHttpServletResponse response = new MockHttpServletResponse();
      SecurityContextHolder.getContext().setAuthentication(login);

      handler.onAuthenticationSuccess(request, response, login);

      assertThat(response.getRedirectedUrl()).isEqualTo("/login?error=sso");
      assertThat(session.isInvalid()).isTrue();
      assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }
    verify(audit, org.mockito.Mockito.times(4))
        .recordAs(anyString(), eq(AuditType.LOGIN_FAILED), isNull(), anyString());
  }

  @Test
  void unverifiedEmailsMayBeTrustedWhenConfigured() {
    var trusting = new OidcLoginSuccessHandler(email -> Optional.of(COACH), audit, false);
    assertThat(trusting.match(oidcLogin("coach@praktijk.nl", null))).contains(COACH);
    assertThat(handler.match(oidcLogin("coach@praktijk.nl", null))).isEmpty();
    assertThat(handler.match(new UsernamePasswordAuthenticationToken("x", "y"))).isEmpty();
  }

  static OAuth2AuthenticationToken oidcLogin(String email, Boolean verified) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("sub", "subject-" + email);
    claims.put("email", email);
    if (verified != null) {
      claims.put("email_verified", verified);
    }
    OidcIdToken token =
        new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(300), claims);
    var user = new DefaultOidcUser(List.of(new SimpleGrantedAuthority("OIDC_USER")), token);
    return new OAuth2AuthenticationToken(user, user.getAuthorities(), "oidc");
  }
}
