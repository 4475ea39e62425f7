package nl.orgcoach.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nl.orgcoach.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With an OIDC provider configured through Spring Boot's standard properties (explicit endpoints,
 * so no discovery over the network), the login page offers it and starting the login redirects to
 * the provider.
 */
@IntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(
    properties = {
      "spring.security.oauth2.client.registration.test-idp.client-id=orgcoach",
      "spring.security.oauth2.client.registration.test-idp.client-secret=geheim",
      "spring.security.oauth2.client.registration.test-idp.client-name=Test IdP",
      "spring.security.oauth2.client.registration.test-idp.authorization-grant-type=authorization_code",
      "spring.security.oauth2.client.registration.test-idp.scope=openid,email",
      "spring.security.oauth2.client.registration.test-idp.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
      "spring.security.oauth2.client.provider.test-idp.authorization-uri=https://idp.example/authorize",
      "spring.security.oauth2.client.provider.test-idp.token-uri=https://idp.example/token",
      "spring.security.oauth2.client.provider.test-idp.jwk-set-uri=https://idp.example/jwks",
      "spring.security.oauth2.client.provider.test-idp.user-info-uri=https://idp.example/userinfo",
      "spring.security.oauth2.client.provider.test-idp.user-name-attribute=sub"
    })
class OidcConfiguredTests {

  @Autowired MockMvc mvc;

  @Test
  void theLoginPageOffersTheProviderAndTheButtonLeadsThere() throws Exception {
    String html =
        mvc.perform(get("/login").param("lang", "en"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("data-testid=\"sso-login\"")
        .contains("/oauth2/authorization/test-idp")
        .contains("Log in with Test IdP");

    String location =
        mvc.perform(get("/oauth2/authorization/test-idp"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location)
        .startsWith("https://idp.example/authorize")
        .contains("client_id=orgcoach")
        .contains("scope=openid");
  }
}
