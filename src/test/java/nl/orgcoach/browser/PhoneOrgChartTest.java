package nl.orgcoach.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.ApiTokens;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.organisation.ImportKind;
import nl.orgcoach.organisation.StructureImport;
import nl.orgcoach.support.Browser;
import nl.orgcoach.support.BrowserSettings;
import nl.orgcoach.support.BrowserTest;
import nl.orgcoach.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The org chart on a phone (390×844): it fits the screen and a subtree opens; a screenshot is kept.
 */
@BrowserTest
class PhoneOrgChartTest {

  @Autowired AccessAdministration admin;
  @Autowired ApiTokens tokens;
  @Autowired StructureImport imports;

  @Test
  @BrowserSettings(lang = "nl", phone = true)
  void orgChartFitsAPhone(Browser browser) {
    TestUsers users = new TestUsers(admin, tokens);
    ClientId client = users.client("Zorggroep Telefoon");
    ClientScope scope = admin.systemScope(client, "test");
    imports.importCsv(scope, ImportKind.UNITS, CareGroupCsv.units().stream(), "units.csv");
    imports.importCsv(scope, ImportKind.PEOPLE, CareGroupCsv.people().stream(), "people.csv");

    browser.login(users.manager(client).email(), TestUsers.PASSWORD);
    browser.open("/c/" + client + "/org");
    WebElement top =
        browser.waitFor(By.cssSelector("[data-testid='org-tree'] > [data-testid='org-unit']"));
    top.findElement(By.cssSelector(":scope > details > summary")).click();
    browser.waitUntil(
        "the regions below the top unit",
        d ->
            top.findElements(By.cssSelector("[data-testid='org-unit']")).stream()
                .anyMatch(u -> u.isDisplayed() && u.getText().contains(CareGroupCsv.REGION)));

    Path shot = browser.screenshot("org-chart-phone");
    assertThat(shot).exists();
    assertThat(shot.getFileName().toString()).endsWith(".png");
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    assertThat(((Number) js.executeScript("return window.innerWidth")).intValue())
        .isEqualTo(BrowserSettings.PHONE_WIDTH);
    browser.assertFitsAPhone();
    // The menu collapses behind the toggler on a phone.
    assertThat(browser.driver().findElement(By.cssSelector(".navbar-toggler")).isDisplayed())
        .isTrue();
    assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang"))
        .isEqualTo("nl");
  }
}
