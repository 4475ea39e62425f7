package nl.orgcoach.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.ApiTokens;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.Role;
import nl.orgcoach.support.Browser;
import nl.orgcoach.support.BrowserSettings;
import nl.orgcoach.support.BrowserTest;
import nl.orgcoach.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** Every role logs in and sees its own navigation; a wrong password is answered in Dutch. */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginJourneyTest {

  static final String PASSWORD = TestUsers.PASSWORD;

  @Autowired AccessAdministration administration;
  @Autowired ApiTokens tokens;

  ClientId client;
  final Map<Role, String> emails = new java.util.EnumMap<>(Role.class);

  @BeforeAll
  void users() {
    TestUsers users = new TestUsers(administration, tokens);
    client = users.client("Zorggroep Login");
    for (Role role : Role.values()) {
      emails.put(role, users.create(role, client).email());
    }
  }

  @Test
  void eachRoleSeesItsOwnNavigation(Browser browser) {
    java.util.Set<String> badges = new java.util.HashSet<>();
    for (Role role : Role.values()) {
      browser.login(emails.get(role), PASSWORD);
      browser.open("/c/" + client + "/org");
      WebElement nav = browser.byTestId("main-nav");
      browser.screenshot("nav-" + role.name().toLowerCase());
      List<String> items =
          nav.findElements(By.cssSelector("a[data-nav]")).stream()
              .map(a -> a.getDomAttribute("data-nav"))
              .toList();
      assertThat(items)
          .as("navigation of %s", role)
          .contains("org", "people", "settings", "interdependencies");
      assertThat(items.contains("admin-users"))
          .as("%s sees user administration", role)
          .isEqualTo(role == Role.ADMIN);
      assertThat(items.contains("import"))
          .as("%s sees import", role)
          .isEqualTo(role == Role.ADMIN || role == Role.HR);
      assertThat(browser.byTestId("role").getText()).as("role badge of %s", role).isNotBlank();
      badges.add(browser.byTestId("role").getText());
      logout(browser);
    }
    assertThat(badges).as("one badge text per role").hasSize(Role.values().length);
  }

  @Test
  @BrowserSettings(lang = "nl")
  void wrongPasswordIsAnsweredInDutch(Browser browser) {
    browser.open("/login");
    browser.submitLogin(emails.get(Role.EMPLOYEE), "not-the-password");
    WebElement error = browser.byTestId("login-error");
    browser.screenshot("wrong-password-nl");
    assertThat(error.getText()).isEqualTo("Onjuist e-mailadres of wachtwoord.");
    assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang"))
        .isEqualTo("nl");
  }

  @Test
  void wrongPasswordIsAnsweredInEnglishByDefault(Browser browser) {
    browser.open("/login");
    browser.submitLogin(emails.get(Role.HR), "not-the-password");
    assertThat(browser.byTestId("login-error").getText())
        .isEqualTo("Wrong e-mail address or password.");
  }

  private static void logout(Browser browser) {
    // The logout form sits in a dropdown; submitting it directly keeps this independent of the
    // menu.
    browser.driver().findElement(By.cssSelector("form[action$='/logout']")).submit();
    browser.waitUntil("logged out", d -> browser.path().startsWith("/login"));
  }
}
