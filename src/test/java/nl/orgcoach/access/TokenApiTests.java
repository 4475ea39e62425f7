package nl.orgcoach.access;

import static nl.orgcoach.support.TestUsers.asUser;
import static nl.orgcoach.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import nl.orgcoach.support.IntegrationTest;
import nl.orgcoach.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Personal API tokens: made in the UI, shown once, hashed at rest, one client, revocable, expiring.
 */
@IntegrationTest
@AutoConfigureMockMvc
class TokenApiTests {

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;

  TestUsers users;
  ClientId clientA;
  ClientId clientB;

  @BeforeEach
  void setUp() {
    users = TestUsers.in(context);
    clientA = users.client("Token A");
    clientB = users.client("Token B");
  }

  @Test
  void aTokenMadeInTheUiWorksOnTheApiAndIsStoredOnlyAsAHash() throws Exception {
    UserAccount hr = users.hr(clientA);
    MvcResult created =
        mvc.perform(
                post("/account/tokens")
                    .param("name", "Rapportage-script")
                    .param("client", clientA.toString())
                    .param("days", "30")
                    .with(asUser(hr))
                    .with(csrf()))
            .andExpect(redirectedUrl("/account/tokens"))
            .andReturn();
    String secret = (String) created.getFlashMap().get("tokenSecret");
    assertThat(secret).startsWith("oc_").hasSizeGreaterThan(40);

    String page =
        mvc.perform(
                get("/account/tokens").cookie(created.getResponse().getCookies()).with(asUser(hr)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("data-testid=\"token-secret\"")
        .contains(secret)
        .contains("Rapportage-script");
    page =
        mvc.perform(get("/account/tokens").with(asUser(hr)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .doesNotContain(secret)
        .doesNotContain("token-secret")
        .contains(secret.substring(0, 10));

    mvc.perform(get("/api/v1/me").header("Authorization", bearer(secret)))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.email").value(hr.email()))
        .andExpect(jsonPath("$.name").value(hr.displayName()))
        .andExpect(jsonPath("$.role").value("HR"))
        .andExpect(jsonPath("$.client.id").value(clientA.toString()));

    // At rest: the SHA-256 hash and a short prefix, never the secret.
    var row =
        jdbc.sql("SELECT token_hash, prefix, name, last_used_at FROM api_token WHERE user_id = :u")
            .param("u", hr.id())
            .query(
                (rs, i) ->
                    new Object[] {
                      rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4)
                    })
            .single();
    assertThat(row[0]).isEqualTo(ApiTokens.hash(secret)).isNotEqualTo(secret);
    assertThat(secret).startsWith((String) row[1]).isNotEqualTo(row[1]);
    assertThat(((String) row[1]).length()).isLessThanOrEqualTo(10);
    assertThat(row[3]).isNotNull();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM api_token WHERE token_hash = :s OR prefix = :s OR name = :s")
                .param("s", secret)
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void aRevokedTokenIsRefused() throws Exception {
    UserAccount manager = users.manager(clientA);
    String secret = users.token(manager, clientA);
    mvc.perform(get("/api/v1/me").header("Authorization", bearer(secret)))
        .andExpect(status().isOk());
    UUID id = tokenId(secret);

    mvc.perform(post("/account/tokens/{id}/revoke", id).with(asUser(manager)).with(csrf()))
        .andExpect(redirectedUrl("/account/tokens"));
    mvc.perform(get("/api/v1/me").header("Authorization", bearer(secret)))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE type = 'TOKEN_REVOKED' AND client_id = :c")
                .param("c", clientA.value())
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    // Someone else cannot revoke my token (it does not exist for them).
    String other = users.token(manager, clientA);
    UserAccount stranger = users.manager(clientA);
    mvc.perform(
            post("/account/tokens/{id}/revoke", tokenId(other)).with(asUser(stranger)).with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/me").header("Authorization", bearer(other)))
        .andExpect(status().isOk());
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    UserAccount employee = users.employee(clientA);
    String secret = users.token(employee, clientA);
    jdbc.sql("UPDATE api_token SET expires_at = :t WHERE id = :id")
        .param("t", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1))
        .param("id", tokenId(secret))
        .update();
    mvc.perform(get("/api/v1/me").header("Authorization", bearer(secret)))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/account/tokens").with(asUser(employee)))
        .andExpect(content().string(Matchers.containsString("expired")));
  }

  @Test
  void aTokenIsScopedToItsOneClientEvenForAnAdmin() throws Exception {
    UserAccount admin = users.admin();
    String secret = users.token(admin, clientA);
    mvc.perform(get("/api/v1/clients").header("Authorization", bearer(secret)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].id").value(clientA.toString()));
    mvc.perform(get("/api/v1/clients/{c}", clientA).header("Authorization", bearer(secret)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(clientA.toString()));
    mvc.perform(get("/api/v1/clients/{c}", clientB).header("Authorization", bearer(secret)))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get("/api/v1/clients/{c}/units", clientB).header("Authorization", bearer(secret)))
        .andExpect(status().isNotFound());
  }

  @Test
  void theApiRefusesRequestsWithoutAValidToken() throws Exception {
    mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/v1/me").header("Authorization", bearer("oc_not-a-real-token")))
        .andExpect(status().isUnauthorized());
    // A disabled user's tokens stop working.
    UserAccount coach = users.coach(clientA);
    String secret = users.token(coach, clientA);
    context.getBean(AccessAdministration.class).setEnabled(coach.id(), false);
    mvc.perform(get("/api/v1/me").header("Authorization", bearer(secret)))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void tokenFormErrorsAreShownOnThePage() throws Exception {
    UserAccount hr = users.hr(clientA);
    mvc.perform(
            post("/account/tokens")
                .param("name", "Mijn script")
                .param("client", clientA.toString())
                .param("days", "veel")
                .with(asUser(hr))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("1 to 3650 days")))
        .andExpect(content().string(Matchers.containsString("value=\"Mijn script\"")));
    // A client the user cannot enter does not exist for them.
    mvc.perform(
            post("/account/tokens")
                .param("name", "Stiekem")
                .param("client", clientB.toString())
                .with(asUser(hr))
                .with(csrf()))
        .andExpect(status().isNotFound());
    assertThat(context.getBean(ApiTokens.class).of(hr)).isEmpty();
  }

  @Test
  void theAccessApiIsDescribedInOpenApi() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/v1/me'].get.tags[0]").value("Access"))
        .andExpect(jsonPath("$.paths['/api/v1/clients'].get").exists())
        .andExpect(jsonPath("$.paths['/api/v1/clients/{clientId}'].get").exists());
  }

  private UUID tokenId(String secret) {
    return jdbc.sql("SELECT id FROM api_token WHERE token_hash = :h")
        .param("h", ApiTokens.hash(secret))
        .query(UUID.class)
        .single();
  }
}
