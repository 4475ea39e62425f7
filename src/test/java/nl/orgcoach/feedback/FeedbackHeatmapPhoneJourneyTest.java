package nl.orgcoach.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.orgcoach.support.Browser;
import nl.orgcoach.support.BrowserSettings;
import nl.orgcoach.support.BrowserTest;
import nl.orgcoach.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * HR on a Dutch phone, with the keyboard only: from the feedback page to the heatmap, a cell with
 * its figures and one the anonymity rule hides, down from division Noord to its teams, and another
 * period. An employee gets no heatmap. The expected figures are computed here from the ratings the
 * test puts in, not copied from a screen.
 *
 * <p>The data (threshold 3, one framework behaviour): Team A three ratees of three others each (4,
 * 4, 5) closed 30 days ago; Team B three ratees (2, 3, 4) 40 days ago; Team C one ratee (1, 1, 1)
 * 50 days ago; Zuid one ratee (3, 3, 3) 50 days ago.
 */
@BrowserTest
class FeedbackHeatmapPhoneJourneyTest {

  private static final Locale NL = Locale.forLanguageTag("nl");

  @Autowired ApplicationContext context;

  /** One closed round as the test writes it: the unit of its ratee, when, the others' ratings. */
  private record Round(UUID unit, int daysAgo, int... others) {}

  private final List<Round> rounds = new ArrayList<>();
  private final List<UUID> ratees = new ArrayList<>();
  private HeatmapScenario s;

  private void given() {
    s = new HeatmapScenario(context);
    UUID b1 = s.behaviours.get(0);
    add("A1", s.teamA, 30, 4, 4, 5);
    add("A2", s.teamA, 30, 4, 4, 5);
    add("A3", s.teamA, 30, 4, 4, 5);
    add("B1", s.teamB, 40, 2, 3, 4);
    add("B2", s.teamB, 40, 2, 3, 4);
    add("B3", s.teamB, 40, 2, 3, 4);
    add("C1", s.teamC, 50, 1, 1, 1);
    add("Z1", s.zuid, 50, 3, 3, 3);
    for (int i = 0; i < rounds.size(); i++) {
      Round r = rounds.get(i);
      s.round(
          ratees.get(i),
          b1,
          r.daysAgo(),
          5,
          Arrays.stream(r.others()).boxed().toArray(Integer[]::new));
    }
  }

  private void add(String name, UUID unit, int daysAgo, int... others) {
    ratees.add(s.person(name, unit));
    rounds.add(new Round(unit, daysAgo, others));
  }

  /** The others' ratings of the rounds of these units closed at least {@code closedBefore} ago. */
  private int[] ratings(List<UUID> units, int closedBefore) {
    return rounds.stream()
        .filter(r -> units.contains(r.unit()) && r.daysAgo() >= closedBefore)
        .flatMapToInt(r -> Arrays.stream(r.others()))
        .toArray();
  }

  /** A mean as the page writes it in Dutch: one decimal, a comma. */
  private static String mean(int[] ratings) {
    return String.format(NL, "%.1f", Arrays.stream(ratings).average().orElseThrow());
  }

  @Test
  @BrowserSettings(lang = "nl", phone = true)
  void hrReadsTheHeatmapDrillsDownWithTheKeyboardAndChangesThePeriod(Browser browser) {
    given();
    List<UUID> noord = List.of(s.teamA, s.teamB, s.teamC);

    browser.login(s.hr.email(), TestUsers.PASSWORD);
    browser.open("/c/" + s.client.value() + "/feedback");
    press(browser, browser.byTestId("feedback-heatmap-link"));
    browser.byTestId("heatmap-table");
    // The newest engagement first; both start on the same day, so by title.
    assertThat(
            browser.driver().findElement(By.cssSelector("#hm-engagement option:checked")).getText())
        .isEqualTo("Heel de organisatie");
    String behaviour =
        browser.driver().findElements(By.cssSelector(".heatmap-col")).get(0).getText();
    assertThat(behaviour).isNotBlank();

    // Noord: Teams A, B and C together, 7 ratees. Zuid: one ratee, below the threshold of 3.
    int[] all = ratings(noord, 0);
    assertShown(browser, cell(browser, "heatmap-row-Noord"), behaviour, mean(all), all.length);
    assertHidden(cell(browser, "heatmap-row-Zuid"), behaviour);
    assertThat(browser.byTestId("heatmap-path").getText()).isEqualTo("Alle eenheden");
    browser.assertFitsAPhone();
    browser.screenshot("heatmap-top-phone");

    // Down to Noord with Tab and Enter only.
    WebElement drill =
        browser.byTestId("heatmap-row-Noord").findElement(By.cssSelector("th.heatmap-unit a"));
    assertThat(drill.getDomAttribute("aria-label")).isEqualTo("Noord openen");
    press(browser, drill);
    browser.waitUntil(
        "the teams of Noord", d -> browser.allByTestId("heatmap-self").isEmpty() ? null : true);
    assertThat(browser.path()).contains("unit=" + s.noord);
    assertThat(browser.byTestId("heatmap-path").getText())
        .contains("Alle eenheden")
        .contains("Noord");
    assertThat(
            browser
                .driver()
                .findElement(By.cssSelector("[data-testid='heatmap-path'] [aria-current='page']"))
                .getText())
        .isEqualTo("Noord");
    WebElement self = browser.byTestId("heatmap-self");
    assertThat(self.findElement(By.cssSelector("th")).getText()).isEqualTo("Noord (hele eenheid)");
    assertShown(browser, self.findElement(By.cssSelector("td")), behaviour, mean(all), all.length);
    int[] a = ratings(List.of(s.teamA), 0);
    assertShown(browser, cell(browser, "heatmap-row-Team A"), behaviour, mean(a), a.length);
    // Team C has one ratee; Team B is hidden too, as Noord minus A minus B would be Team C.
    assertHidden(cell(browser, "heatmap-row-Team B"), behaviour);
    assertHidden(cell(browser, "heatmap-row-Team C"), behaviour);
    browser.assertFitsAPhone();
    assertThat(
            (Boolean)
                ((JavascriptExecutor) browser.driver())
                    .executeScript(
                        "var f = document.querySelector('.heatmap-scroll');"
                            + " return f.scrollWidth > f.clientWidth;"))
        .as("the table scrolls inside its frame")
        .isTrue();
    browser.screenshot("heatmap-noord-phone");

    // Up to 35 days ago: Team A's rounds (30 days ago) drop out of Noord.
    LocalDate to = LocalDate.now(FeedbackService.ZONE).minusDays(35);
    ((JavascriptExecutor) browser.driver())
        .executeScript("document.getElementById('hm-to').value = arguments[0];", to.toString());
    press(browser, browser.byTestId("heatmap-show"));
    browser.waitUntil("the new period", d -> browser.path().contains("to=" + to) ? true : null);
    assertThat(browser.path()).contains("unit=" + s.noord);
    int[] earlier = ratings(noord, 35);
    assertThat(mean(earlier)).isNotEqualTo(mean(all));
    assertShown(
        browser,
        browser.byTestId("heatmap-self").findElement(By.cssSelector("td")),
        behaviour,
        mean(earlier),
        earlier.length);
    assertThat(browser.byTestId("heatmap-table").getText()).contains(to.toString());
    assertHidden(cell(browser, "heatmap-row-Team A"), behaviour);
    browser.assertFitsAPhone();
    browser.screenshot("heatmap-period-phone");
  }

  @Test
  @BrowserSettings(lang = "nl", phone = true)
  void anEmployeeGetsNoHeatmap(Browser browser) {
    given();
    browser.login(s.employee.email(), TestUsers.PASSWORD);
    browser.open("/c/" + s.client.value() + "/feedback");
    browser.waitFor(By.tagName("h1"));
    assertThat(browser.allByTestId("feedback-heatmap-link")).isEmpty();

    browser.open("/c/" + s.client.value() + "/feedback/heatmap?engagement=" + s.whole);
    assertThat(browser.byTestId("error-message").getText())
        .contains("bestaat niet, of u heeft er geen toegang toe");
    assertThat(browser.allByTestId("heatmap-table")).isEmpty();
    assertThat(browser.driver().findElements(By.cssSelector(".heat-cell"))).isEmpty();
    assertThat(browser.driver().getPageSource()).doesNotContain("Noord").doesNotContain("Zuid");
  }

  /** The first (the only rated) behaviour's cell of a row. */
  private static WebElement cell(Browser browser, String row) {
    return browser.byTestId(row).findElements(By.cssSelector("td.heat-cell")).get(0);
  }

  private static void assertShown(
      Browser browser, WebElement cell, String behaviour, String mean, int ratings) {
    assertThat(figures(cell)).containsExactly(mean, "n " + ratings);
    assertThat(screenReaderText(cell))
        .isEqualTo(behaviour + ": gemiddeld " + mean + " over " + ratings + " beoordelingen");
    assertThat(cell.getDomAttribute("class")).containsPattern("heat-[0-7]");
  }

  private static void assertHidden(WebElement cell, String behaviour) {
    assertThat(figures(cell)).containsExactly("—");
    assertThat(screenReaderText(cell)).isEqualTo(behaviour + ": niet getoond");
    assertThat(cell.getDomAttribute("class")).contains("heat-none");
  }

  /** What the eye sees in a cell, line by line. */
  private static List<String> figures(WebElement cell) {
    return cell.findElements(By.cssSelector(".heat-figure")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static String screenReaderText(WebElement cell) {
    return cell.findElement(By.cssSelector(".visually-hidden"))
        .getDomProperty("textContent")
        .strip();
  }

  /**
   * Tab through the page from the top until {@code target} has the focus, then Enter: what a
   * keyboard user does. Fails when Tab never reaches it.
   */
  private static void press(Browser browser, WebElement target) {
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    Actions keys = new Actions(browser.driver());
    for (int i = 0; i < 100; i++) {
      keys.sendKeys(Keys.TAB).perform();
      if (Boolean.TRUE.equals(
          js.executeScript("return document.activeElement === arguments[0];", target))) {
        keys.sendKeys(Keys.ENTER).perform();
        return;
      }
    }
    throw new AssertionError("Tab never reached " + target.getText() + " on " + browser.path());
  }
}
