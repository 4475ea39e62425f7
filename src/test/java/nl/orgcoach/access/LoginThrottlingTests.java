package nl.orgcoach.access;

import static nl.orgcoach.support.TestUsers.asUser;
import static nl.orgcoach.support.TestUsers.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import nl.orgcoach.support.IntegrationTest;
import nl.orgcoach.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Five wrong passwords lock an account, audited; an admin's reset gives a working password and
 * unlocks.
 */
@IntegrationTest
@AutoConfigureMockMvc
class LoginThrottlingTests {

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired AccessAdministration administration;

  @Test
  void fiveWrongPasswordsLockTheAccountUntilAnAdminResetsAccess() throws Exception {
    TestUsers users = TestUsers.in(context);
    UserAccount admin = users.admin();
    UserAccount employee = users.employee(users.client("Slot BV"));

    for (int i = 1; i <= 4; i++) {
      mvc.perform(login(employee.email(), "wrong-password-" + i))
          .andExpect(redirectedUrl("/login?error=bad"));
    }
    assertThat(administration.isLocked(employee.id())).isFalse();
    mvc.perform(login(employee.email().toUpperCase(), "wrong-password-5"))
        .andExpect(redirectedUrl("/login?error=bad"));
    assertThat(administration.isLocked(employee.id())).isTrue();

    // Now even the right password is refused, with the "locked" message.
    mvc.perform(login(employee.email(), TestUsers.PASSWORD))
        .andExpect(redirectedUrl("/login?error=locked"));
    mvc.perform(get("/login").param("error", "locked").param("lang", "nl"))
        .andExpect(content().string(Matchers.containsString("Te veel mislukte pogingen")));

    assertThat(auditCount(employee.email(), AuditType.LOGIN_FAILED)).isEqualTo(5);
    assertThat(auditCount(employee.email(), AuditType.LOGIN_THROTTLED)).isEqualTo(1);
    assertThat(auditCount(employee.email(), AuditType.LOGIN_SUCCEEDED)).isZero();

    // The admin sees the lock and resets access: a new password, shown once, that works at once.
    mvc.perform(get("/admin/users/{id}", employee.id()).with(asUser(admin)))
        .andExpect(content().string(Matchers.containsString("data-testid=\"user-locked\"")));
    MvcResult reset =
        mvc.perform(post("/admin/users/{id}/reset", employee.id()).with(asUser(admin)).with(csrf()))
            .andExpect(redirectedUrl("/admin/users/" + employee.id()))
            .andReturn();
    String password = (String) reset.getFlashMap().get("generatedPassword");
    assertThat(password).isNotBlank().isNotEqualTo(TestUsers.PASSWORD);
    assertThat(administration.isLocked(employee.id())).isFalse();

    mvc.perform(login(employee.email(), TestUsers.PASSWORD))
        .andExpect(redirectedUrl("/login?error=bad"));
    mvc.perform(login(employee.email(), password)).andExpect(redirectedUrl("/"));
    assertThat(auditCount(employee.email(), AuditType.LOGIN_SUCCEEDED)).isEqualTo(1);
    assertThat(auditCount(admin.email(), AuditType.PASSWORD_RESET)).isEqualTo(1);
  }

  @Test
  void unknownAddressesAreThrottledToo() throws Exception {
    String nobody = "nobody-" + System.nanoTime() + "@example.nl";
    for (int i = 0; i < 5; i++) {
      mvc.perform(login(nobody, "guess-" + i)).andExpect(redirectedUrl("/login?error=bad"));
    }
    assertThat(
            jdbc.sql("SELECT locked_until FROM login_throttle WHERE login_key = :k")
                .param("k", nobody)
                .query(java.time.OffsetDateTime.class)
                .single())
        .isAfter(java.time.OffsetDateTime.now());
    assertThat(auditCount(nobody, AuditType.LOGIN_FAILED)).isEqualTo(5);
    // Like a real account, a locked unknown address answers "locked": no way to tell them apart.
    mvc.perform(login(nobody, "guess-6")).andExpect(redirectedUrl("/login?error=locked"));
    assertThat(auditCount(nobody, AuditType.LOGIN_THROTTLED)).isEqualTo(1);
  }

  private int auditCount(String actor, AuditType type) {
    return jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = :a AND type = :t")
        .param("a", actor)
        .param("t", type.name())
        .query(Integer.class)
        .single();
  }
}
