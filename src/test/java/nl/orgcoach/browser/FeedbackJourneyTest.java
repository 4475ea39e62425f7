package nl.orgcoach.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.ApiTokens;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.Role;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.support.Browser;
import nl.orgcoach.support.BrowserSettings;
import nl.orgcoach.support.BrowserTest;
import nl.orgcoach.support.TestPeople;
import nl.orgcoach.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On a Dutch phone: Els asks four people for feedback on one behaviour; three answer through the
 * links in their mails; Els sees how many answered but no result; she closes the round and sees her
 * own rating beside all others.
 */
@BrowserTest
class FeedbackJourneyTest {

  private static final Pattern LINK = Pattern.compile("/f/([A-Za-z0-9_-]{43})\\?lang=(nl|en)");

  @Autowired AccessAdministration administration;
  @Autowired ApiTokens tokens;
  @Autowired JdbcClient jdbc;

  @Test
  @BrowserSettings(
      lang = "nl",
      width = BrowserSettings.PHONE_WIDTH,
      height = BrowserSettings.PHONE_HEIGHT,
      mobile = true)
  void aCoacheeAsksFourPeopleThreeAnswerAndTheResultsAppearWhenTheRoundCloses(Browser browser) {
    TestUsers users = new TestUsers(administration, tokens);
    ClientId client = users.client("Feedbackreis");
    String tag = UUID.randomUUID().toString().substring(0, 8);
    UUID team = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO unit (id, client_id, external_id, name, kind) VALUES (:id, :c, 't', 'Team', 'team')")
        .param("id", team)
        .param("c", client.value())
        .update();
    UUID bram = person(client, team, "Bram", null, tag);
    UUID els = person(client, team, "Els", bram, tag);
    for (String peer : List.of("Mo", "Sam", "Kim")) {
      person(client, team, peer, bram, tag);
    }
    UserAccount elsUser = users.personUser(Role.EMPLOYEE, client, els);

    browser.login(elsUser.email(), TestUsers.PASSWORD);
    browser.open("/c/" + client.value() + "/feedback/new");
    browser.byTestId("behaviour1").sendKeys("Ik vraag door voordat ik advies geef");
    for (String peer : List.of("Mo", "Sam", "Kim")) {
      click(browser, browser.driver().findElement(Browser.testId("pick-" + peer + " Test")));
    }
    browser.byTestId("email1").sendKeys("extern-" + tag + "@example.org");
    browser.screenshot("feedback-new-phone");
    click(browser, browser.byTestId("feedback-start"));
    browser.waitFor(Browser.testId("feedback-progress"));
    assertThat(browser.byTestId("feedback-no-results").getText())
        .contains("De resultaten verschijnen");

    // Three peers answer on their phones through the links in their mails; Els rates herself.
    int rating = 3;
    for (String who : List.of("Mo", "Sam", "Kim", "Els")) {
      browser.driver().manage().deleteAllCookies();
      browser.open(link(who.toLowerCase() + "-" + tag + "@example.nl"));
      assertThat(browser.driver().findElement(By.tagName("h1")).getText())
          .isEqualTo(who.equals("Els") ? "Je eigen beoordeling" : "Feedback voor Els Test");
      fitsThePhone(browser);
      click(browser, browser.driver().findElement(Browser.testId("b1-" + rating)));
      click(browser, browser.byTestId("feedback-submit"));
      assertThat(browser.waitFor(Browser.testId("feedback-link-message")).getText())
          .contains("Dank je");
      rating++;
      if (rating > 5) {
        rating = 2;
      }
    }

    browser.login(elsUser.email(), TestUsers.PASSWORD);
    browser.open("/c/" + client.value() + "/feedback");
    click(browser, browser.byTestId("feedback-round-link"));
    WebElement peers =
        browser.waitFor(By.cssSelector("[data-testid='feedback-progress'] tr[data-group='PEER']"));
    assertThat(peers.getText()).contains("3 van 3");
    assertThat(browser.allByTestId("feedback-result")).isEmpty();
    browser.screenshot("feedback-progress-phone");

    click(browser, browser.byTestId("feedback-close"));
    WebElement result = browser.byTestId("feedback-result");
    assertThat(result.findElement(By.cssSelector("tr[data-row='SELF']")).getText()).contains("2");
    // Mo 3, Sam 4, Kim 5: all others 4.00 from 3 raters.
    assertThat(result.findElement(By.cssSelector("tr[data-row='ALL_OTHERS']")).getText())
        .contains("4,00")
        .contains("3");
    browser.screenshot("feedback-results-phone");
  }

  private UUID person(ClientId client, UUID team, String first, UUID manager, String tag) {
    UUID id = UUID.randomUUID();
    return TestPeople.insert(
        jdbc,
        client,
        id,
        first,
        first,
        "Test",
        team,
        manager,
        first.toLowerCase() + "-" + tag + "@example.nl",
        null);
  }

  private String link(String address) {
    String body =
        jdbc.sql(
                "SELECT body FROM mail_outbox WHERE recipient = :r ORDER BY created_at DESC FETCH FIRST 1 ROWS ONLY")
            .param("r", address)
            .query(String.class)
            .single();
    Matcher m = LINK.matcher(body);
    assertThat(m.find()).as(body).isTrue();
    return "/f/" + m.group(1) + "?lang=" + m.group(2);
  }

  private static void fitsThePhone(Browser browser) {
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    assertThat(
            ((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue())
        .as("no sideways scrolling on a phone")
        .isLessThanOrEqualTo(BrowserSettings.PHONE_WIDTH);
  }

  private static void click(Browser browser, WebElement element) {
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click()", element);
  }
}
