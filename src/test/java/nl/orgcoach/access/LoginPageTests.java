package nl.orgcoach.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nl.orgcoach.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;

/** Without any OIDC configuration the application starts and offers only the password form. */
@IntegrationTest
@AutoConfigureMockMvc
class LoginPageTests {

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;

  @Test
  void withoutOidcConfigurationThereIsNoSsoButton() throws Exception {
    assertThat(context.getBeanProvider(ClientRegistrationRepository.class).getIfAvailable())
        .isNull();
    String html =
        mvc.perform(get("/login"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("name=\"email\"")
        .contains("name=\"_csrf\"")
        .doesNotContain("sso-login");
    mvc.perform(get("/oauth2/authorization/oidc")).andExpect(status().is3xxRedirection());
  }

  @Test
  void theSsoErrorHasAMessage() throws Exception {
    String html =
        mvc.perform(get("/login").param("error", "sso").param("lang", "en"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("no active OrgCoach account");
  }
}
