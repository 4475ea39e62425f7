package nl.orgcoach.engagement;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For start-up data (the demo) only: writes a history of an engagement with the dates it happened
 * on. It goes through the same aggregates and rules as the use cases (owners of the client,
 * demand-driven interventions, agreements owned by participants, guarded status transitions); it
 * only skips the user-based access checks, because no user is logged in at start-up.
 */
@Service
@Transactional
public class EngagementSeeding {

  /** An engagement to open; dates as ISO text, as a user would type them. */
  public record NewEngagement(
      String title,
      String description,
      UUID sponsorPersonId,
      String startsOn,
      String endsOn,
      List<UUID> coaches,
      List<UUID> units) {}

  /** A question; {@code ownerKind} PERSON needs the person, TEAM the unit. */
  public record NewQuestion(
      String text,
      QuestionLevel level,
      OwnerKind ownerKind,
      UUID ownerPersonId,
      UUID ownerUnitId,
      UUID decisionId,
      String registeredBy) {

    Question.Owner owner() {
      return new Question.Owner(ownerKind, ownerPersonId, ownerUnitId);
    }
  }

  /** An agreement: owned by a participant person, due on an ISO date. */
  public record NewAgreement(UUID ownerPersonId, String what, String dueOn) {}

  /** An intervention; {@code type} is the name of an intervention type. */
  public record NewIntervention(
      String type,
      String heldOn,
      int durationMinutes,
      UUID coachUserId,
      String coachEmail,
      List<UUID> participantPersons,
      List<UUID> participantUnits,
      List<UUID> questions,
      String notes,
      List<NewAgreement> agreements,
      List<NewQuestion> followUps) {}

  /** What an intervention created: its id, its agreements in order, its follow-up questions. */
  public record Recorded(UUID id, List<UUID> agreements, List<UUID> followUps) {}

  private final Directories directories;
  private final Engagements engagements;
  private final Questions questions;
  private final Interventions interventions;
  private final Reactions reactions;

  EngagementSeeding(
      Engagements engagements,
      Questions questions,
      Interventions interventions,
      Reactions reactions,
      Directories directories) {
    this.directories = directories;
    this.engagements = engagements;
    this.questions = questions;
    this.interventions = interventions;
    this.reactions = reactions;
  }

  private Directory directory(ClientScope scope) {
    return directories.of(scope);
  }

  /** The id of the client's engagement with this title, if there is one. */
  @Transactional(readOnly = true)
  public Optional<UUID> find(ClientScope scope, String title) {
    return engagements.list(scope, null).stream()
        .filter(s -> s.title().equals(title))
        .map(Engagements.Summary::id)
        .findFirst();
  }

  public UUID open(ClientScope scope, NewEngagement n, OffsetDateTime at) {
    Engagement e =
        Engagement.open(
            new Engagement.Draft(
                n.title(),
                n.description(),
                n.sponsorPersonId(),
                n.startsOn(),
                n.endsOn(),
                n.coaches(),
                n.units(),
                null,
                null,
                null,
                null),
            directory(scope),
            at);
    engagements.insert(scope, e);
    return e.id().value();
  }

  public UUID decide(
      ClientScope scope,
      UUID engagementId,
      String title,
      String description,
      String decidedOn,
      String decidedBy) {
    ManagementDecision d =
        engagement(scope, engagementId).decide(title, description, decidedOn, decidedBy);
    engagements.insertDecision(scope, d);
    return d.id();
  }

  public UUID ask(ClientScope scope, UUID engagementId, NewQuestion n, OffsetDateTime at) {
    Question q =
        Question.ask(
            engagement(scope, engagementId),
            new Question.Draft(
                n.text(),
                n.level().name(),
                n.owner(),
                n.decisionId(),
                null,
                Channel.COACH,
                n.registeredBy()),
            directory(scope),
            at);
    questions.insert(scope, q);
    return q.id().value();
  }

  /** A triage action under the question's own transition rules. */
  public void triage(
      ClientScope scope,
      UUID engagementId,
      UUID questionId,
      TriageAction action,
      String reason,
      UUID target) {
    Question q =
        questions
            .find(scope, engagementId, questionId)
            .orElseThrow(() -> new NotFoundException("question"));
    Question into =
        target == null ? null : questions.find(scope, engagementId, target).orElse(null);
    int answering =
        action == TriageAction.MARK_ANSWERED
            ? questions.answeringInterventions(scope, questionId)
            : 0;
    q.apply(action, reason, into, answering);
    questions.updateStatus(scope, q);
  }

  public Recorded record(
      ClientScope scope, UUID engagementId, NewIntervention n, OffsetDateTime at) {
    Engagement e = engagement(scope, engagementId);
    Map<UUID, Question> known = new HashMap<>();
    for (UUID id : n.questions()) {
      questions.findAny(scope, id).ifPresent(q -> known.put(id, q));
    }
    Intervention i =
        Intervention.record(
            e,
            new Intervention.Draft(
                n.type(),
                n.heldOn(),
                Integer.toString(n.durationMinutes()),
                List.of(n.coachUserId()),
                n.participantPersons(),
                n.participantUnits(),
                n.questions(),
                n.notes(),
                n.agreements().stream()
                    .map(
                        a ->
                            new Intervention.AgreementDraft(a.ownerPersonId(), a.what(), a.dueOn()))
                    .toList(),
                n.followUps().stream()
                    .map(f -> new Intervention.FollowUpDraft(f.text(), f.level().name(), f.owner()))
                    .toList()),
            known,
            directory(scope),
            n.coachUserId(),
            n.coachEmail(),
            at);
    interventions.insert(scope, i);
    for (Question q : i.answered()) {
      questions.updateStatus(scope, q);
    }
    for (Question f : i.followUps()) {
      questions.insert(scope, f);
    }
    return new Recorded(
        i.id(),
        i.agreements().stream().map(Agreement::id).toList(),
        i.followUps().stream().map(q -> q.id().value()).toList());
  }

  /**
   * A participant person's reaction (1–5, optional comment) to an intervention, at a given time.
   */
  public void react(
      ClientScope scope,
      UUID interventionId,
      UUID personId,
      int rating,
      String comment,
      OffsetDateTime at) {
    reactions.insert(
        scope,
        Reaction.give(
            interventionId, personId, new Reaction.Answer(Integer.toString(rating), comment), at));
  }

  /** The owner sets the agreement's status (OPEN, KEPT, ADJUSTED, DROPPED) at the given time. */
  public void agreementStatus(
      ClientScope scope, UUID agreementId, String status, OffsetDateTime at) {
    Agreement a =
        interventions
            .agreement(scope, agreementId)
            .orElseThrow(() -> new NotFoundException("agreement"));
    a.updateStatus(a.ownerPersonId(), status, at);
    interventions.updateStatus(scope, a);
  }

  private Engagement engagement(ClientScope scope, UUID engagementId) {
    return engagements
        .find(scope, engagementId)
        .orElseThrow(() -> new NotFoundException("engagement"));
  }
}
