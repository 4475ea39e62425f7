package nl.orgcoach.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import nl.orgcoach.platform.UserError;

/** Any sequence of triage actions keeps the status machine's invariants. */
class QuestionStatusProperties {

  @Provide
  Arbitrary<List<TriageAction>> actions() {
    return Arbitraries.of(TriageAction.class).list().ofMaxSize(12);
  }

  @Property(tries = 300)
  void anySequenceOfActionsKeepsTheInvariants(
      @ForAll("actions") List<TriageAction> actions, @ForAll @IntRange(max = 3) int answering) {
    Fakes f = new Fakes();
    Engagement e = f.engagement();
    Question q = f.question(e);
    Question target = f.question(e);
    for (TriageAction a : actions) {
      QuestionStatus before = q.status();
      try {
        q.apply(a, "reden", target, answering);
      } catch (UserError refused) {
        // A refused action changes nothing.
        assertThat(q.status()).isEqualTo(before);
        continue;
      }
      // A final status is never left; merged always names its target; reasons where required.
      assertThat(before.isFinal()).isFalse();
      assertThat(q.mergedInto() != null).isEqualTo(q.status() == QuestionStatus.MERGED);
      if (q.status() == QuestionStatus.PARKED
          || q.status() == QuestionStatus.ASKED_BACK
          || q.status() == QuestionStatus.WITHDRAWN) {
        assertThat(q.statusReason()).isNotBlank();
      }
      // Answered only through interventions: never when none answers the question.
      if (answering == 0) {
        assertThat(q.status()).isNotEqualTo(QuestionStatus.ANSWERED);
      }
    }
  }
}
