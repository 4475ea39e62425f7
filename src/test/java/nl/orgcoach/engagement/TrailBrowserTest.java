package nl.orgcoach.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import nl.orgcoach.support.Browser;
import nl.orgcoach.support.BrowserTest;
import nl.orgcoach.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The trail in a real browser: the coach opens it from the engagement, widens the period, reads the
 * timeline, switches to the graph (drawn by ECharts from its JSON) and clicks a node through to the
 * intervention's page.
 */
@BrowserTest
class TrailBrowserTest {

  @Autowired ApplicationContext context;

  @Test
  void fromTheEngagementThroughTheTimelineAndTheGraphToAnIntervention(Browser browser) {
    InterventionScenario s = new InterventionScenario(context);
    browser.login(s.fx.coach.email(), TestUsers.PASSWORD);
    browser.open("/c/" + s.fx.client + "/engagements/" + s.engagement);
    browser.byTestId("trail-link").click();
    browser.byTestId("trail-timeline");

    // The intervention of March is older than the default three months: widen the period.
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    js.executeScript(
        "document.getElementById('trail-from').value = '2026-01-01';"
            + "document.querySelector('[data-testid=trail-filter]').submit();");
    browser.waitUntil(
        "the timeline shows the whole path",
        d -> d.findElements(Browser.testId("trail-node")).size() == 4);
    assertThat(browser.byTestId("trail-timeline").getText())
        .contains(
            "Team coaching", "Hoe maken we samen het rooster?", "Wie beslist over de weekenden?")
        .doesNotContain(InterventionScenario.NOTES);
    browser.screenshot("trail-timeline");

    browser.byTestId("trail-view-graph").click();
    browser.waitFor(By.cssSelector("[data-testid='trail-graph'] canvas"));
    browser.waitUntil(
        "ECharts has drawn the graph",
        d ->
            Boolean.TRUE.equals(
                js.executeScript(
                    "var c = echarts.getInstanceByDom(document.querySelector("
                        + "'[data-testid=trail-graph]'));"
                        + "return !!c && c.getOption().series[0].data.length === 4;")));
    assertThat(browser.byTestId("trail-graph-a11y").getText()).contains("keyboard");
    browser.screenshot("trail-graph");

    // Wait until ECharts has finished drawing (nodes grow into place), then click the
    // intervention's node where ECharts drew it.
    browser.waitUntil(
        "the graph was drawn",
        d -> "1".equals(browser.byTestId("trail-graph").getDomAttribute("data-chart-rendered")));
    // The whole chart is scrolled into view first: Selenium's offsets count from the centre of
    // the element's visible part.
    js.executeScript(
        "document.querySelector('[data-testid=trail-graph]').scrollIntoView({block: 'center'})");
    @SuppressWarnings("unchecked")
    List<Number> at =
        (List<Number>)
            js.executeScript(
                "var target = arguments[0];"
                    + "var el = document.querySelector('[data-testid=trail-graph]');"
                    + "var c = echarts.getInstanceByDom(el);"
                    + "var data = c.getOption().series[0].data;"
                    + "var i = data.findIndex(function (n) { return n.id === target; });"
                    + "var p = c.convertToPixel({seriesIndex: 0}, [data[i].x, data[i].y]);"
                    + "return [p[0], p[1], el.clientWidth, el.clientHeight];",
                s.intervention.toString());
    WebElement chart = browser.byTestId("trail-graph");
    int x = (int) Math.round(at.get(0).doubleValue() - at.get(2).doubleValue() / 2);
    int y = (int) Math.round(at.get(1).doubleValue() - at.get(3).doubleValue() / 2);
    // A real mouse: rest on the node (ECharts enlarges a hovered node), then click. On a busy
    // machine the first click can land while the chart still redraws the hover, so a click that
    // did not navigate is repeated, at most three times.
    boolean opened = false;
    for (int attempt = 0; attempt < 3 && !opened; attempt++) {
      new Actions(browser.driver())
          .moveToElement(chart, x, y)
          .pause(Duration.ofMillis(400))
          .click()
          .perform();
      try {
        browser.waitUntil(
            "the click opened the intervention",
            Duration.ofSeconds(5),
            d -> d.getCurrentUrl().contains("/interventions/" + s.intervention));
        opened = true;
      } catch (org.openqa.selenium.TimeoutException notYet) {
        // clicked while the chart redrew: try again
      }
    }
    assertThat(opened).as("a click on the intervention's node opened it").isTrue();
    assertThat(browser.byTestId("intervention-title").getText()).contains("Team coaching");
    browser.screenshot("trail-clicked-through");
  }
}
