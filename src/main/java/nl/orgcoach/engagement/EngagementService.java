package nl.orgcoach.engagement;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.orgcoach.access.AuditLog;
import nl.orgcoach.access.AuditType;
import nl.orgcoach.access.ClientScope;
import nl.orgcoach.access.Role;
import nl.orgcoach.access.UserAccount;
import nl.orgcoach.organisation.PersonLookup;
import nl.orgcoach.organisation.UnitLookup;
import nl.orgcoach.platform.NotFoundException;
import nl.orgcoach.platform.UserError;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The use cases of engagements and questions; the rules themselves live in the aggregates. */
@Service
@Transactional
class EngagementService {

  private final Directories directories;
  private final Engagements engagements;
  private final Questions questions;
  private final EngagementAccess access;
  private final PersonLookup people;
  private final UnitLookup units;
  private final ApplicationEventPublisher events;
  private final AuditLog audit;
  static final int INBOX_SIZE = 500;

  private final Clock clock = Clock.systemUTC();

  EngagementService(
      Engagements engagements,
      Questions questions,
      EngagementAccess access,
      PersonLookup people,
      UnitLookup units,
      ApplicationEventPublisher events,
      AuditLog audit,
      Directories directories) {
    this.directories = directories;
    this.engagements = engagements;
    this.questions = questions;
    this.access = access;
    this.people = people;
    this.units = units;
    this.events = events;
    this.audit = audit;
  }

  /** How the user puts a question in a form: as themselves, for their team, or for management. */
  record QuestionForm(
      String text,
      String level,
      String owner,
      UUID ownerPersonId,
      UUID ownerUnitId,
      UUID decisionId) {}

  /** A triage action as put in: the action, a reason (park, ask back, withdraw), a merge target. */
  record Triage(TriageAction action, String reason, UUID target) {}

  private Directory directory(ClientScope scope) {
    return directories.of(scope);
  }

  EngagementId open(ClientScope scope, UserAccount me, Engagement.Draft draft) {
    if (!access.mayOpen(me)) {
      throw new AccessDeniedException("open engagement");
    }
    Engagement e = Engagement.open(draft, directory(scope), now());
    engagements.insert(scope, e);
    audit.record(AuditType.ENGAGEMENT_OPENED, scope.clientId(), "engagement " + e.id().value());
    return e.id();
  }

  ManagementDecision decide(
      ClientScope scope,
      UserAccount me,
      UUID engagementId,
      String title,
      String description,
      String decidedOn,
      String decidedBy) {
    Engagement e = access.triage(scope, me, engagementId);
    ManagementDecision d = e.decide(title, description, decidedOn, decidedBy);
    engagements.insertDecision(scope, d);
    audit.record(
        AuditType.DECISION_RECORDED,
        scope.clientId(),
        "engagement " + engagementId + " decision " + d.id());
    return d;
  }

  /**
   * Puts a question. "Me" and "my team" are resolved from the user's person; a coach or admin (who
   * is never an owner) must name a person or team of the client, or management.
   */
  QuestionId ask(ClientScope scope, UserAccount me, UUID engagementId, QuestionForm form) {
    Engagement e = access.visible(scope, me, engagementId);
    boolean practice = isPractice(me);
    Question.Owner owner = owner(scope, me, form, practice);
    Question q =
        Question.ask(
            e,
            new Question.Draft(
                form.text(),
                form.level(),
                owner,
                form.decisionId(),
                null,
                practice ? Channel.COACH : Channel.APP,
                me.email()),
            directory(scope),
            now());
    questions.insert(scope, q);
    events.publishEvent(
        new QuestionAsked(
            scope.clientId(), e.id(), q.id(), q.owner().kind(), q.channel(), scope.actor()));
    return q.id();
  }

  private Question.Owner owner(
      ClientScope scope, UserAccount me, QuestionForm form, boolean practice) {
    String choice = form.owner() == null ? "" : form.owner().strip().toUpperCase();
    return switch (choice) {
      case "ME" -> {
        if (practice || me.personId() == null) {
          throw ownerError("question.ownerNoPerson");
        }
        yield Question.Owner.person(me.personId());
      }
      case "MY_TEAM" -> {
        UUID unit =
            practice || me.personId() == null
                ? null
                : people
                    .find(scope, me.personId())
                    .map(PersonLookup.PersonRef::unitId)
                    .orElse(null);
        if (unit == null) {
          throw ownerError("question.ownerNoPerson");
        }
        yield Question.Owner.team(unit);
      }
      case "PERSON" -> new Question.Owner(OwnerKind.PERSON, form.ownerPersonId(), null);
      case "TEAM" -> new Question.Owner(OwnerKind.TEAM, null, form.ownerUnitId());
      case "MANAGEMENT" -> Question.Owner.management();
      default -> null;
    };
  }

  private static UserError ownerError(String key) {
    return new UserError(
        "engagement.invalid", List.of(new UserError.Problem(null, "owner", key, List.of())));
  }

  Questions.Row triage(
      ClientScope scope, UserAccount me, UUID engagementId, UUID questionId, Triage t) {
    access.triage(scope, me, engagementId);
    Question q =
        questions
            .find(scope, engagementId, questionId)
            .orElseThrow(() -> new NotFoundException("question"));
    Question target =
        t.action() == TriageAction.MERGE && t.target() != null
            ? questions.find(scope, engagementId, t.target()).orElse(null)
            : null;
    QuestionStatus from = q.status();
    int answering =
        t.action() == TriageAction.MARK_ANSWERED
            ? questions.answeringInterventions(scope, questionId)
            : 0;
    q.apply(t.action(), t.reason(), target, answering);
    questions.updateStatus(scope, q);
    events.publishEvent(
        new QuestionTriaged(
            scope.clientId(),
            q.engagementId(),
            q.id(),
            t.action(),
            from,
            q.status(),
            scope.actor()));
    audit.record(
        AuditType.QUESTION_TRIAGED,
        scope.clientId(),
        "question " + questionId + " " + t.action() + ": " + from + " -> " + q.status());
    return questions.row(scope, engagementId, questionId).orElseThrow();
  }

  /** The engagement for the user, names resolved; not found when they may not see it. */
  @Transactional(readOnly = true)
  EngagementView view(ClientScope scope, UserAccount me, UUID engagementId) {
    Engagement e = access.visible(scope, me, engagementId);
    UUID id = e.id().value();
    return new EngagementView(
        id,
        e.title(),
        e.description(),
        e.sponsorPersonId(),
        engagements.sponsorName(scope, e.sponsorPersonId()).orElse(null),
        e.startsOn(),
        e.endsOn(),
        engagements.coaches(scope, id),
        engagements.units(scope, id),
        e.decisions().stream()
            .map(
                d ->
                    new EngagementView.Decision(
                        d.id(), d.title(), d.description(), d.decidedOn(), d.decidedBy()))
            .toList());
  }

  @Transactional(readOnly = true)
  List<Engagements.Summary> list(ClientScope scope, UserAccount me) {
    return engagements.list(scope, access.coachFilter(me));
  }

  /**
   * The inbox: for the engagement's coaches and admins only. A unit filter covers the unit and
   * every unit below it: a department's inbox holds its teams' questions.
   */
  @Transactional(readOnly = true)
  List<Questions.Row> inbox(
      ClientScope scope, UserAccount me, UUID engagementId, QuestionStatus status, UUID unitId) {
    access.triage(scope, me, engagementId);
    List<UUID> scopeUnits = unitId == null ? null : units.subtree(scope, unitId);
    return questions.list(scope, engagementId, status, scopeUnits, null, INBOX_SIZE);
  }

  /** The questions this user put in this engagement. */
  @Transactional(readOnly = true)
  List<Questions.Row> mine(ClientScope scope, UserAccount me, UUID engagementId) {
    access.visible(scope, me, engagementId);
    return questions.list(scope, engagementId, null, null, me.email(), INBOX_SIZE);
  }

  /** One question: for those who triage, and for whoever put it. */
  @Transactional(readOnly = true)
  Questions.Row question(ClientScope scope, UserAccount me, UUID engagementId, UUID questionId) {
    Engagement e = access.visible(scope, me, engagementId);
    Questions.Row row =
        questions
            .row(scope, engagementId, questionId)
            .orElseThrow(() -> new NotFoundException("question"));
    if (!access.mayTriage(me, e) && !row.registeredBy().equalsIgnoreCase(me.email())) {
      throw new AccessDeniedException("question");
    }
    return row;
  }

  boolean mayTriage(ClientScope scope, UserAccount me, UUID engagementId) {
    return access.mayTriage(me, access.visible(scope, me, engagementId));
  }

  boolean mayOpen(UserAccount me) {
    return access.mayOpen(me);
  }

  boolean isPractice(UserAccount me) {
    return me.is(Role.ADMIN) || me.is(Role.COACH);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
