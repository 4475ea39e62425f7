package nl.orgcoach.browser;

import static nl.orgcoach.support.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.ApiTokens;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.support.Browser;
import nl.orgcoach.support.BrowserTest;
import nl.orgcoach.support.CsvBuilder;
import nl.orgcoach.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An admin imports units and then people through the import page, and browses the org chart. */
@BrowserTest
class ImportJourneyTest {

  @Autowired AccessAdministration administration;
  @Autowired ApiTokens tokens;
  @Autowired JdbcClient jdbc;
  @TempDir Path files;

  @Test
  void adminImportsUnitsAndPeopleAndSeesTheOrgChart(Browser browser) throws IOException {
    TestUsers users = new TestUsers(administration, tokens);
    ClientId client = users.client("Zorggroep Import");
    browser.login(users.admin().email(), TestUsers.PASSWORD);

    importFile(browser, client, "UNITS", write("units.csv", CareGroupCsv.units()));
    assertThat(browser.byTestId("import-created").getText()).as("units created").isEqualTo("7");
    browser.screenshot("units-imported");

    importFile(browser, client, "PEOPLE", write("people.csv", CareGroupCsv.people()));
    assertThat(browser.byTestId("import-created").getText()).as("people created").isEqualTo("7");
    browser.screenshot("people-imported");
    assertThat(count("person", client)).isEqualTo(7);

    browser.byTestId("import-to-org").click();
    browser.waitUntil("the org chart", d -> browser.path().startsWith("/c/" + client + "/org"));
    WebElement tree = browser.byTestId("org-tree");
    List<WebElement> tops = tree.findElements(By.cssSelector(":scope > [data-testid='org-unit']"));
    assertThat(tops).hasSize(1);
    assertThat(tops.get(0).getText()).contains(CareGroupCsv.TOP);
    // Nothing below the top is in the page until it is opened: subtrees load lazily.
    assertThat(tree.getText()).doesNotContain(CareGroupCsv.REGION);

    WebElement region = open(browser, tops.get(0), CareGroupCsv.REGION);
    WebElement team = open(browser, region, CareGroupCsv.TEAM);
    assertThat(team.getText()).contains(CareGroupCsv.TEAM);
    browser.screenshot("org-chart-opened");
  }

  @Test
  void aBadFileIsRefusedWithItsLineNumbersAndNothingIsWritten(Browser browser) throws IOException {
    TestUsers users = new TestUsers(administration, tokens);
    ClientId client = users.client("Zorggroep Import Fout");
    browser.login(users.hr(client).email(), TestUsers.PASSWORD);
    importFile(browser, client, "UNITS", write("units.csv", CareGroupCsv.units()));
    browser.byTestId("import-result");

    CsvBuilder bad =
        CsvBuilder.people()
            .row("P1", "Anke", "de Boer", "", "Bestuurder", "ZG", "")
            .row("P2", "Sjoerd", "Hoekstra", "geen-adres", "Regiomanager", "RN", "P1")
            .row("P3", "Fatima", "El Amrani", "", "Regiomanager", "RZ", "P99");
    browser.open("/c/" + client + "/import");
    submit(browser, "PEOPLE", write("people-bad.csv", bad));
    WebElement errors = browser.byTestId("import-errors");
    browser.screenshot("bad-file");
    List<String> lines =
        errors.findElements(testId("import-error-row")).stream()
            .map(row -> row.findElement(By.cssSelector("td")).getText().trim())
            .toList();
    assertThat(lines).as("lines of the bad rows").containsExactly("3", "4");
    assertThat(count("person", client)).isZero();
  }

  private void importFile(Browser browser, ClientId client, String kind, Path file) {
    browser.open("/c/" + client + "/import");
    submit(browser, kind, file);
    browser.waitUntil(
        kind + " import finished",
        Duration.ofSeconds(30),
        d ->
            !d.findElements(testId("import-result")).isEmpty()
                || !d.findElements(testId("import-errors")).isEmpty());
    assertThat(browser.allByTestId("import-errors")).as("errors of the %s import", kind).isEmpty();
  }

  private static void submit(Browser browser, String kind, Path file) {
    browser.byTestId("import-form");
    new Select(browser.byTestId("import-kind")).selectByValue(kind);
    browser.driver().findElement(testId("import-file")).sendKeys(file.toAbsolutePath().toString());
    browser.byTestId("import-submit").click();
  }

  /** Opens a unit's subtree and answers the child unit named {@code child}, once htmx loaded it. */
  private static WebElement open(Browser browser, WebElement unit, String child) {
    unit.findElement(By.cssSelector(":scope > details > summary")).click();
    return browser.waitUntil(
        "child unit " + child + " loaded",
        d ->
            unit.findElements(By.cssSelector("[data-testid='org-unit']")).stream()
                .filter(u -> u.isDisplayed() && u.getText().contains(child))
                .findFirst()
                .orElse(null));
  }

  private Path write(String name, CsvBuilder csv) throws IOException {
    return Files.write(files.resolve(name), csv.bytes());
  }

  private int count(String table, ClientId client) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE client_id = :c")
        .param("c", client.value())
        .query(Integer.class)
        .single();
  }
}
