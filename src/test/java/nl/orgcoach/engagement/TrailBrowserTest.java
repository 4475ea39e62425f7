package nl.orgcoach.engagement;

import static org.assertj.core.api.Assertions.assertThat;

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

    // Click the intervention's node where ECharts drew it. The whole chart is scrolled into view
    // first: Selenium's offsets count from the centre of the element's visible part.
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
    new Actions(browser.driver())
        .moveToElement(
            chart,
            (int) Math.round(at.get(0).doubleValue() - at.get(2).doubleValue() / 2),
            (int) Math.round(at.get(1).doubleValue() - at.get(3).doubleValue() / 2))
        .click()
        .perform();
    browser.waitUntil(
        "the click opened the intervention",
        d -> d.getCurrentUrl().contains("/interventions/" + s.intervention));
    assertThat(browser.byTestId("intervention-title").getText()).contains("Team coaching");
    browser.screenshot("trail-clicked-through");
  }
}
