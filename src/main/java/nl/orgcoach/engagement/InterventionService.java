package nl.orgcoach.engagement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.orgcoach.access.AuditLog;
import nl.orgcoach.access.AuditType;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.organisation.PersonLookup;
import nl.orgcoach.platform.NotFoundException;
import nl.orgcoach.platform.UserError;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of interventions, agreements and notes. The invariants live in {@link Intervention}
 * and {@link Agreement}; who sees the notes in {@link NoteAccess}; who sees the engagement in
 * {@link EngagementAccess}. One transaction per use case: nothing half-written.
 */
@Service
@Transactional
class InterventionService {

  static final int LIST_SIZE = 500;

  /** The coming sessions the home page lists. */
  static final int COMING_SIZE = 20;

  private final Directories directories;
  private final Engagements engagements;
  private final Questions questions;
  private final Interventions interventions;
  private final EngagementAccess access;
  private final NoteAccess notes;
  private final PersonLookup people;
  private final AuditLog audit;
  private final Clock clock = Clock.systemUTC();

  InterventionService(
      Engagements engagements,
      Questions questions,
      Interventions interventions,
      EngagementAccess access,
      NoteAccess notes,
      PersonLookup people,
      AuditLog audit,
      Directories directories) {
    this.directories = directories;
    this.engagements = engagements;
    this.questions = questions;
    this.interventions = interventions;
    this.access = access;
    this.notes = notes;
    this.people = people;
    this.audit = audit;
  }

  private Directory directory(ClientScope scope) {
    return directories.of(scope);
  }

  /** Records an intervention (the engagement's coaches and admins). */
  UUID record(ClientScope scope, UserAccount me, UUID engagementId, Intervention.Draft draft) {
    Engagement e = access.triage(scope, me, engagementId);
    Map<UUID, Question> known = new HashMap<>();
    for (UUID id : draft.questions()) {
      if (id != null) {
        questions.findAny(scope, id).ifPresent(q -> known.put(id, q));
      }
    }
    Intervention i =
        Intervention.record(e, draft, known, directory(scope), me.id(), me.email(), now());
    interventions.insert(scope, i);
    for (Question q : i.answered()) {
      questions.updateStatus(scope, q);
    }
    for (Question f : i.followUps()) {
      questions.insert(scope, f);
    }
    audit.record(
        AuditType.INTERVENTION_RECORDED,
        scope.clientId(),
        "engagement " + engagementId + " intervention " + i.id());
    return i.id();
  }

  /** The interventions of an engagement, without notes. */
  @Transactional(readOnly = true)
  List<Interventions.Summary> list(ClientScope scope, UserAccount me, UUID engagementId) {
    access.visible(scope, me, engagementId);
    return interventions.list(scope, engagementId, LIST_SIZE);
  }

  /** One intervention; its notes only when {@link NoteAccess} allows (and then audited). */
  InterventionView view(ClientScope scope, UserAccount me, UUID engagementId, UUID interventionId) {
    boolean coach = access.mayTriage(me, access.visible(scope, me, engagementId));
    Interventions.Summary s =
        interventions
            .find(scope, engagementId, interventionId)
            .orElseThrow(() -> new NotFoundException("intervention"));
    boolean readable = notes.mayRead(scope, me, interventionId);
    String text = readable ? notes.read(scope, me, interventionId).orElse("") : null;
    List<UUID> answered = interventions.questionIds(scope, interventionId);
    return new InterventionView(
        s.id(),
        s.engagementId(),
        s.type(),
        s.heldOn(),
        s.durationMinutes(),
        s.recordedAt(),
        interventions.coaches(scope, interventionId),
        interventions.participants(scope, interventionId),
        answered.stream()
            .map(q -> questions.row(scope, engagementId, q))
            .flatMap(java.util.Optional::stream)
            .map(r -> coach ? r : r.withoutAsker())
            .toList(),
        interventions.agreements(scope, interventionId),
        questions.followUpsOf(scope, engagementId, answered),
        text,
        readable ? interventions.sharedWith(scope, interventionId) : null,
        readable,
        notes.isCoachee(scope, me, interventionId),
        s.startsAt());
  }

  /** A coachee shares the notes with a named person of the client. */
  void share(
      ClientScope scope, UserAccount me, UUID engagementId, UUID interventionId, UUID personId) {
    access.visible(scope, me, engagementId);
    interventions
        .find(scope, engagementId, interventionId)
        .orElseThrow(() -> new NotFoundException("intervention"));
    if (!notes.isCoachee(scope, me, interventionId)) {
      throw new AccessDeniedException("share notes");
    }
    if (personId == null || people.find(scope, personId).isEmpty()) {
      throw new UserError(
          "engagement.invalid",
          List.of(new UserError.Problem(null, "personId", "note.share.person", List.of())));
    }
    interventions.share(scope, interventionId, personId, me.personId(), now());
    audit.recordAs(
        me.email(),
        AuditType.NOTE_SHARED,
        scope.clientId(),
        "intervention " + interventionId + " with person " + personId);
  }

  /** The owner updates their agreement's status; anyone else is refused. */
  Interventions.AgreementRow updateAgreement(
      ClientScope scope, UserAccount me, UUID agreementId, String status) {
    Agreement a =
        interventions
            .agreement(scope, agreementId)
            .orElseThrow(() -> new NotFoundException("agreement"));
    a.updateStatus(me.personId(), status, now());
    interventions.updateStatus(scope, a);
    audit.record(
        AuditType.AGREEMENT_UPDATED, scope.clientId(), "agreement " + agreementId + " " + status);
    return interventions.agreementRow(scope, agreementId).orElseThrow();
  }

  /** The coachee's home, without notes (the page reads them through {@link #myNotes}). */
  @Transactional(readOnly = true)
  MyView my(ClientScope scope, UserAccount me) {
    if (me.personId() == null) {
      return new MyView(
          questions.ofPerson(scope, null, me.email(), LIST_SIZE), List.of(), List.of(), List.of());
    }
    return new MyView(
        questions.ofPerson(scope, me.personId(), me.email(), LIST_SIZE),
        interventions.agreementsOf(scope, me.personId(), LIST_SIZE),
        interventions.ofPerson(scope, me.personId(), LIST_SIZE),
        interventions.coming(scope, me.personId(), LocalDate.now(Trail.ZONE), COMING_SIZE));
  }

  /** The notes of the given interventions that the user may read, each read audited. */
  Map<UUID, String> myNotes(ClientScope scope, UserAccount me, List<Interventions.Summary> list) {
    Map<UUID, String> result = new java.util.LinkedHashMap<>();
    for (Interventions.Summary s : list) {
      notes.read(scope, me, s.id()).ifPresent(n -> result.put(s.id(), n));
    }
    return result;
  }

  boolean mayRecord(ClientScope scope, UserAccount me, UUID engagementId) {
    return access.mayTriage(me, access.visible(scope, me, engagementId));
  }

  Engagement engagement(ClientScope scope, UserAccount me, UUID engagementId) {
    return access.visible(scope, me, engagementId);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
