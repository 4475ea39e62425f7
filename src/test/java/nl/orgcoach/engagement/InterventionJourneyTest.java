package nl.orgcoach.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.ApiTokens;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.Role;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.support.Browser;
import nl.orgcoach.support.BrowserTest;
import nl.orgcoach.support.TestPeople;
import nl.orgcoach.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Interventions in the browser: the coach records a team-coaching intervention that answers the
 * employee's question, with an agreement for the manager and a follow-up question; the manager
 * updates the agreement on their own home page (htmx) and rates the intervention there; HR cannot
 * reach the notes, not even by typing the intervention's URL.
 */
@BrowserTest
class InterventionJourneyTest {

  static final String NOTES = "Geheim: Mo en het team praten langs elkaar heen";

  @Autowired AccessAdministration administration;
  @Autowired ApiTokens tokens;
  @Autowired JdbcClient jdbc;
  @Autowired EngagementService engagements;

  @Test
  void coachRecordsManagerKeepsAgreementHrSeesNoNotes(Browser browser) {
    TestUsers users = new TestUsers(administration, tokens);
    ClientId client = users.client("Zorggroep Interventie");
    ClientScope scope = administration.systemScope(client, "test");
    UUID team = UUID.randomUUID();
    UUID els = UUID.randomUUID();
    UUID mo = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO unit (id, client_id, external_id, name, kind) VALUES (:id, :c, 't', 'Team Noord', 'team')")
        .param("id", team)
        .param("c", client.value())
        .update();
    person(client, els, "els", "Els", "de Vries", team);
    person(client, mo, "mo", "Mo", "Bakker", team);
    UserAccount coach = users.coach(client);
    UserAccount employee = users.personUser(Role.EMPLOYEE, client, els);
    UserAccount manager = users.personUser(Role.MANAGER, client, mo);
    UserAccount hr = users.hr(client);
    UUID engagement =
        engagements
            .open(
                scope,
                coach,
                new Engagement.Draft(
                    "Zelfroosteren",
                    null,
                    null,
                    "2026-01-05",
                    null,
                    List.of(coach.id()),
                    List.of(team),
                    null,
                    null,
                    null,
                    null))
            .value();
    engagements.ask(
        scope,
        employee,
        engagement,
        new EngagementService.QuestionForm(
            "Mogen wij ons rooster zelf maken?", "TEAM", "MY_TEAM", null, null, null));

    // The coach records the intervention from the inbox row of the question.
    browser.login(coach.email(), TestUsers.PASSWORD);
    browser.open("/c/" + client + "/engagements/" + engagement + "/inbox");
    click(browser, browser.byTestId("inbox-record-intervention"));
    browser.waitFor(Browser.testId("intervention-form"));
    new Select(browser.byTestId("intervention-type")).selectByValue("TEAM_COACHING");
    Select participants = new Select(browser.byTestId("intervention-participants"));
    participants.selectByVisibleText("Els de Vries");
    participants.selectByVisibleText("Mo Bakker");
    browser.byTestId("intervention-notes").sendKeys(NOTES);
    new Select(browser.byTestId("agreement-owner-0")).selectByVisibleText("Mo Bakker");
    browser.byTestId("agreement-what-0").sendKeys("Rooster samen met het team opstellen");
    browser.byTestId("followup-text-0").sendKeys("Wie beslist over de weekenddiensten?");
    new Select(browser.byTestId("followup-owner-0")).selectByVisibleText("Team Noord");
    browser.screenshot("intervention-form");
    click(browser, browser.byTestId("intervention-save"));
    browser.waitFor(Browser.testId("intervention-title"));
    String detail = browser.path();
    assertThat(browser.byTestId("intervention-notes").getText()).isEqualTo(NOTES);
    assertThat(browser.byTestId("intervention-questions").getText())
        .contains("Mogen wij ons rooster zelf maken?");
    assertThat(browser.byTestId("intervention-agreements").getText())
        .contains("Mo Bakker", "Rooster samen met het team opstellen");
    assertThat(browser.byTestId("intervention-followups").getText())
        .contains("Wie beslist over de weekenddiensten?");
    browser.screenshot("intervention-recorded");
    logout(browser);

    // The manager updates the agreement on their home page, without a page load.
    browser.login(manager.email(), TestUsers.PASSWORD);
    browser.open("/c/" + client + "/engagements");
    browser.byTestId("nav-my").click();
    WebElement agreements = browser.waitFor(Browser.testId("my-agreements"));
    assertThat(agreements.getText()).contains("Rooster samen met het team opstellen");
    UUID agreement =
        jdbc.sql("SELECT id FROM agreement WHERE owner_person_id = :p")
            .param("p", mo)
            .query(UUID.class)
            .single();
    new Select(browser.byTestId("agreement-status-" + agreement)).selectByValue("KEPT");
    browser.waitFor(Browser.testId("agreement-saved-" + agreement));
    assertThat(
            jdbc.sql("SELECT status FROM agreement WHERE id = :id")
                .param("id", agreement)
                .query(String.class)
                .single())
        .isEqualTo("KEPT");
    assertThat(browser.driver().getPageSource()).contains(NOTES); // a coachee reads their notes
    browser.screenshot("agreement-kept");

    // The manager, a participant, rates the intervention on the same page (htmx).
    UUID intervention = UUID.fromString(detail.substring(detail.lastIndexOf('/') + 1));
    WebElement rating = browser.waitFor(Browser.testId("reaction-row-" + intervention));
    click(browser, rating.findElement(By.cssSelector("input[name='rating'][value='4']")));
    rating.findElement(Browser.testId("reaction-comment")).sendKeys("Eindelijk samen geroosterd");
    click(browser, rating.findElement(Browser.testId("reaction-submit")));
    browser.waitFor(Browser.testId("reaction-saved"));
    assertThat(browser.byTestId("reaction-mine").getText()).contains("4");
    assertThat(
            jdbc.sql("SELECT rating FROM reaction WHERE intervention_id = :i AND person_id = :p")
                .param("i", intervention)
                .param("p", mo)
                .query(Integer.class)
                .single())
        .isEqualTo(4);
    browser.screenshot("reaction-given");
    logout(browser);

    // HR types the intervention's URL: the page shows, without the notes.
    browser.login(hr.email(), TestUsers.PASSWORD);
    browser.open(detail);
    browser.waitFor(Browser.testId("notes-confidential"));
    assertThat(browser.driver().getPageSource()).doesNotContain(NOTES);
    assertThat(browser.driver().findElements(Browser.testId("intervention-notes"))).isEmpty();
    browser.open("/c/" + client + "/my");
    assertThat(browser.driver().getPageSource()).doesNotContain(NOTES);
    browser.screenshot("hr-without-notes");
  }

  private void person(ClientId client, UUID id, String ext, String first, String last, UUID unit) {
    TestPeople.insert(jdbc, client, id, ext, first, last, unit);
  }

  private static void click(Browser browser, WebElement element) {
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click()", element);
  }

  private static void logout(Browser browser) {
    browser.driver().findElement(By.cssSelector("form[action$='/logout']")).submit();
    browser.waitUntil("logged out", d -> browser.path().startsWith("/login"));
  }
}
