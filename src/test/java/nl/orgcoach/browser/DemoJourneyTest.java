package nl.orgcoach.browser;

import static org.assertj.core.api.Assertions.assertThat;

import nl.orgcoach.support.Browser;
import nl.orgcoach.support.BrowserSettings;
import nl.orgcoach.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.test.context.TestPropertySource;

/**
 * A newcomer's first visit: the demo coach logs in to the demo care group, walks from the org chart
 * to a unit, a person and the interdependency graph (ECharts under the strict CSP), in Dutch. The
 * screenshots are the ones the README shows.
 */
@BrowserTest
@TestPropertySource(
    properties = {"orgcoach.demo.enabled=true", "orgcoach.demo.password=demo-wachtwoord-1"})
class DemoJourneyTest {

  @Test
  @BrowserSettings(lang = "nl", width = 1280, height = 900)
  void theDemoCoachWalksThroughTheCareGroup(Browser browser) {
    browser.login("coach@orgcoach.demo", "demo-wachtwoord-1");
    // A coach with one client lands straight on its org chart.
    browser.waitUntil("the org chart", d -> browser.path().endsWith("/org"));
    assertThat(browser.driver().findElement(By.tagName("h1")).getText())
        .isEqualTo("Zorggroep IJsselland");
    WebElement top =
        browser.waitFor(By.cssSelector("[data-testid='org-tree'] > [data-testid='org-unit']"));
    top.findElement(By.cssSelector(":scope > details > summary")).click();
    browser.waitUntil(
        "the divisions",
        d -> top.findElements(By.cssSelector("ul [data-testid='org-unit']")).size() >= 3);
    WebElement division = top.findElements(By.cssSelector("ul [data-testid='org-unit']")).get(0);
    division.findElement(By.cssSelector(":scope > details > summary")).click();
    browser.waitUntil(
        "the departments",
        d -> division.findElements(By.cssSelector("ul [data-testid='org-unit']")).size() >= 1);
    browser.screenshot("org-chart");

    division.findElement(By.cssSelector("[data-testid='org-unit-link']")).click();
    String unitName = browser.byTestId("unit-name").getText();
    assertThat(unitName).isNotBlank();
    browser.driver().findElement(By.cssSelector(".list-group a[href*='/people/']")).click();
    assertThat(browser.byTestId("person-name").getText()).isNotBlank();
    assertThat(browser.byTestId("management-chain").getText()).contains("↑");
    browser.screenshot("person");

    browser.driver().findElement(By.cssSelector("a[data-nav='interdependencies']")).click();
    WebElement graph = browser.byTestId("interdependency-graph");
    browser.waitUntil(
        "the graph is drawn", d -> !graph.findElements(By.tagName("canvas")).isEmpty());
    assertThat(browser.byTestId("interdependency-table").getText()).contains("afhankelijk");
    browser.screenshot("interdependencies");

    // Nothing on these pages broke the Content-Security-Policy.
    for (LogEntry entry : browser.driver().manage().logs().get(LogType.BROWSER)) {
      assertThat(entry.getMessage()).doesNotContain("Content Security Policy");
    }
  }
}
