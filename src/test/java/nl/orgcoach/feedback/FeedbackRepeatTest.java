package nl.orgcoach.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.orgcoach.stats.ReliableChange;
import nl.orgcoach.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Rounds that repeat on the same behaviour: the trend, reliable change from the previous round, and
 * the defence against comparing two rounds (a group that is an earlier group minus one or two
 * people is not shown).
 */
@IntegrationTest
class FeedbackRepeatTest {

  @Autowired ApplicationContext context;
  @Autowired FeedbackService service;

  FeedbackFixture fx;

  @BeforeEach
  void setUp() {
    fx = new FeedbackFixture(context);
  }

  private UUID round(List<UUID> peers, String extern) {
    var raters =
        new java.util.ArrayList<>(
            peers.stream()
                .map(p -> new FeedbackService.NewRater(p, null, null, "PEER", null))
                .toList());
    if (extern != null) {
      raters.add(new FeedbackService.NewRater(null, fx.email(extern), null, "OTHER", null));
    }
    return fx.startRound(LocalDate.now().plusDays(7), "Ik luister uit", raters);
  }

  private void answer(String who, int rating) {
    assertThat(
            service.answer(
                fx.linkFor(fx.email(who)),
                List.of(new FeedbackService.Answer(1, "" + rating, null)),
                false))
        .isTrue();
  }

  @Test
  void aSecondRoundShowsTheTrendAndReliableChange() {
    UUID first = round(List.of(fx.mo, fx.sam, fx.kim), null);
    answer("Mo", 2);
    answer("Sam", 2);
    answer("Kim", 3);
    service.close(fx.scope, fx.coachee, first);

    UUID second = round(List.of(fx.mo, fx.sam, fx.kim), null);
    answer("Mo", 4);
    answer("Sam", 5);
    answer("Kim", 4);
    answer("Els", 5);
    service.close(fx.scope, fx.coachee, second);

    var results = service.results(fx.scope, fx.coachee, second);
    var b = results.behaviours().get(0);
    // Self 5 against others 4.33: D = 0.67, above the band [-0.21, 0.39] of the placeholder norm.
    assertThat(b.selfOther().category())
        .isEqualTo(nl.orgcoach.stats.SelfOtherAgreement.Category.OVER_ESTIMATOR);
    assertThat(b.selfOther().difference())
        .isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(results.change().sd()).isEqualTo(0.8);
    assertThat(results.change().reliability()).isEqualTo(0.7);
    assertThat(results.change().minimumReliableChange())
        .isCloseTo(
            1.96 * 0.8 * Math.sqrt(0.3) * Math.sqrt(2), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(results.change().placeholder()).isTrue();
    assertThat(b.result().allOthers().mean())
        .isCloseTo(13 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(b.trend().points()).hasSize(2);
    assertThat(b.trend().points().get(0).othersMean())
        .isCloseTo(7 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
    ReliableChange.Change change = b.trend().change();
    // s1 0.8, r 0.7: S_diff = 0.8 * sqrt(0.3) * sqrt(2) = 0.61968; RC = 2 / 0.61968 = 3.2275
    assertThat(change.rc()).isCloseTo(3.2275, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(change.reliable()).isTrue();
    assertThat(change.direction()).isEqualTo(ReliableChange.Direction.UP);
  }

  @Test
  void smallGroupsMergedIntoOthersInOneRoundAreMergedAgainInTheNextWithTheSameRaters() {
    // Two peers and the (anonymous) manager are each below the threshold and merged into "others";
    // three outsiders are shown. The same people in round 2: merged again, not hidden because
    // round 1 showed that "others" already.
    for (int round = 0; round < 2; round++) {
      var raters =
          new java.util.ArrayList<>(
              List.of(
                  new FeedbackService.NewRater(fx.mo, null, null, "PEER", null),
                  new FeedbackService.NewRater(fx.sam, null, null, "PEER", null),
                  new FeedbackService.NewRater(fx.bram, null, null, "MANAGER", null),
                  new FeedbackService.NewRater(null, fx.email("a"), null, "OTHER", null),
                  new FeedbackService.NewRater(null, fx.email("b"), null, "OTHER", null),
                  new FeedbackService.NewRater(null, fx.email("c"), null, "OTHER", null)));
      UUID id = fx.startRound(LocalDate.now().plusDays(7), "Ik luister uit", raters);
      answer("Mo", 2 + round);
      answer("Sam", 3 + round);
      answer("Bram", 4);
      answer("a", 4);
      answer("b", 3);
      answer("c", 5);
      service.close(fx.scope, fx.coachee, id);
      var groups = service.results(fx.scope, fx.coachee, id).behaviours().get(0).result().groups();
      assertThat(groups)
          .as("round " + (round + 1))
          .filteredOn(FeedbackAnonymity.GroupResult::shown)
          .extracting(FeedbackAnonymity.GroupResult::group)
          .containsExactly("OTHER", FeedbackAnonymity.OTHERS);
    }
  }

  @Test
  void aGroupThatIsLastRoundsGroupMinusOneIsNotShown() {
    UUID first = round(List.of(fx.mo, fx.sam, fx.kim), "extern");
    answer("Mo", 2);
    answer("Sam", 2);
    answer("Kim", 3);
    answer("extern", 1);
    service.close(fx.scope, fx.coachee, first);
    assertThat(
            service
                .results(fx.scope, fx.coachee, first)
                .behaviours()
                .get(0)
                .result()
                .allOthers()
                .n())
        .isEqualTo(4);

    // The same people minus the outsider: with stable answers, the two means give away theirs.
    UUID second = round(List.of(fx.mo, fx.sam, fx.kim), "extern");
    answer("Mo", 2);
    answer("Sam", 2);
    answer("Kim", 3);
    answer("Els", 4);
    service.close(fx.scope, fx.coachee, second);
    var b = service.results(fx.scope, fx.coachee, second).behaviours().get(0);
    assertThat(b.result().self()).isEqualTo(4);
    assertThat(b.selfOther()).as("no category without all others").isNull();
    assertThat(b.result().allOthers().shown()).isFalse();
    assertThat(b.result().allOthers().mean()).isNull();
    assertThat(b.result().groups()).noneMatch(FeedbackAnonymity.GroupResult::shown);
    assertThat(b.trend().points().get(1).othersMean()).isNull();
    assertThat(b.trend().change()).isNull();
  }
}
