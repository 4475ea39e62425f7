package nl.orgcoach.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.util.StringUtils;

/**
 * OIDC single sign-on from the {@code ORGCOACH_OIDC_*} variables, registered as {@code oidc}; only
 * when an issuer is set (the provider's endpoints are discovered from it at start-up). Without it,
 * Spring Boot's own {@code spring.security.oauth2.client.registration.*} properties still work, and
 * with neither there is no SSO at all.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OidcConfiguration.IssuerConfigured.class)
class OidcConfiguration {

  static final String REGISTRATION_ID = "oidc";

  @Bean
  ClientRegistrationRepository oidcClientRegistrations(AccessProperties properties) {
    AccessProperties.Oidc oidc = properties.oidc();
    ClientRegistration registration =
        ClientRegistrations.fromIssuerLocation(oidc.issuerUri())
            .registrationId(REGISTRATION_ID)
            .clientId(oidc.clientId())
            .clientSecret(oidc.clientSecret())
            .clientName(oidc.name())
            .scope(StringUtils.commaDelimitedListToSet(oidc.scopes()))
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .build();
    return new InMemoryClientRegistrationRepository(registration);
  }

  /** {@code @ConditionalOnProperty} would also match an empty value, which is the default here. */
  static final class IssuerConfigured implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return StringUtils.hasText(context.getEnvironment().getProperty("orgcoach.oidc.issuer-uri"));
    }
  }
}
