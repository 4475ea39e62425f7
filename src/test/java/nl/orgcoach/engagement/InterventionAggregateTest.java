package nl.orgcoach.engagement;

import static nl.orgcoach.engagement.EngagementAggregateTest.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/** Invariants 1 and 2 of interventions and agreements, without Spring or a database. */
class InterventionAggregateTest {

  final Fakes f = new Fakes();
  final Engagement e = f.engagement();
  final Question q = f.question(e);

  Intervention.Draft draft(
      List<UUID> questions,
      List<Intervention.AgreementDraft> agreements,
      List<Intervention.FollowUpDraft> followUps) {
    return new Intervention.Draft(
        "TEAM_COACHING",
        "2026-03-02",
        "90",
        List.of(f.coach),
        List.of(f.person),
        List.of(f.team),
        questions,
        "Vertrouwelijk",
        agreements,
        followUps);
  }

  Intervention record(Intervention.Draft d, Question... known) {
    Map<UUID, Question> map = new java.util.HashMap<>();
    for (Question k : known) {
      map.put(k.id().value(), k);
    }
    return Intervention.record(e, d, map, f.directory, f.coach, "coach@x.nl", Fakes.NOW);
  }

  @Test
  void anInterventionAnswersAQuestionAndTakesItUp() {
    Intervention i =
        record(
            draft(
                List.of(q.id().value()),
                List.of(new Intervention.AgreementDraft(f.person, "Rooster maken", "2026-04-01")),
                List.of(
                    new Intervention.FollowUpDraft(
                        "En de weekenden?", "TEAM", Question.Owner.team(f.team)))),
            q);
    assertThat(i.answered()).containsExactly(q);
    assertThat(q.status()).isEqualTo(QuestionStatus.TAKEN_UP);
    assertThat(i.agreements())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.ownerPersonId()).isEqualTo(f.person);
              assertThat(a.status()).isEqualTo(AgreementStatus.OPEN);
              assertThat(a.interventionId()).isEqualTo(i.id());
            });
    Question followUp = i.followUps().get(0);
    assertThat(followUp.followUpOf()).isEqualTo(q.id());
    assertThat(followUp.owner()).isEqualTo(Question.Owner.team(f.team));
    assertThat(followUp.status()).isEqualTo(QuestionStatus.OPEN);
  }

  @Test
  void noInterventionWithoutAQuestion() {
    assertThat(fields(() -> record(draft(List.of(), List.of(), List.of()))))
        .containsExactly("questions");
    assertThat(fields(() -> record(draft(List.of(UUID.randomUUID()), List.of(), List.of()))))
        .containsExactly("questions");
  }

  @Test
  void aQuestionOfAnotherEngagementIsRefused() {
    Engagement other = f.engagement();
    Question foreign = f.question(other);
    assertThat(
            fields(
                () -> record(draft(List.of(foreign.id().value()), List.of(), List.of()), foreign)))
        .containsExactly("questions");
    assertThat(foreign.status()).isEqualTo(QuestionStatus.OPEN);
  }

  @Test
  void noInterventionWithoutACoachOfTheEngagement() {
    Intervention.Draft noCoach =
        new Intervention.Draft(
            "OTHER",
            "2026-03-02",
            "30",
            List.of(),
            List.of(),
            List.of(),
            List.of(q.id().value()),
            null,
            List.of(),
            List.of());
    assertThat(fields(() -> record(noCoach, q))).containsExactly("coaches");
    Intervention.Draft stranger =
        new Intervention.Draft(
            "OTHER",
            "2026-03-02",
            "30",
            List.of(UUID.randomUUID()),
            List.of(),
            List.of(),
            List.of(q.id().value()),
            null,
            List.of(),
            List.of());
    assertThat(fields(() -> record(stranger, q))).containsExactly("coaches");
  }

  @Test
  void anAgreementOwnedByANonParticipantIsRefused() {
    var d =
        draft(
            List.of(q.id().value()),
            List.of(new Intervention.AgreementDraft(f.otherPerson, "Iets", null)),
            List.of());
    assertThat(fields(() -> record(d, q))).containsExactly("agreements[0].owner");
    assertThat(q.status()).as("nothing changed").isEqualTo(QuestionStatus.OPEN);
  }

  @Test
  void aCoachCannotOwnAnAgreement() {
    var d =
        draft(
            List.of(q.id().value()),
            List.of(new Intervention.AgreementDraft(f.coach, "Iets", null)),
            List.of());
    assertThat(fields(() -> record(d, q))).containsExactly("agreements[0].owner");
  }

  @Test
  void badTypeDateAndDurationAreNamed() {
    var d =
        new Intervention.Draft(
            "KOFFIE",
            "2-3-2026",
            "-5",
            List.of(f.coach),
            List.of(),
            List.of(),
            List.of(q.id().value()),
            null,
            List.of(),
            List.of());
    assertThat(fields(() -> record(d, q)))
        .containsExactlyInAnyOrder("type", "heldOn", "durationMinutes");
  }

  @Test
  void aFollowUpQuestionNeedsAnOwnerOfTheClient() {
    var d =
        draft(
            List.of(q.id().value()),
            List.of(),
            List.of(
                new Intervention.FollowUpDraft("En nu?", "TEAM", Question.Owner.person(f.coach))));
    assertThat(fields(() -> record(d, q))).containsExactly("followUps[0].owner");
  }

  @Test
  void onlyTheOwnerUpdatesTheStatus() {
    Intervention i =
        record(
            draft(
                List.of(q.id().value()),
                List.of(new Intervention.AgreementDraft(f.person, "Rooster", null)),
                List.of()),
            q);
    Agreement a = i.agreements().get(0);
    assertThatThrownBy(() -> a.updateStatus(f.otherPerson, "KEPT", Fakes.NOW))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> a.updateStatus(f.coach, "KEPT", Fakes.NOW))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> a.updateStatus(null, "KEPT", Fakes.NOW))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(a.status()).isEqualTo(AgreementStatus.OPEN);
    a.updateStatus(f.person, "KEPT", Fakes.NOW);
    assertThat(a.status()).isEqualTo(AgreementStatus.KEPT);
  }
}
