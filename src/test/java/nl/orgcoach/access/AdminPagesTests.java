package nl.orgcoach.access;

import static nl.orgcoach.support.TestUsers.asUser;
import static nl.orgcoach.support.TestUsers.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import nl.orgcoach.support.IntegrationTest;
import nl.orgcoach.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
@AutoConfigureMockMvc
class AdminPagesTests {

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired AccessAdministration administration;
  @Autowired Clients clients;

  TestUsers users;
  UserAccount admin;

  @BeforeEach
  void setUp() {
    users = TestUsers.in(context);
    admin = users.admin();
  }

  @Test
  void adminCreatesAClientAUserWithAGeneratedPasswordAndAssignsACoach() throws Exception {
    String name = "Gemeente Testdorp " + UUID.randomUUID().toString().substring(0, 6);
    mvc.perform(
            post("/admin/clients")
                .param("name", "  " + name + " ")
                .with(asUser(admin))
                .with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/admin/clients"));
    ClientId client = administration.clientNamed(name).orElseThrow();
    mvc.perform(get("/admin/clients").with(asUser(admin)))
        .andExpect(status().isOk())
        .andExpect(
            content().string(org.hamcrest.Matchers.containsString("data-testid=\"admin-clients\"")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString(name)));

    String email = "hr-" + UUID.randomUUID().toString().substring(0, 6) + "@testdorp.nl";
    MvcResult created =
        mvc.perform(
                post("/admin/users")
                    .param("email", email.toUpperCase())
                    .param("displayName", "Hanna de Vries")
                    .param("role", "HR")
                    .param("client", client.toString())
                    .param("generate", "true")
                    .param("password", "")
                    .with(asUser(admin))
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrlPattern("/admin/users/*"))
            .andReturn();
    String password = (String) created.getFlashMap().get("generatedPassword");
    assertThat(password).hasSizeGreaterThanOrEqualTo(AccessAdministration.MIN_PASSWORD);
    UserAccount hr = administration.findByEmail(email).orElseThrow();
    assertThat(hr.role()).isEqualTo(Role.HR);
    assertThat(hr.clientId()).isEqualTo(client.value());

    // The next page shows the password once (a flash attribute in the database session); a later
    // visit does not.
    String page =
        mvc.perform(
                get(created.getResponse().getRedirectedUrl())
                    .cookie(created.getResponse().getCookies())
                    .with(asUser(admin)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("data-testid=\"generated-password\"").contains(password);
    assertThat(
            mvc.perform(get("/admin/users/" + hr.id()).with(asUser(admin)))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .doesNotContain(password)
        .doesNotContain("generated-password");

    // The generated password works.
    mvc.perform(login(email, password)).andExpect(redirectedUrl("/"));

    UserAccount coach = users.coach();
    mvc.perform(
            post("/admin/users/{id}/assignments", coach.id())
                .param("client", client.toString())
                .with(asUser(admin))
                .with(csrf()))
        .andExpect(redirectedUrl("/admin/users/" + coach.id()));
    assertThat(clients.visibleTo(coach))
        .extracting(ClientSummary::id)
        .containsExactly(client.value());
    mvc.perform(get("/admin/users").param("client", client.toString()).with(asUser(admin)))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString(coach.email())))
        .andExpect(content().string(org.hamcrest.Matchers.containsString(email)))
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString(admin.email()))));

    mvc.perform(
            post("/admin/users/{id}/assignments/{c}/delete", coach.id(), client.value())
                .with(asUser(admin))
                .with(csrf()))
        .andExpect(redirectedUrl("/admin/users/" + coach.id()));
    assertThat(clients.visibleTo(coach)).isEmpty();

    assertThat(auditTypes())
        .contains(
            AuditType.CLIENT_CREATED,
            AuditType.USER_CREATED,
            AuditType.COACH_ASSIGNED,
            AuditType.COACH_UNASSIGNED);
  }

  @Test
  void badInputRerendersTheFormWithTheMessageAndTheValuesEntered() throws Exception {
    int before = userCount();
    String html =
        mvc.perform(
                post("/admin/users")
                    .param("email", "not-an-address")
                    .param("displayName", "Piet Puk")
                    .param("role", "MANAGER")
                    .param("client", "")
                    .param("generate", "true")
                    .header("Accept-Language", "nl")
                    .with(asUser(admin))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("data-testid=\"create-user-form\"")
        .contains("geen geldig e-mailadres")
        .contains("value=\"Piet Puk\"");
    assertThat(userCount()).isEqualTo(before);

    // A chosen password that is too short; the typed password is not echoed back.
    html =
        mvc.perform(
                post("/admin/users")
                    .param("email", "kort@example.nl")
                    .param("displayName", "Kort")
                    .param("role", "COACH")
                    .param("generate", "false")
                    .param("password", "short")
                    .with(asUser(admin))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("at least 10 characters").doesNotContain("value=\"short\"");
    assertThat(administration.findByEmail("kort@example.nl")).isEmpty();

    mvc.perform(post("/admin/clients").param("name", " ").with(asUser(admin)).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(
            content().string(org.hamcrest.Matchers.containsString("data-testid=\"form-error\"")));
  }

  @Test
  void adminChangesRoleAndDisablesAUser() throws Exception {
    ClientId client = users.client("Rollen BV");
    UserAccount employee = users.employee(client);
    mvc.perform(login(employee.email(), TestUsers.PASSWORD)).andExpect(redirectedUrl("/"));
    assertThat(sessionsOf(employee)).isEqualTo(1);
    mvc.perform(
            post("/admin/users/{id}/role", employee.id())
                .param("role", "MANAGER")
                .param("client", client.toString())
                .with(asUser(admin))
                .with(csrf()))
        .andExpect(redirectedUrl("/admin/users/" + employee.id()))
        .andExpect(flash().attributeExists("saved"));
    assertThat(administration.user(employee.id()).role()).isEqualTo(Role.MANAGER);
    // The session holds the role of the login, so it ends: the user logs in again as a manager.
    assertThat(sessionsOf(employee)).isZero();

    // A coach has no client: the rule in AccessAdministration answers on the page.
    mvc.perform(
            post("/admin/users/{id}/role", employee.id())
                .param("role", "COACH")
                .param("client", client.toString())
                .with(asUser(admin))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(
            content().string(org.hamcrest.Matchers.containsString("belong to the practice")));
    assertThat(administration.user(employee.id()).role()).isEqualTo(Role.MANAGER);

    mvc.perform(login(employee.email(), TestUsers.PASSWORD)).andExpect(redirectedUrl("/"));
    assertThat(sessionsOf(employee)).isEqualTo(1);
    mvc.perform(
            post("/admin/users/{id}/enabled", employee.id())
                .param("enabled", "false")
                .with(asUser(admin))
                .with(csrf()))
        .andExpect(redirectedUrl("/admin/users/" + employee.id()));
    assertThat(administration.user(employee.id()).enabled()).isFalse();
    assertThat(sessionsOf(employee)).isZero();
    mvc.perform(login(employee.email(), TestUsers.PASSWORD))
        .andExpect(redirectedUrl("/login?error=bad"));
  }

  @Test
  void nonAdminsAreRefusedEveryAdminPage() throws Exception {
    ClientId client = users.client("Geen Toegang");
    List<UserAccount> others =
        List.of(
            users.coach(client), users.hr(client), users.manager(client), users.employee(client));
    for (UserAccount user : others) {
      for (String path :
          List.of("/admin/clients", "/admin/users", "/admin/audit", "/admin/users/" + admin.id())) {
        mvc.perform(get(path).with(asUser(user))).andExpect(status().isForbidden());
      }
      mvc.perform(
              post("/admin/clients")
                  .param("name", "Hack " + user.email())
                  .with(asUser(user))
                  .with(csrf()))
          .andExpect(status().isForbidden());
      mvc.perform(post("/admin/users/{id}/reset", admin.id()).with(asUser(user)).with(csrf()))
          .andExpect(status().isForbidden());
      assertThat(administration.clientNamed("Hack " + user.email())).isEmpty();
    }
    mvc.perform(get("/admin/users"))
        .andExpect(status().is3xxRedirection())
        .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
    // CSRF holds even for the admin.
    mvc.perform(post("/admin/clients").param("name", "Zonder CSRF").with(asUser(admin)))
        .andExpect(status().isForbidden());
    assertThat(administration.clientNamed("Zonder CSRF")).isEmpty();
  }

  @Test
  void theAuditLogShowsEventsNewestFirstFilteredByTypeInAmsterdamTime() throws Exception {
    ClientId client = users.client("Audit BV");
    String html =
        mvc.perform(get("/admin/audit").with(asUser(admin)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("data-testid=\"admin-audit\"")
        .contains("CLIENT_CREATED")
        .contains("USER_CREATED");
    // Newest first: the client created last appears before the admin created in setUp.
    assertThat(html.indexOf("data-audit-type=\"CLIENT_CREATED\""))
        .isLessThan(html.indexOf("data-audit-type=\"USER_CREATED\""));

    var entry = context.getBean(AuditLog.class).latest(1, AuditType.CLIENT_CREATED).get(0);
    String amsterdam =
        entry
            .at()
            .atZoneSameInstant(java.time.ZoneId.of("Europe/Amsterdam"))
            .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    assertThat(html).contains(amsterdam);

    html =
        mvc.perform(get("/admin/audit").param("type", "CLIENT_CREATED").with(asUser(admin)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("data-audit-type=\"CLIENT_CREATED\"")
        .doesNotContain("data-audit-type=\"USER_CREATED\"");
    assertThat(client).isNotNull();

    // Paging: with more than a page of entries there is an "older" link, and page 2 answers.
    for (int i = 0; i < AdminController.AUDIT_PAGE_SIZE; i++) {
      context
          .getBean(AuditLog.class)
          .recordAs("paging-test", AuditType.ACCESS_DENIED, null, "entry " + i);
    }
    mvc.perform(get("/admin/audit").with(asUser(admin)))
        .andExpect(
            content().string(org.hamcrest.Matchers.containsString("data-testid=\"audit-older\"")));
    mvc.perform(get("/admin/audit").param("page", "1").with(asUser(admin)))
        .andExpect(status().isOk());
  }

  private List<AuditType> auditTypes() {
    return jdbc.sql("SELECT type FROM audit_event").query(String.class).list().stream()
        .map(AuditType::valueOf)
        .toList();
  }

  private int sessionsOf(UserAccount user) {
    return jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = :p")
        .param("p", user.email())
        .query(Integer.class)
        .single();
  }

  private int userCount() {
    return jdbc.sql("SELECT count(*) FROM app_user").query(Integer.class).single();
  }
}
