package nl.orgcoach.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import nl.orgcoach.support.Browser;
import nl.orgcoach.support.BrowserSettings;
import nl.orgcoach.support.BrowserTest;
import nl.orgcoach.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The observed person on a phone (390×844, Dutch): finds "Mijn observatieprofiel" on their own
 * page, gives their own account of two behaviours with a comment, and — once the coach released the
 * profile — opens it from the same place and reads say–do beside what was observed.
 */
@BrowserTest
class SayDoPhoneJourneyTest {

  @Autowired ApplicationContext context;

  @Test
  @BrowserSettings(lang = "nl", phone = true)
  void thePersonGivesTheirAccountAndReadsSayDoAfterRelease(Browser browser) {
    ObservationScenario s = new ObservationScenario(context);
    List<UUID> behaviours = s.behaviours();
    UUID meeting = s.meeting(ObservationScenario.daysAgo(2));
    s.observe(meeting, s.els, behaviours.get(0), 2, 2, 3);
    s.observe(meeting, s.els, behaviours.get(1), 4, 4, 5, 4);
    browser.login(s.elsUser.email(), TestUsers.PASSWORD);

    browser.open("/c/" + s.client + "/my");
    tap(browser, browser.waitFor(Browser.testId("my-observation-form")));
    assertThat(browser.allByTestId("my-observation-profile")).isEmpty();
    browser.byTestId("self-assessment-form");
    List<WebElement> items = browser.allByTestId("self-assessment-behaviour");
    tap(browser, label(items.get(0), 5));
    tap(browser, label(items.get(1), 4));
    items.get(0).findElement(Browser.testId("self-assessment-comment")).sendKeys("Ik vraag altijd");
    browser.screenshot("self-assessment-phone");
    tap(browser, browser.byTestId("self-assessment-submit"));
    assertThat(browser.byTestId("self-assessment-saved").getText()).contains("Opgeslagen");
    assertThat(s.selfAssessments()).isEqualTo(1);

    s.release(s.els);
    browser.open("/c/" + s.client + "/my");
    tap(browser, browser.waitFor(Browser.testId("my-observation-profile")));
    WebElement sayDo = browser.byTestId("say-do-table");
    List<WebElement> lines = browser.allByTestId("say-do-line");
    assertThat(lines.get(0).getDomAttribute("data-reading")).isEqualTo("HIGHER");
    assertThat(lines.get(1).getDomAttribute("data-reading")).isEqualTo("WITHIN");
    assertThat(sayDo.getText())
        .contains("schat zichzelf hoger in dan waargenomen")
        .contains("Ik vraag altijd");
    browser.assertFitsAPhone();
    // The phone's screenshot shows the top of the page: fold the profile above say-do away.
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "var e = document.getElementById('say-do').previousElementSibling;"
                + " while (e) { e.setAttribute('hidden', ''); e.classList.remove('d-flex');"
                + " e = e.previousElementSibling; }");
    browser.screenshot("say-do-phone");
  }

  private static WebElement label(WebElement behaviour, int rating) {
    String id =
        behaviour
            .findElement(By.cssSelector("input[value='" + rating + "']"))
            .getDomAttribute("id");
    return behaviour.findElement(By.cssSelector("label[for='" + id + "']"));
  }

  private static void tap(Browser browser, WebElement element) {
    PhoneCaptureJourneyTest.tap(browser, element);
  }
}
