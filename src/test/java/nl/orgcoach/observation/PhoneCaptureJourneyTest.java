package nl.orgcoach.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.orgcoach.support.Browser;
import nl.orgcoach.support.BrowserSettings;
import nl.orgcoach.support.BrowserTest;
import nl.orgcoach.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A coach on a phone (390×844, Dutch): plans today's meeting of a setting, captures three
 * observations in it — one while the network is down, sent when it is back; one typed, then the
 * page reloaded, and the draft still there — and opens the person's profile.
 */
@BrowserTest
class PhoneCaptureJourneyTest {

  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;

  @Test
  @BrowserSettings(lang = "nl", phone = true)
  void captureThreeObservationsInAMeetingThenOpenTheProfile(Browser browser) {
    ObservationScenario s = new ObservationScenario(context);
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    browser.login(s.coach.email(), TestUsers.PASSWORD);

    browser.open(s.page() + "/meetings");
    new Select(browser.byTestId("meeting-setting")).selectByVisibleText("MT Wijkzorg");
    tap(browser, browser.byTestId("meeting-plan"));
    browser.byTestId("meeting-title");
    browser.open("/c/" + s.client + "/observe");
    tap(browser, browser.byTestId("capture-meeting"));
    browser.byTestId("capture");

    // 1. Online: Els, the first behaviour, "often", a note, a bright spot.
    capture(browser, s.els.toString(), 0, 4);
    browser.byTestId("capture-note").sendKeys("Vroeg eerst het team om inbreng");
    tap(browser, browser.driver().findElement(By.cssSelector("label[for='capture-bright']")));
    tap(browser, browser.byTestId("capture-submit"));
    waitForStates(browser, List.of("sent"));

    // 2. Offline: the submit fails, the observation waits on the phone, and goes when back online.
    js.executeScript(
        "window.__fetch = window.fetch;"
            + " window.fetch = function () { return Promise.reject(new TypeError('offline')); };");
    capture(browser, s.els.toString(), 1, 2);
    tap(browser, browser.byTestId("capture-submit"));
    waitForStates(browser, List.of("queued", "sent"));
    assertThat((String) js.executeScript("return localStorage.getItem('orgcoach.observe.outbox')"))
        .contains(s.els.toString());
    assertThat(count(s)).isEqualTo(1);
    browser.screenshot("capture-offline");
    js.executeScript("window.fetch = window.__fetch; window.dispatchEvent(new Event('online'));");
    waitForStates(browser, List.of("sent", "sent"));

    // 3. Typed, then the page reloads before saving: the draft is still there.
    capture(browser, s.ruud.toString(), 2, 5);
    browser.driver().navigate().refresh();
    WebElement ruud =
        browser.waitFor(By.cssSelector(".capture-person[data-person-id='" + s.ruud + "']"));
    assertThat(ruud.getDomAttribute("aria-pressed")).isEqualTo("true");
    tap(browser, browser.byTestId("capture-submit"));
    browser.waitUntil("three observations stored", d -> count(s) == 3);
    browser.assertFitsAPhone();
    browser.screenshot("capture-phone");

    browser.open(s.page() + "/people/" + s.els + "/profile");
    assertThat(browser.byTestId("profile-name").getText()).contains("Els");
    assertThat(browser.byTestId("profile-count").getText()).contains("2");
    assertThat(browser.allByTestId("profile-observation")).hasSize(2);
    assertThat(browser.byTestId("profile-table").getText()).contains("Leidinggevenden aanwezig");
    browser.screenshot("profile-phone");
  }

  private static void capture(Browser browser, String person, int behaviour, int rating) {
    tap(
        browser,
        browser.waitFor(By.cssSelector(".capture-person[data-person-id='" + person + "']")));
    WebElement b =
        browser.driver().findElements(By.cssSelector(".capture-behaviour")).get(behaviour);
    tap(browser, b.findElement(By.cssSelector(".capture-toggle")));
    tap(
        browser,
        browser.waitUntil(
            "the rating scale",
            d -> {
              WebElement button =
                  b.findElement(By.cssSelector(".capture-rating[data-rating='" + rating + "']"));
              return button.isDisplayed() ? button : null;
            }));
  }

  /** A tap on a phone: the element scrolled to the middle of the screen first. */
  static void tap(Browser browser, WebElement element) {
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    try {
      element.click();
    } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
      // Emulated mobile layout: ChromeDriver sometimes reports a visible element as covered.
      browser.clickByScript(element);
    }
  }

  /**
   * The outbox is redrawn whenever a draft changes state, so its items are read in one script
   * (reading them one by one can meet an element that was just replaced).
   */
  private static void waitForStates(Browser browser, List<String> states) {
    browser.waitUntil(
        "outbox " + states,
        d ->
            states.equals(
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return Array.from(document.querySelectorAll('#capture-outbox > li'))"
                            + ".map(function (li) { return li.getAttribute('data-state'); });")));
  }

  private int count(ObservationScenario s) {
    return jdbc.sql("SELECT count(*) FROM observation WHERE client_id = :c")
        .param("c", s.client.value())
        .query(Integer.class)
        .single();
  }
}
