package nl.orgcoach.access;

import static nl.orgcoach.support.TestUsers.asUser;
import static nl.orgcoach.support.TestUsers.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nl.orgcoach.support.IntegrationTest;
import nl.orgcoach.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
@AutoConfigureMockMvc
class AccountPagesTests {

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;

  @Test
  void showsWhoIAmAndTheClientsIReach() throws Exception {
    TestUsers users = TestUsers.in(context);
    ClientId reached = users.client("Bereikt");
    ClientId notReached = users.client("Niet bereikt");
    UserAccount coach = users.coach(reached);
    String html =
        mvc.perform(get("/account").with(asUser(coach)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains(coach.email())
        .contains("data-testid=\"account-role\"")
        .contains(">coach<");
    assertThat(html).contains(reached.toString()).doesNotContain(notReached.toString());
  }

  @Test
  void changesTheOwnPassword() throws Exception {
    TestUsers users = TestUsers.in(context);
    UserAccount employee = users.employee(users.client("Wachtwoord BV"));
    String replacement = "een-nieuw-wachtwoord";

    mvc.perform(
            post("/account/password")
                .param("current", "not-my-password")
                .param("replacement", replacement)
                .param("repeat", replacement)
                .with(asUser(employee))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("current password is not correct")));
    mvc.perform(
            post("/account/password")
                .param("current", TestUsers.PASSWORD)
                .param("replacement", replacement)
                .param("repeat", replacement + "x")
                .with(asUser(employee))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("not the same")));
    mvc.perform(login(employee.email(), TestUsers.PASSWORD)).andExpect(redirectedUrl("/"));

    mvc.perform(
            post("/account/password")
                .param("current", TestUsers.PASSWORD)
                .param("replacement", replacement)
                .param("repeat", replacement)
                .with(asUser(employee))
                .with(csrf()))
        .andExpect(redirectedUrl("/account"));
    mvc.perform(login(employee.email(), TestUsers.PASSWORD))
        .andExpect(redirectedUrl("/login?error=bad"));
    mvc.perform(login(employee.email(), replacement)).andExpect(redirectedUrl("/"));
  }
}
