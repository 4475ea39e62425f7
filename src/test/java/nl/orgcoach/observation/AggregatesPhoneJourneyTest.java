package nl.orgcoach.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * HR on a phone (390×844, Dutch), with the keyboard only: from the engagement page to the
 * observations per unit, then down from the top unit to its teams. The table scrolls sideways
 * inside its frame; the page itself does not.
 */
@BrowserTest
class AggregatesPhoneJourneyTest {

  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;

  @Test
  @BrowserSettings(lang = "nl", phone = true)
  void hrDrillsDownWithTheKeyboard(Browser browser) {
    ObservationScenario s = new ObservationScenario(context);
    UUID behaviour = firstBehaviour(s);
    LocalDate day =
        AggregatePeriod.latest(OffsetDateTime.now(ZoneOffset.UTC), 14).from().plusDays(20);
    UUID meeting = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO meeting (id, client_id, engagement_id, setting_id, title, held_on,
                                 created_by, created_at)
            VALUES (:id, :c, :e, NULL, 'Overleg', :on, :by, :at)
            """)
        .param("id", meeting)
        .param("c", s.client.value())
        .param("e", s.engagement)
        .param("on", day)
        .param("by", s.coach.id())
        .param("at", OffsetDateTime.now(ZoneOffset.UTC))
        .update();
    int rating = 1;
    for (UUID person : List.of(s.mia, s.els, s.piet, s.ruud)) {
      UUID o = UUID.randomUUID();
      jdbc.sql(
              """
              INSERT INTO observation (id, client_id, engagement_id, meeting_id, person_id,
                                       observed_on, observer_id, note, bright_spot, present,
                                       dominant, idempotency_key, recorded_at)
              VALUES (:id, :c, :e, :m, :p, :on, :by, NULL, FALSE, '', NULL, :key, :at)
              """)
          .param("id", o)
          .param("c", s.client.value())
          .param("e", s.engagement)
          .param("m", meeting)
          .param("p", person)
          .param("on", day)
          .param("by", s.coach.id())
          .param("key", UUID.randomUUID())
          .param("at", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))
          .update();
      jdbc.sql(
              """
              INSERT INTO observation_rating (observation_id, behaviour_id, client_id, rating)
              VALUES (:o, :b, :c, :r)
              """)
          .param("o", o)
          .param("b", behaviour)
          .param("c", s.client.value())
          .param("r", 1 + rating++ % 5)
          .update();
    }

    browser.login(s.hr.email(), TestUsers.PASSWORD);
    browser.open(s.page());
    press(browser, browser.byTestId("engagement-aggregates"));
    WebElement drill = browser.byTestId("aggregates-drill");
    assertThat(drill.getText()).isEqualTo("Directie");
    assertThat(browser.byTestId("aggregates-legend").getText()).contains("gemiddeld onder 2");
    press(browser, drill);
    browser.waitUntil(
        "the units below Directie",
        d -> browser.allByTestId("aggregates-row").size() == 2 ? true : null);
    String table = browser.byTestId("aggregates-table").getText();
    assertThat(table).contains("Directie (totaal)").contains("Wijkzorg Noord");
    assertThat(browser.byTestId("aggregates-path").getText()).contains("Alle eenheden");
    browser.assertFitsAPhone();
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    assertThat(
            (Boolean)
                js.executeScript(
                    "var f = document.querySelector('.aggregates-scroll');"
                        + " return f.scrollWidth > f.clientWidth;"))
        .as("the table scrolls inside its frame")
        .isTrue();
    browser.screenshot("aggregates-phone");
  }

  /** Focus the link and press Enter, as a keyboard user would. */
  private static void press(Browser browser, WebElement link) {
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();", link);
    link.sendKeys(Keys.ENTER);
  }

  private UUID firstBehaviour(ObservationScenario s) {
    context.getBean(ObservationService.class).frameworkOf(s.scope, s.engagement);
    return jdbc.sql(
            """
            SELECT id FROM behaviour WHERE client_id = :c AND engagement_id = :e
            ORDER BY sort_order FETCH FIRST 1 ROWS ONLY
            """)
        .param("c", s.client.value())
        .param("e", s.engagement)
        .query(UUID.class)
        .single();
  }
}
