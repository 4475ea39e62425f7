package nl.orgcoach.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import nl.orgcoach.stats.AnonymityRule;
import org.junit.jupiter.api.Test;

/** Examples of what {@link FeedbackAnonymity} shows of one behaviour. */
class FeedbackAnonymityTest {

  final FeedbackAnonymity anonymity = new FeedbackAnonymity(AnonymityRule.minimum());

  static List<FeedbackAnonymity.Answer> raters(Object... groupRatingPairs) {
    List<FeedbackAnonymity.Answer> out = new ArrayList<>();
    out.add(new FeedbackAnonymity.Answer("self", RaterGroup.SELF, false, 3, null));
    for (int i = 0; i < groupRatingPairs.length; i += 2) {
      out.add(
          new FeedbackAnonymity.Answer(
              "r" + i,
              (RaterGroup) groupRatingPairs[i],
              false,
              (Integer) groupRatingPairs[i + 1],
              "c" + i));
    }
    return out;
  }

  static FeedbackAnonymity.GroupResult group(FeedbackAnonymity.BehaviourResult r, String label) {
    return r.groups().stream().filter(g -> g.group().equals(label)).findFirst().orElseThrow();
  }

  @Test
  void threePeersAndTwoDirectReportsShowThePeersAndKeepTheReportsOut() {
    var r =
        anonymity.decide(
            raters(
                RaterGroup.PEER,
                4,
                RaterGroup.PEER,
                4,
                RaterGroup.PEER,
                2,
                RaterGroup.DIRECT_REPORT,
                5,
                RaterGroup.DIRECT_REPORT,
                1,
                RaterGroup.MANAGER,
                3));
    assertThat(r.self()).isEqualTo(3);
    assertThat(r.allOthers().n()).isEqualTo(6);
    assertThat(group(r, "PEER").n()).isEqualTo(3);
    assertThat(group(r, "PEER").rwg()).isNotNull();
    // Direct reports (2) and the anonymous manager (1) are below 3; together they are all others
    // minus the peers, which is already known, so they may be shown merged.
    assertThat(group(r, "DIRECT_REPORT").outcome()).isEqualTo("MERGED_INTO_OTHERS");
    assertThat(group(r, "MANAGER").outcome()).isEqualTo("MERGED_INTO_OTHERS");
    assertThat(group(r, "OTHERS").n()).isEqualTo(3);
    assertThat(group(r, "DIRECT_REPORT").mean()).isNull();
    assertThat(r.comments()).hasSize(6).isSorted();
  }

  @Test
  void fourPeersAndOneOutsiderShowAllOthersButNotThePeers() {
    var r =
        anonymity.decide(
            raters(
                RaterGroup.PEER,
                4,
                RaterGroup.PEER,
                4,
                RaterGroup.PEER,
                2,
                RaterGroup.PEER,
                3,
                RaterGroup.OTHER,
                1));
    assertThat(r.allOthers().n()).isEqualTo(5);
    // Peers (4) would be all others minus the outsider.
    assertThat(group(r, "PEER").outcome()).isEqualTo("HIDDEN");
    assertThat(group(r, "OTHER").outcome()).isEqualTo("HIDDEN");
  }

  @Test
  void aNamedManagerIsShownAloneAndDoesNotExposeTheRest() {
    List<FeedbackAnonymity.Answer> answers = raters(RaterGroup.PEER, 4, RaterGroup.PEER, 2);
    answers.add(new FeedbackAnonymity.Answer("boss", RaterGroup.MANAGER, true, 5, "Goed bezig"));
    var r = anonymity.decide(answers);
    assertThat(r.namedManager()).isEqualTo(5);
    assertThat(r.namedManagerComment()).isEqualTo("Goed bezig");
    // All others = the manager + two peers: showing it would give away the two peers' total.
    assertThat(r.allOthers().shown()).isFalse();
    assertThat(r.comments()).isEmpty();
  }

  @Test
  void aManagerIsNotShownByNameWhenThatWithAnEarlierRoundGivesAwayOthers() {
    // Round 1: three managers together (anonymous) and three peers.
    List<FeedbackAnonymity.Answer> first = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      first.add(new FeedbackAnonymity.Answer("m" + i, RaterGroup.MANAGER, false, 2, null));
      first.add(new FeedbackAnonymity.Answer("p" + i, RaterGroup.PEER, false, 4, null));
    }
    var one = anonymity.decide(first, List.of());
    assertThat(one.result().allOthers().n()).isEqualTo(6);
    // Round 2: m1 asks to be named; with round 1's manager group that would give away m2 and m3.
    var two =
        anonymity.decide(
            List.of(new FeedbackAnonymity.Answer("m1", RaterGroup.MANAGER, true, 5, "Ik")),
            one.visible());
    assertThat(two.result().namedManager()).isNull();
    assertThat(two.result().namedManagerComment()).isNull();
    // Without that history the same answer is shown by name.
    assertThat(
            anonymity
                .decide(
                    List.of(new FeedbackAnonymity.Answer("m1", RaterGroup.MANAGER, true, 5, "Ik")))
                .namedManager())
        .isEqualTo(5);
  }

  @Test
  void aGroupThatAnsweredAllAlikeGetsNoRwg() {
    var r = anonymity.decide(raters(RaterGroup.PEER, 4, RaterGroup.PEER, 4, RaterGroup.PEER, 4));
    assertThat(r.allOthers().mean()).isEqualTo(4.0);
    assertThat(r.allOthers().rwg()).isNull();
  }

  @Test
  void theThresholdIsNeverBelowThree() {
    assertThatThrownBy(() -> new FeedbackAnonymity(new AnonymityRule(2)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
