package nl.orgcoach.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.orgcoach.support.IntegrationTest;
import nl.orgcoach.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.session.FindByIndexNameSessionRepository;

/**
 * Sessions live in the database (Spring Session JDBC), so any node can serve a logged-in user; the
 * session cookie is HTTP-only and SameSite=Lax. Against the real embedded server, because Spring
 * Boot configures the session cookie differently for a mock servlet environment.
 */
@IntegrationTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionStoreTests {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired FindByIndexNameSessionRepository<?> sessions;

  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void aLoginStoresTheSessionInTheDatabaseBehindAnHttpOnlyCookie() throws Exception {
    TestUsers users = TestUsers.in(context);
    UserAccount hr = users.hr(users.client("Sessie BV"));

    HttpResponse<String> loginPage =
        http.send(request("/login").build(), HttpResponse.BodyHandlers.ofString());
    String anonymousCookie = sessionCookie(loginPage);
    Matcher csrf = CSRF.matcher(loginPage.body());
    assertThat(csrf.find()).isTrue();

    String form =
        "email="
            + URLEncoder.encode(hr.email(), StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> login =
        http.send(
            request("/login")
                .header("Cookie", anonymousCookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/"));

    List<String> setCookies = login.headers().allValues("Set-Cookie");
    assertThat(setCookies)
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("SESSION=")
                    .containsIgnoringCase("HttpOnly")
                    .contains("SameSite=Lax"));
    String cookie = sessionCookie(login);
    // The session id changes at login (no session fixation).
    assertThat(cookie).isNotEqualTo(anonymousCookie);

    assertThat(
            jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = :p")
                .param("p", hr.email())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    // What another node would load from the table alone: the signed-in UserAccount, without its
    // hash.
    var stored = sessions.findByPrincipalName(hr.email());
    assertThat(stored).hasSize(1);
    SecurityContext security =
        stored.values().iterator().next().getAttribute("SPRING_SECURITY_CONTEXT");
    assertThat(security.getAuthentication().getPrincipal())
        .isInstanceOfSatisfying(
            UserAccount.class,
            u -> {
              assertThat(u.id()).isEqualTo(hr.id());
              assertThat(u.passwordHash()).isNull();
            });

    HttpResponse<String> account =
        http.send(
            request("/account").header("Cookie", cookie).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(account.statusCode()).isEqualTo(200);
    assertThat(account.body()).contains(hr.email());

    // Once the row is gone (expired, or logged out on any node), the cookie is worthless.
    jdbc.sql("DELETE FROM spring_session WHERE principal_name = :p")
        .param("p", hr.email())
        .update();
    HttpResponse<String> after =
        http.send(
            request("/account").header("Cookie", cookie).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(after.statusCode()).isEqualTo(302);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }

  private static String sessionCookie(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("SESSION="))
        .map(c -> c.substring(0, c.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no SESSION cookie in " + response.headers().map()));
  }
}
