package nl.orgcoach.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.ApiTokens;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.support.Browser;
import nl.orgcoach.support.BrowserSettings;
import nl.orgcoach.support.BrowserTest;
import nl.orgcoach.support.TestPeople;
import nl.orgcoach.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public link pages on a Dutch phone, without an account: the intake form fits the screen,
 * answers a mistake in Dutch and takes the question; the reaction link takes one answer from this
 * browser and then says so.
 */
@BrowserTest
class PhoneLinksTest {

  @Autowired AccessAdministration administration;
  @Autowired ApiTokens tokens;
  @Autowired JdbcClient jdbc;
  @Autowired EngagementService engagements;
  @Autowired InterventionService interventions;
  @Autowired IntakeService intake;
  @Autowired ReactionService reactions;

  @Test
  @BrowserSettings(lang = "nl", phone = true)
  void intakeAndReactionLinksOnAPhone(Browser browser) {
    TestUsers users = new TestUsers(administration, tokens);
    ClientId client = users.client("Zorggroep Telefoonlink");
    ClientScope scope = administration.systemScope(client, "test");
    UUID division = UUID.randomUUID();
    UUID team = UUID.randomUUID();
    UUID person = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO unit (id, client_id, external_id, name, kind) VALUES (:id, :c, 'd', 'Wijkzorg', 'divisie')")
        .param("id", division)
        .param("c", client.value())
        .update();
    jdbc.sql(
            "INSERT INTO unit (id, client_id, external_id, name, kind, parent_id) VALUES (:id, :c, 't', 'Team Oost', 'team', :p)")
        .param("id", team)
        .param("c", client.value())
        .param("p", division)
        .update();
    TestPeople.insert(jdbc, client, person, "p", "Sanne", "Bos", team);
    UserAccount coach = users.coach(client);
    UUID engagement =
        engagements
            .open(
                scope,
                coach,
                new Engagement.Draft(
                    "Samen roosteren",
                    null,
                    null,
                    "2026-01-05",
                    null,
                    List.of(coach.id()),
                    List.of(division),
                    null,
                    null,
                    null,
                    null))
            .value();
    String intakeSecret = intake.create(scope, coach, engagement, null, 30).secret();

    browser.open("/intake/" + intakeSecret);
    assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Stel je vraag");
    fitsThePhone(browser);
    // Team Oost lies below the scope unit Wijkzorg: it is offered too.
    new Select(browser.byTestId("intake-unit")).selectByVisibleText("Team Oost");
    browser.byTestId("intake-text").sendKeys("Kunnen we de overdracht anders doen?");
    browser.clickByScript(browser.byTestId("intake-submit"));
    assertThat(browser.waitFor(Browser.testId("error-askerName")).getText())
        .isEqualTo("Verplicht.");
    assertThat(browser.byTestId("intake-text").getAttribute("value"))
        .isEqualTo("Kunnen we de overdracht anders doen?");
    browser.screenshot("intake-error-phone");
    browser.byTestId("intake-name").sendKeys("Sanne");
    browser.clickByScript(browser.byTestId("intake-submit"));
    browser.waitFor(Browser.testId("intake-thanks"));
    browser.screenshot("intake-thanks-phone");
    assertThat(
            jdbc.sql("SELECT owner_unit_id FROM question WHERE client_id = :c")
                .param("c", client.value())
                .query(UUID.class)
                .single())
        .isEqualTo(team);

    UUID question =
        jdbc.sql("SELECT id FROM question WHERE client_id = :c")
            .param("c", client.value())
            .query(UUID.class)
            .single();
    UUID intervention =
        interventions.record(
            scope,
            coach,
            engagement,
            new Intervention.Draft(
                "TEAM_COACHING",
                LocalDate.now().toString(),
                "60",
                List.of(coach.id()),
                List.of(person),
                List.of(),
                List.of(question),
                null,
                List.of(),
                List.of()));
    String reactionSecret =
        reactions.createLink(scope, coach, engagement, intervention, null).secret();
    browser.open("/reaction/" + reactionSecret);
    fitsThePhone(browser);
    browser.clickByScript(
        browser.driver().findElement(By.cssSelector("input[name='rating'][value='5']")));
    browser.clickByScript(browser.byTestId("reaction-link-submit"));
    assertThat(browser.waitFor(Browser.testId("public-message")).getText()).contains("Dank je wel");
    browser.open("/reaction/" + reactionSecret);
    assertThat(browser.waitFor(Browser.testId("public-message")).getText())
        .contains("Je hebt al geantwoord");
    browser.screenshot("reaction-already-phone");
    assertThat(
            jdbc.sql("SELECT rating FROM reaction WHERE intervention_id = :i")
                .param("i", intervention)
                .query(Integer.class)
                .list())
        .containsExactly(5);
  }

  private static void fitsThePhone(Browser browser) {
    browser.assertFitsAPhone();
    assertThat(browser.driver().findElements(Browser.testId("main-nav"))).isEmpty();
  }
}
