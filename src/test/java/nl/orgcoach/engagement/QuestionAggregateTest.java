package nl.orgcoach.engagement;

import static nl.orgcoach.engagement.EngagementAggregateTest.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import nl.orgcoach.platform.UserError;
import org.junit.jupiter.api.Test;

/** Invariants 1 and 2 and the status machine of a question, without Spring or a database. */
class QuestionAggregateTest {

  final Fakes f = new Fakes();
  final Engagement e = f.engagement();

  Question ask(Question.Owner owner) {
    return Question.ask(
        e,
        new Question.Draft("Vraag", "TEAM", owner, null, null, Channel.COACH, "coach@x.nl"),
        f.directory,
        Fakes.NOW);
  }

  @Test
  void aNewQuestionIsOpenAndOwnedByTheClient() {
    Question q = f.question(e);
    assertThat(q.status()).isEqualTo(QuestionStatus.OPEN);
    assertThat(q.owner()).isEqualTo(Question.Owner.team(f.team));
    assertThat(ask(Question.Owner.person(f.person)).owner().personId()).isEqualTo(f.person);
    assertThat(ask(Question.Owner.management()).owner().kind()).isEqualTo(OwnerKind.MANAGEMENT);
  }

  @Test
  void withoutAnOwnerThereIsNoQuestion() {
    assertThat(fields(() -> ask(null))).containsExactly("owner");
    assertThat(fields(() -> ask(new Question.Owner(null, f.person, null))))
        .containsExactly("owner");
  }

  @Test
  void theOwnerIsAPersonOrTeamOfTheClientNeverACoach() {
    // A coach is a user, not a person: their id is no person of the client.
    assertThat(fields(() -> ask(Question.Owner.person(f.coach)))).containsExactly("owner");
    assertThat(fields(() -> ask(Question.Owner.person(UUID.randomUUID()))))
        .containsExactly("owner");
    assertThat(fields(() -> ask(new Question.Owner(OwnerKind.PERSON, null, f.team))))
        .containsExactly("owner");
    assertThat(fields(() -> ask(Question.Owner.team(UUID.randomUUID())))).containsExactly("owner");
    assertThat(fields(() -> ask(new Question.Owner(OwnerKind.TEAM, f.person, null))))
        .containsExactly("owner");
  }

  @Test
  void aTeamOutsideTheScopeCannotOwnAQuestionOfTheEngagement() {
    assertThat(fields(() -> ask(Question.Owner.team(f.otherTeam)))).containsExactly("owner");
  }

  @Test
  void theOwnerIsStoredInItsCanonicalShape() {
    Question q = ask(new Question.Owner(OwnerKind.MANAGEMENT, f.person, f.team));
    assertThat(q.owner()).isEqualTo(Question.Owner.management());
  }

  @Test
  void textAndLevelAreRequiredAndADecisionMustBeOfTheEngagement() {
    assertThat(
            fields(
                () ->
                    Question.ask(
                        e,
                        new Question.Draft(
                            " ",
                            "HIGH",
                            Question.Owner.management(),
                            UUID.randomUUID(),
                            null,
                            Channel.APP,
                            "x@y.nl"),
                        f.directory,
                        Fakes.NOW)))
        .containsExactly("text", "level", "decisionId");
    assertThat(
            fields(
                () ->
                    Question.ask(
                        e,
                        new Question.Draft(
                            "x".repeat(2001),
                            "TEAM",
                            Question.Owner.management(),
                            null,
                            null,
                            Channel.APP,
                            "x@y.nl"),
                        f.directory,
                        Fakes.NOW)))
        .containsExactly("text");
  }

  @Test
  void takeUpParkReopenAskBackWithdraw() {
    Question q = f.question(e);
    q.takeUp();
    assertThat(q.status()).isEqualTo(QuestionStatus.TAKEN_UP);
    q.park("Eerst de reorganisatie");
    assertThat(q.status()).isEqualTo(QuestionStatus.PARKED);
    assertThat(q.statusReason()).isEqualTo("Eerst de reorganisatie");
    q.reopen();
    assertThat(q.status()).isEqualTo(QuestionStatus.OPEN);
    assertThat(q.statusReason()).isNull();
    q.askBack("Wie hoort er nog meer bij?");
    assertThat(q.status()).isEqualTo(QuestionStatus.ASKED_BACK);
    q.reopen();
    q.withdraw("Opgelost door het team zelf");
    assertThat(q.status()).isEqualTo(QuestionStatus.WITHDRAWN);
    assertThatThrownBy(q::reopen).isInstanceOf(UserError.class);
    assertThatThrownBy(() -> q.withdraw("weer")).isInstanceOf(UserError.class);
  }

  @Test
  void parkAskBackAndWithdrawNeedAReason() {
    Question q = f.question(e);
    assertThatThrownBy(() -> q.park(" "))
        .isInstanceOf(UserError.class)
        .hasMessage("question.reason.required");
    assertThatThrownBy(() -> q.askBack(null)).isInstanceOf(UserError.class);
    assertThatThrownBy(() -> q.withdraw("x".repeat(501))).isInstanceOf(UserError.class);
    assertThat(q.status()).isEqualTo(QuestionStatus.OPEN);
  }

  @Test
  void onlyAnOpenQuestionIsTakenUpAndOnlyAParkedOrAskedBackOneReopened() {
    Question q = f.question(e);
    assertThatThrownBy(q::reopen).hasMessage("question.transition.reopen");
    q.takeUp();
    assertThatThrownBy(q::takeUp).hasMessage("question.transition.takeUp");
  }

  @Test
  void mergesOnlyIntoAnotherOpenQuestionOfTheSameEngagement() {
    Question q = f.question(e);
    Question target = f.question(e);
    Question elsewhere = f.question(f.engagement());
    assertThatThrownBy(() -> q.mergeInto(q)).hasMessage("question.merge.target");
    assertThatThrownBy(() -> q.mergeInto(elsewhere)).hasMessage("question.merge.target");
    assertThatThrownBy(() -> q.mergeInto(null)).hasMessage("question.merge.target");
    Question parked = f.question(e);
    parked.park("later");
    assertThatThrownBy(() -> q.mergeInto(parked)).hasMessage("question.merge.target");
    assertThat(q.status()).isEqualTo(QuestionStatus.OPEN);
    q.mergeInto(target);
    assertThat(q.status()).isEqualTo(QuestionStatus.MERGED);
    assertThat(q.mergedInto()).isEqualTo(target.id());
    assertThatThrownBy(q::takeUp).isInstanceOf(UserError.class);
  }

  @Test
  void applyWithoutAnActionIsRefused() {
    Question q = f.question(e);
    assertThatThrownBy(() -> q.apply(null, null, null)).hasMessage("question.action.required");
    q.apply(TriageAction.TAKE_UP, null, null);
    assertThat(q.status()).isEqualTo(QuestionStatus.TAKEN_UP);
  }

  @Test
  void isAnsweredOnlyWhenAnInterventionAnswersIt() {
    Question q = f.question(e);
    assertThatThrownBy(() -> q.markAnswered(0)).hasMessage("question.answered.noIntervention");
    assertThat(q.status()).isEqualTo(QuestionStatus.OPEN);
    q.takeUp();
    q.apply(TriageAction.MARK_ANSWERED, null, null, 2);
    assertThat(q.status()).isEqualTo(QuestionStatus.ANSWERED);
    assertThat(q.status().isFinal()).isTrue();
    assertThatThrownBy(() -> q.park("later")).isInstanceOf(UserError.class);

    Question parked = f.question(e);
    parked.park("later");
    assertThatThrownBy(() -> parked.markAnswered(1)).hasMessage("question.transition.answered");
    assertThat(parked.status()).isEqualTo(QuestionStatus.PARKED);
  }
}
