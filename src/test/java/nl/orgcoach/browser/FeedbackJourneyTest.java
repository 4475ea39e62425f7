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
 * links in their mails (taken from the outbox, as mailed); Els sees how many answered but no result
 * below the threshold, nor before the round closes; she closes it and sees her own rating beside
 * all others, with the self–other category and its settings. A second round with the same people
 * shows the trend, reliable change with the reference it used, and the category again.
 */
@BrowserTest
class FeedbackJourneyTest {

  private static final Pattern LINK = Pattern.compile("/f/([A-Za-z0-9_-]{43})\\?lang=(nl|en)");

  @Autowired AccessAdministration administration;
  @Autowired ApiTokens tokens;
  @Autowired JdbcClient jdbc;

  @Test
  @BrowserSettings(lang = "nl", phone = true)
  void
      aCoacheeAsksFourPeopleThreeAnswerTheResultsAppearWhenTheRoundClosesAndASecondRoundShowsTheTrend(
          Browser browser) {
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

    startRound(browser, elsUser, client, tag);
    assertThat(browser.byTestId("feedback-no-results").getText())
        .contains("De resultaten verschijnen");

    // Two peers answer on their phones through the links in their mails.
    answer(browser, "Mo", tag, 2, false);
    answer(browser, "Sam", tag, 3, true);

    // Below the threshold: Els sees how many answered, and no result of any group.
    openLatestRound(browser, elsUser, client);
    WebElement peers =
        browser.waitFor(By.cssSelector("[data-testid='feedback-progress'] tr[data-group='PEER']"));
    assertThat(peers.getText()).contains("2 van 3");
    assertThat(browser.allByTestId("feedback-result")).isEmpty();
    browser.screenshot("feedback-progress-phone");

    // The third peer and Els herself; the outsider never answers.
    answer(browser, "Kim", tag, 2, false);
    answer(browser, "Els", tag, 4, false);
    openLatestRound(browser, elsUser, client);
    assertThat(
            browser
                .waitFor(By.cssSelector("[data-testid='feedback-progress'] tr[data-group='PEER']"))
                .getText())
        .contains("3 van 3");
    assertThat(browser.allByTestId("feedback-result")).isEmpty();

    browser.clickByScript(browser.byTestId("feedback-close"));
    WebElement result = browser.byTestId("feedback-result");
    assertThat(result.findElement(By.cssSelector("tr[data-row='SELF']")).getText()).contains("4");
    // Mo 2, Sam 3, Kim 2: all others 2.33 from 3 raters; Els's 4 is well above (D = 1.67).
    assertThat(result.findElement(By.cssSelector("tr[data-row='ALL_OTHERS']")).getText())
        .contains("2,33")
        .contains("3");
    assertThat(result.findElement(Browser.testId("feedback-soa")).getDomAttribute("data-category"))
        .isEqualTo("OVER_ESTIMATOR");
    assertThat(result.findElement(Browser.testId("feedback-soa")).getText())
        .contains("Je beoordeelt jezelf hoger dan anderen");
    assertThat(browser.byTestId("feedback-soa-settings").getText())
        .contains("± 0,50")
        .contains("-0,21")
        .contains("0,39");
    browser.screenshot("feedback-results-phone");

    // A second round on the same behaviour with the same people: the trend, reliable change with
    // the reference it used, and the self–other category again.
    startRound(browser, elsUser, client, tag);
    answer(browser, "Mo", tag, 4, false);
    answer(browser, "Sam", tag, 5, false);
    answer(browser, "Kim", tag, 4, false);
    answer(browser, "Els", tag, 4, false);
    openLatestRound(browser, elsUser, client);
    browser.clickByScript(browser.byTestId("feedback-close"));
    result = browser.byTestId("feedback-result");
    assertThat(result.findElement(By.cssSelector("tr[data-row='ALL_OTHERS']")).getText())
        .contains("4,33");
    WebElement trend = result.findElement(Browser.testId("feedback-trend"));
    assertThat(trend.getText()).contains("2,33").contains("4,33");
    // 2.33 → 4.33 with s1 0.8, r 0.7: RC = 2 / 0.62 = 3.23, reliable from 1.21.
    assertThat(trend.findElement(Browser.testId("feedback-change")).getText())
        .contains("Betrouwbaar hoger")
        .contains("3,23");
    assertThat(trend.findElement(Browser.testId("feedback-change-settings")).getText())
        .contains("0,80")
        .contains("0,70")
        .contains("1,21");
    assertThat(result.findElement(Browser.testId("feedback-soa")).getDomAttribute("data-category"))
        .isEqualTo("UNDER_ESTIMATOR");
    assertThat(browser.byTestId("feedback-footnotes").getText())
        .contains(
            "s₁ en r: voorlopige waarden (er is nog geen referentie van deze klant gepubliceerd)");
    browser.assertFitsAPhone();
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].scrollIntoView({block: 'end', behavior: 'instant'})", trend);
    browser.screenshot("feedback-trend-phone");
  }

  /** Els asks Mo, Sam and Kim (from the org chart) and an outsider (by e-mail) on one behaviour. */
  private void startRound(Browser browser, UserAccount els, ClientId client, String tag) {
    browser.login(els.email(), TestUsers.PASSWORD);
    browser.open("/c/" + client.value() + "/feedback/new");
    browser.byTestId("behaviour1").sendKeys("Ik vraag door voordat ik advies geef");
    for (String peer : List.of("Mo", "Sam", "Kim")) {
      browser.clickByScript(browser.driver().findElement(Browser.testId("pick-" + peer + " Test")));
    }
    browser.byTestId("email1").sendKeys("extern-" + tag + "@example.org");
    browser.screenshot("feedback-new-phone");
    browser.clickByScript(browser.byTestId("feedback-start"));
    browser.waitFor(Browser.testId("feedback-progress"));
  }

  /** A rater opens the link of their latest mail on the phone, without being logged in. */
  private void answer(Browser browser, String who, String tag, int rating, boolean screenshot) {
    browser.driver().manage().deleteAllCookies();
    browser.open(link(who.toLowerCase() + "-" + tag + "@example.nl"));
    assertThat(browser.driver().findElement(By.tagName("h1")).getText())
        .isEqualTo(who.equals("Els") ? "Je eigen beoordeling" : "Feedback voor Els Test");
    browser.assertFitsAPhone();
    browser.clickByScript(browser.driver().findElement(Browser.testId("b1-" + rating)));
    if (screenshot) {
      browser.screenshot("feedback-answer-phone");
    }
    browser.clickByScript(browser.byTestId("feedback-submit"));
    assertThat(browser.waitFor(Browser.testId("feedback-link-message")).getText())
        .contains("Dank je");
  }

  private void openLatestRound(Browser browser, UserAccount els, ClientId client) {
    browser.login(els.email(), TestUsers.PASSWORD);
    browser.open("/c/" + client.value() + "/feedback");
    browser.clickByScript(browser.byTestId("feedback-round-link"));
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
}
