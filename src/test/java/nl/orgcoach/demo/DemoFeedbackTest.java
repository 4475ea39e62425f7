package nl.orgcoach.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import nl.orgcoach.access.AccessAdministration;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.feedback.FeedbackService;
import nl.orgcoach.stats.ReliableChange;
import nl.orgcoach.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo's feedback rounds (same context as {@link DemoDataTest}): the demo manager sees two
 * closed rounds and an open one of their own, on framework behaviours; the closed ones pass the
 * anonymity threshold per group, show a trend with a reliable rise on at least one behaviour, Dutch
 * comments and a self–other category; a few other managers have rounds too.
 */
@IntegrationTest
@TestPropertySource(
    properties = {"orgcoach.demo.enabled=true", "orgcoach.demo.password=demo-wachtwoord-42"})
class DemoFeedbackTest {

  @Autowired AccessAdministration administration;
  @Autowired FeedbackService feedback;
  @Autowired JdbcClient jdbc;

  @Test
  void theDemoManagerSeesTwoClosedRoundsAndOneOpenRoundOfTheirOwn() {
    UserAccount manager = user("manager@zorggroep-ijsselland.nl");
    ClientScope scope =
        administration.systemScope(
            new nl.orgcoach.access.ClientId(manager.clientId()), "demo-test");

    List<FeedbackService.RoundSummary> rounds = feedback.list(scope, manager);
    assertThat(rounds).hasSize(3);
    assertThat(rounds.stream().filter(FeedbackService.RoundSummary::closed)).hasSize(2);
    UUID open = rounds.get(0).id();
    assertThat(rounds.get(0).closed()).isFalse();
    FeedbackService.RoundView progress = feedback.view(scope, manager, open);
    assertThat(progress.progress()).anyMatch(g -> g.answered() > 0 && g.answered() < g.invited());
    assertThat(feedback.results(scope, manager, open).behaviours()).isEmpty();

    FeedbackService.Results second = feedback.results(scope, manager, rounds.get(1).id());
    assertThat(second.closed()).isTrue();
    assertThat(second.behaviours()).hasSize(3);
    for (var b : second.behaviours()) {
      assertThat(b.result().allOthers().shown()).as(b.text()).isTrue();
      // Two peers and two of their team members: merged into "others"; five direct reports.
      assertThat(b.result().groups())
          .filteredOn(g -> g.shown())
          .extracting(g -> g.group())
          .containsExactly("DIRECT_REPORT", "OTHERS");
      assertThat(b.result().namedManager()).isNotNull();
      assertThat(b.trend().points()).hasSize(2);
      assertThat(b.selfOther()).isNotNull();
    }
    assertThat(second.behaviours())
        .anyMatch(
            b ->
                b.trend().change() != null
                    && b.trend().change().direction() == ReliableChange.Direction.UP);
    assertThat(second.behaviours().stream().flatMap(b -> b.result().comments().stream()))
        .isNotEmpty()
        .allMatch(c -> c.matches(".*[a-z].*"));
    assertThat(second.behaviours())
        .anyMatch(
            b ->
                b.selfOther().category()
                    == nl.orgcoach.stats.SelfOtherAgreement.Category.OVER_ESTIMATOR);
  }

  @Test
  void aFewManagersHaveRoundsOnTheEngagementsFrameworkBehaviours() {
    UUID client = user("manager@zorggroep-ijsselland.nl").clientId();
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(DISTINCT ratee_person_id) FROM feedback_round"
                        + " WHERE client_id = :c AND closed_at IS NOT NULL")
                .param("c", client)
                .query(Long.class)
                .single())
        .isEqualTo(3L);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM feedback_behaviour fb JOIN behaviour b"
                        + " ON b.id = fb.framework_behaviour_id WHERE fb.client_id = :c")
                .param("c", client)
                .query(Long.class)
                .single())
        .isEqualTo(
            jdbc.sql("SELECT COUNT(*) FROM feedback_behaviour WHERE client_id = :c")
                .param("c", client)
                .query(Long.class)
                .single())
        .isPositive();
  }

  private UserAccount user(String email) {
    UserAccount found =
        administration.findByEmail(email).orElseThrow(() -> new AssertionError(email + " missing"));
    return administration.user(found.id());
  }
}
