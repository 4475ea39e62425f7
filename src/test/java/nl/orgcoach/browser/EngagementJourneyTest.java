package nl.orgcoach.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.ApiTokens;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.support.Browser;
import nl.orgcoach.support.BrowserTest;
import nl.orgcoach.support.TestPeople;
import nl.orgcoach.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Demand-driven coaching in the browser: a coach opens an engagement and makes an intake link for a
 * team, an employee without an account puts a question for their team through it, the coach finds
 * it in the inbox ("what is the question here and now?") and takes it up without a page load
 * (htmx).
 */
@BrowserTest
class EngagementJourneyTest {

  @Autowired AccessAdministration administration;
  @Autowired ApiTokens tokens;
  @Autowired JdbcClient jdbc;

  @Test
  void coachOpensEmployeeAsksThroughTheIntakeLinkCoachTakesUp(Browser browser) {
    TestUsers users = new TestUsers(administration, tokens);
    ClientId client = users.client("Zorggroep Traject");
    UUID team = UUID.randomUUID();
    UUID person = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO unit (id, client_id, external_id, name, kind) VALUES (:id, :c, 't', 'Team Noord', 'team')")
        .param("id", team)
        .param("c", client.value())
        .update();
    TestPeople.insert(jdbc, client, person, "p", "Els", "de Vries", team);
    UserAccount coach = users.coach(client);

    // The coach opens an engagement (they are ticked as its coach already).
    browser.login(coach.email(), TestUsers.PASSWORD);
    browser.open("/c/" + client + "/engagements");
    browser.byTestId("engagement-new").click();
    browser.waitFor(By.id("title")).sendKeys("Zelfroosteren");
    setDate(browser, "startsOn", "2026-01-05");
    new Select(browser.driver().findElement(By.id("units"))).selectByVisibleText("Team Noord");
    assertThat(browser.byTestId("engagement-coach").isSelected()).isTrue();
    click(browser, browser.byTestId("engagement-save"));
    assertThat(browser.byTestId("engagement-title").getText()).isEqualTo("Zelfroosteren");
    String engagement = browser.path();
    browser.screenshot("engagement-opened");

    // The coach makes an intake link for Team Noord on the engagement page (htmx block).
    new Select(browser.waitFor(Browser.testId("intake-link-unit")))
        .selectByVisibleText("Team Noord");
    click(browser, browser.byTestId("intake-link-create"));
    String link = browser.waitFor(Browser.testId("intake-link-url")).getAttribute("value");
    assertThat(link).contains("/intake/");
    browser.screenshot("intake-link");
    logout(browser);
    browser.driver().manage().deleteAllCookies();

    // An employee without an account opens the link in a fresh session and puts a team question.
    browser.open(link.substring(link.indexOf("/intake/")));
    assertThat(browser.driver().findElements(Browser.testId("main-nav"))).isEmpty();
    assertThat(browser.byTestId("intake-unit-fixed").getAttribute("value")).isEqualTo("Team Noord");
    browser.byTestId("intake-name").sendKeys("Els de Vries");
    assertThat(browser.byTestId("intake-level-TEAM").isSelected()).isTrue();
    browser.byTestId("intake-text").sendKeys("Mogen wij ons rooster zelf maken?");
    browser.screenshot("intake-form");
    click(browser, browser.byTestId("intake-submit"));
    browser.waitFor(Browser.testId("intake-thanks"));
    browser.screenshot("intake-thanks");
    assertThat(
            jdbc.sql("SELECT asker_person_id FROM question WHERE client_id = :c")
                .param("c", client.value())
                .query(UUID.class)
                .single())
        .as("the name is that of exactly one person of the team")
        .isEqualTo(person);

    // The coach finds it in the inbox and takes it up.
    browser.login(coach.email(), TestUsers.PASSWORD);
    browser.open(engagement);
    browser.byTestId("inbox-link").click();
    WebElement row = browser.byTestId("inbox-row");
    assertThat(row.getText())
        .contains("Mogen wij ons rooster zelf maken?", "Team Noord", "Els de Vries");
    browser.screenshot("inbox");
    click(browser, row.findElement(Browser.testId("take-up")));
    browser.waitUntil(
        "the row shows the question as taken up",
        d ->
            d.findElements(By.cssSelector("[data-testid='inbox-row'][data-status='TAKEN_UP']"))
                    .size()
                == 1);
    assertThat(browser.byTestId("inbox-status").getText()).isEqualTo("Taken up");
    browser.screenshot("taken-up");
  }

  private static void setDate(Browser browser, String id, String iso) {
    // Typing into a date input depends on the browser's locale; setting the value does not.
    browser
        .driver()
        .findElement(By.id(id))
        .sendKeys(iso.substring(8) + iso.substring(5, 7) + iso.substring(0, 4));
    Object value =
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
            .executeScript("return document.getElementById(arguments[0]).value", id);
    if (!iso.equals(value)) {
      ((org.openqa.selenium.JavascriptExecutor) browser.driver())
          .executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, iso);
    }
  }

  /**
   * Clicks a button the way a user's click does (submit event, so htmx sees it too), without
   * depending on where the long form puts it in the headless window.
   */
  private static void click(Browser browser, WebElement element) {
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].click()", element);
  }

  private static void logout(Browser browser) {
    browser.driver().findElement(By.cssSelector("form[action$='/logout']")).submit();
    browser.waitUntil("logged out", d -> browser.path().startsWith("/login"));
  }
}
