package nl.orgcoach.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import nl.orgcoach.platform.UserError;
import org.junit.jupiter.api.Test;

/** Questions through an intake link: the rules of {@link Question#intake}. */
class IntakeQuestionTest {

  final Fakes f = new Fakes();
  final Engagement e = f.engagement();

  Question.IntakeDraft draft(String name, String level, UUID unit, boolean management) {
    return new Question.IntakeDraft(
        name, null, "Mogen wij zelf roosteren?", level, unit, management, null, "intake:x");
  }

  @Test
  void aTeamQuestionIsOwnedByTheTeamAndKeepsTheAskersName() {
    Question q = Question.intake(e, draft(" Els ", "TEAM", f.team, false), f.directory, Fakes.NOW);
    assertThat(q.owner()).isEqualTo(Question.Owner.team(f.team));
    assertThat(q.channel()).isEqualTo(Channel.INTAKE);
    assertThat(q.askerName()).isEqualTo("Els");
    assertThat(q.status()).isEqualTo(QuestionStatus.OPEN);
  }

  @Test
  void aTeamBelowAScopeUnitIsInScope() {
    Question q = Question.intake(e, draft("Els", "TEAM", f.subTeam, false), f.directory, Fakes.NOW);
    assertThat(q.owner().unitId()).isEqualTo(f.subTeam);
  }

  @Test
  void aTeamOutsideTheScopeIsRefused() {
    assertThatThrownBy(
            () ->
                Question.intake(
                    e, draft("Els", "TEAM", f.otherTeam, false), f.directory, Fakes.NOW))
        .isInstanceOfSatisfying(
            UserError.class,
            x ->
                assertThat(x.details())
                    .extracting(UserError.Problem::messageKey)
                    .contains("question.outOfScope"));
  }

  @Test
  void managementOwnsAnOrganisationQuestionWhenTheAskerSaysSo() {
    Question q =
        Question.intake(e, draft("Els", "ORGANISATION", f.team, true), f.directory, Fakes.NOW);
    assertThat(q.owner()).isEqualTo(Question.Owner.management());
  }

  @Test
  void managementOnlyForOrganisationQuestionsAndEveryBadFieldAtOnce() {
    assertThatThrownBy(
            () -> Question.intake(e, draft("  ", "TEAM", null, true), f.directory, Fakes.NOW))
        .isInstanceOfSatisfying(
            UserError.class,
            x ->
                assertThat(x.details())
                    .extracting(UserError.Problem::field)
                    .contains("askerName", "forManagement", "owner"));
  }

  @Test
  void anUnknownUnitIsRefusedAndTheOwnerIsNeverAPerson() {
    assertThatThrownBy(
            () -> Question.intake(e, draft("Els", "TEAM", f.person, false), f.directory, Fakes.NOW))
        .isInstanceOf(UserError.class);
  }

  @Test
  void aNameOfMoreThanAHundredCharactersIsRefused() {
    assertThatThrownBy(
            () ->
                Question.intake(
                    e, draft("x".repeat(101), "TEAM", f.team, false), f.directory, Fakes.NOW))
        .isInstanceOf(UserError.class);
  }
}
