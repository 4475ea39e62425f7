package nl.orgcoach.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two filter chains: the JSON API under {@code /api/**}, stateless and authenticated by personal
 * API tokens only (so browser cookies cannot be abused there and CSRF does not apply); and the web
 * UI, with form login (optionally OIDC), CSRF on every state-changing request, a strict
 * Content-Security-Policy and sessions in the database.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
          + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
          + "form-action 'self'; frame-ancestors 'none'";

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  AuthenticationEventPublisher authenticationEventPublisher(
      org.springframework.context.ApplicationEventPublisher publisher) {
    return new DefaultAuthenticationEventPublisher(publisher);
  }

  @Bean
  DaoAuthenticationProvider accountAuthenticationProvider(
      AccountStore accounts, PasswordEncoder encoder) {
    // Keeps the password hash out of the authenticated principal, and so out of the session store.
    DaoAuthenticationProvider provider =
        new DaoAuthenticationProvider(accounts) {
          @Override
          protected Authentication createSuccessAuthentication(
              Object principal, Authentication authentication, UserDetails user) {
            Object stripped = principal instanceof UserAccount u ? u.withoutPassword() : principal;
            return super.createSuccessAuthentication(stripped, authentication, user);
          }
        };
    provider.setPasswordEncoder(encoder);
    return provider;
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, AuditLog audit) throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(c -> c.disable())
        .addFilterBefore(
            new BearerTokenFilter(tokens, audit), UsernamePasswordAuthenticationFilter.class)
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                        (request, response, ex) -> problem(response, HttpStatus.UNAUTHORIZED))
                    .accessDeniedHandler(
                        (request, response, ex) -> problem(response, HttpStatus.FORBIDDEN)))
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'")));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain web(
      HttpSecurity http,
      LoginFailureHandler failureHandler,
      OidcLoginSuccessHandler oidcSuccess,
      ObjectProvider<ClientRegistrationRepository> oidc)
      throws Exception {
    http.authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/login",
                        "/error",
                        "/webjars/**",
                        "/css/**",
                        "/js/**",
                        "/img/**",
                        "/favicon.ico",
                        "/actuator/health/**",
                        "/actuator/info",
                        "/actuator/prometheus",
                        "/v3/api-docs/**",
                        "/swagger-ui/**",
                        "/swagger-ui.html",
                        // Public links without an account (intake, reactions): their secret in the
                        // path is the permission; the engagement module checks it.
                        "/intake/*",
                        "/intake/*/thanks",
                        "/reaction/*",
                        // Feedback rater links: the feedback module checks the secret.
                        "/f/*")
                    .permitAll()
                    .requestMatchers("/admin/**")
                    .hasRole(Role.ADMIN.name())
                    .anyRequest()
                    .authenticated())
        .formLogin(
            f ->
                f.loginPage("/login")
                    .usernameParameter("email")
                    .failureHandler(failureHandler)
                    .defaultSuccessUrl("/", false)
                    .permitAll())
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
        // The public link forms act for nobody (no session, no account), so there is nothing for
        // a forged cross-site request to abuse; without a CSRF token they also need no session.
        .csrf(c -> c.ignoringRequestMatchers("/intake/*", "/reaction/*", "/f/*"))
        .headers(
            h ->
                h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    if (oidc.getIfAvailable() != null) {
      // The identity provider vouches for an e-mail address; OrgCoach's own account decides the
      // rest.
      http.oauth2Login(
          o -> o.loginPage("/login").successHandler(oidcSuccess).failureUrl("/login?error=sso"));
    }
    return http.build();
  }

  private static void problem(HttpServletResponse response, HttpStatus status) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\""
                + status.getReasonPhrase()
                + "\",\"status\":"
                + status.value()
                + "}");
  }

  /** Authenticates {@code Authorization: Bearer oc_...}; anything else stays anonymous. */
  static final class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final AuditLog audit;

    BearerTokenFilter(ApiTokens tokens, AuditLog audit) {
      this.tokens = tokens;
      this.audit = audit;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String header = request.getHeader("Authorization");
      if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        var auth = tokens.authenticate(header.substring(7).trim());
        if (auth.isPresent()) {
          SecurityContextHolder.getContext().setAuthentication(auth.get());
        } else {
          audit.recordAs("anonymous", AuditType.TOKEN_REJECTED, null, request.getRequestURI());
        }
      }
      try {
        chain.doFilter(request, response);
      } finally {
        SecurityContextHolder.clearContext();
      }
    }
  }

  /** Sends throttled accounts to a page that says so; other failures to the generic message. */
  @org.springframework.stereotype.Component
  static final class LoginFailureHandler
      implements org.springframework.security.web.authentication.AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(
        HttpServletRequest request,
        HttpServletResponse response,
        org.springframework.security.core.AuthenticationException exception)
        throws IOException {
      String reason = exception instanceof LockedException ? "locked" : "bad";
      response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
    }
  }
}
