package nl.orgcoach.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import nl.orgcoach.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * SSO configured the documented way, with {@code ORGCOACH_OIDC_*} (here as properties): the
 * provider's endpoints are discovered from its issuer (a stand-in discovery document served
 * locally).
 */
@IntegrationTest
@AutoConfigureMockMvc
class OidcEnvironmentConfiguredTests {

  static final HttpServer ISSUER = startIssuer();

  @DynamicPropertySource
  static void oidc(DynamicPropertyRegistry registry) {
    registry.add("orgcoach.oidc.issuer-uri", OidcEnvironmentConfiguredTests::issuer);
    registry.add("orgcoach.oidc.client-id", () -> "orgcoach-app");
    registry.add("orgcoach.oidc.client-secret", () -> "geheim");
    registry.add("orgcoach.oidc.name", () -> "Praktijk-ID");
  }

  @AfterAll
  static void stop() {
    ISSUER.stop(0);
  }

  @Autowired MockMvc mvc;

  @Test
  void theIssuerIsDiscoveredAndOfferedOnTheLoginPage() throws Exception {
    String html =
        mvc.perform(get("/login").param("lang", "nl"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("data-testid=\"sso-login\"")
        .contains("Inloggen met Praktijk-ID")
        .contains("/oauth2/authorization/oidc");

    String location =
        mvc.perform(get("/oauth2/authorization/oidc"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location)
        .startsWith(issuer() + "/authorize")
        .contains("client_id=orgcoach-app")
        .contains("redirect_uri=http://localhost/login/oauth2/code/oidc")
        .contains("scope=openid%20email%20profile");
  }

  static String issuer() {
    return "http://127.0.0.1:" + ISSUER.getAddress().getPort();
  }

  private static HttpServer startIssuer() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/.well-known/openid-configuration",
          exchange -> {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            byte[] body =
                ("{\"issuer\":\""
                        + base
                        + "\",\"authorization_endpoint\":\""
                        + base
                        + "/authorize\","
                        + "\"token_endpoint\":\""
                        + base
                        + "/token\",\"jwks_uri\":\""
                        + base
                        + "/jwks\","
                        + "\"userinfo_endpoint\":\""
                        + base
                        + "/userinfo\",\"response_types_supported\":[\"code\"],"
                        + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
