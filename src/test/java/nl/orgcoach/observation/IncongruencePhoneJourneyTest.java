package nl.orgcoach.observation;

import static org.assertj.core.api.Assertions.assertThat;

import nl.orgcoach.support.Browser;
import nl.orgcoach.support.BrowserSettings;
import nl.orgcoach.support.BrowserTest;
import nl.orgcoach.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A coach on a phone (390×844) opens the incongruence analysis from the observation pages, reads
 * the flag and its rule without sideways scrolling of the page (the evidence tables scroll on their
 * own), and follows the evidence link with the keyboard to the observations behind it.
 */
@BrowserTest
class IncongruencePhoneJourneyTest {

  @Autowired ApplicationContext context;
  @Autowired ObservationService observations;

  @Test
  @BrowserSettings(phone = true)
  void fromTheObservationsToAFlagAndTheObservationsBehindIt(Browser browser) {
    ObservationScenario s = new ObservationScenario(context);
    s.incongruentEls(observations);
    browser.login(s.coach.email(), TestUsers.PASSWORD);

    browser.open(s.page() + "/observations");
    browser.byTestId("incongruence-link").sendKeys(Keys.ENTER);
    browser.waitUntil("the analysis", d -> d.getCurrentUrl().endsWith("/incongruence"));
    assertThat(browser.allByTestId("incongruence-flag")).hasSize(2);
    assertThat(browser.byTestId("incongruence-summary").getText())
        .contains("Els de Vries")
        .contains("More favourable with ‘Superiors present’");
    assertThat(browser.byTestId("rule-minObservations").getText()).contains("At least 3");
    browser.assertFitsAPhone();
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    browser.screenshot("incongruence-phone");

    WebElement evidence = browser.allByTestId("flag-evidence").get(0);
    js.executeScript("arguments[0].scrollIntoView({block: 'center'})", evidence);
    evidence.sendKeys(Keys.ENTER);
    browser.waitUntil("the person's observations", d -> d.getCurrentUrl().contains("/profile"));
    assertThat(browser.byTestId("profile-name").getText()).isEqualTo("Els de Vries");
    assertThat(browser.allByTestId("profile-observation")).hasSize(16);
  }
}
