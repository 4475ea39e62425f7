package nl.orgcoach.engagement;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import nl.orgcoach.platform.UserError;

/**
 * A question of the client: the engine of demand-driven coaching (PRODUCT.md invariants 1 and 2).
 * It always has an owner of the client (a person, a team or management), never a coach; a coach who
 * registers a question heard on the job must name that owner. Its status changes only through the
 * guarded transitions below, and it is never deleted: a question interventions answer stays.
 */
final class Question {

  /** Who owns the question. A person or a unit of the client, or its management. */
  record Owner(OwnerKind kind, UUID personId, UUID unitId) {

    static Owner person(UUID personId) {
      return new Owner(OwnerKind.PERSON, personId, null);
    }

    static Owner team(UUID unitId) {
      return new Owner(OwnerKind.TEAM, null, unitId);
    }

    static Owner management() {
      return new Owner(OwnerKind.MANAGEMENT, null, null);
    }
  }

  /**
   * What is asked, as put in. {@code followUpOf} is set only by the domain itself (interventions, a
   * later slice, raise follow-up questions), never from user input.
   */
  record Draft(
      String text,
      String level,
      Owner owner,
      UUID decisionId,
      UUID followUpOf,
      Channel channel,
      String registeredBy) {}

  private static final Set<QuestionStatus> TRIAGEABLE =
      EnumSet.of(
          QuestionStatus.OPEN,
          QuestionStatus.TAKEN_UP,
          QuestionStatus.PARKED,
          QuestionStatus.ASKED_BACK);

  private final QuestionId id;
  private final EngagementId engagementId;
  private final String text;
  private final QuestionLevel level;
  private final Owner owner;
  private final UUID decisionId;
  private final QuestionId followUpOf;
  private final Channel channel;
  private final String registeredBy;
  private final OffsetDateTime askedAt;
  private QuestionStatus status;
  private String statusReason;
  private QuestionId mergedInto;
  private UUID raisedIn;

  Question(
      QuestionId id,
      EngagementId engagementId,
      String text,
      QuestionLevel level,
      Owner owner,
      UUID decisionId,
      QuestionId followUpOf,
      Channel channel,
      String registeredBy,
      OffsetDateTime askedAt,
      QuestionStatus status,
      String statusReason,
      QuestionId mergedInto) {
    this.id = id;
    this.engagementId = engagementId;
    this.text = text;
    this.level = level;
    this.owner = owner;
    this.decisionId = decisionId;
    this.followUpOf = followUpOf;
    this.channel = channel;
    this.registeredBy = registeredBy;
    this.askedAt = askedAt;
    this.status = status;
    this.statusReason = statusReason;
    this.mergedInto = mergedInto;
  }

  /**
   * A new open question of the engagement, or a UserError naming every bad field. The owner must be
   * of the client: a person or team (unit) the directory knows, or management; a team must be in
   * the engagement's scope.
   */
  static Question ask(Engagement engagement, Draft d, Directory directory, OffsetDateTime now) {
    Rules r = new Rules();
    String text = r.text(d.text(), "text", 2000, true);
    QuestionLevel level = r.choice(QuestionLevel.class, d.level(), "level");
    Owner owner = d.owner();
    if (owner == null || owner.kind() == null) {
      r.fail("owner", "question.ownerRequired");
    } else {
      switch (owner.kind()) {
        case PERSON ->
            r.check(
                owner.personId() != null && directory.isPerson(owner.personId()),
                "owner",
                "question.ownerPersonRequired");
        case TEAM -> {
          boolean known = owner.unitId() != null && directory.isUnit(owner.unitId());
          r.check(known, "owner", "question.ownerTeamRequired");
          r.check(!known || engagement.inScope(owner.unitId()), "owner", "question.outOfScope");
        }
        case MANAGEMENT -> {}
      }
    }
    r.check(
        d.decisionId() == null || engagement.hasDecision(d.decisionId()),
        "decisionId",
        "question.decisionUnknown");
    r.check(d.channel() != null, "channel", "engagement.required");
    r.check(
        d.registeredBy() != null && !d.registeredBy().isBlank(),
        "registeredBy",
        "engagement.required");
    r.throwIfAny();
    // Keep only the id the owner kind is about, so the stored shape is always the canonical one.
    Owner canonical =
        switch (owner.kind()) {
          case PERSON -> Owner.person(owner.personId());
          case TEAM -> Owner.team(owner.unitId());
          case MANAGEMENT -> Owner.management();
        };
    return new Question(
        new QuestionId(UUID.randomUUID()),
        engagement.id(),
        text,
        level,
        canonical,
        d.decisionId(),
        d.followUpOf() == null ? null : new QuestionId(d.followUpOf()),
        d.channel(),
        d.registeredBy(),
        now,
        QuestionStatus.OPEN,
        null,
        null);
  }

  /**
   * The intervention this follow-up question was raised in; set once, by {@link Intervention} when
   * it records its follow-ups (and when a stored question is loaded).
   */
  void raisedIn(UUID interventionId) {
    if (raisedIn != null && !raisedIn.equals(interventionId)) {
      throw new IllegalStateException("a question is raised in one intervention");
    }
    raisedIn = interventionId;
  }

  UUID raisedIn() {
    return raisedIn;
  }

  /** The coach takes the question up: it will be worked on. */
  void takeUp() {
    require(status == QuestionStatus.OPEN, "question.transition.takeUp");
    move(QuestionStatus.TAKEN_UP, null);
  }

  /** Parked for now, with a reason the owner can read. */
  void park(String reason) {
    require(
        status == QuestionStatus.OPEN || status == QuestionStatus.TAKEN_UP,
        "question.transition.park");
    move(QuestionStatus.PARKED, reason(reason));
  }

  /** Given back to the owner with a question of the coach (what is meant, who else is involved). */
  void askBack(String reason) {
    require(
        status == QuestionStatus.OPEN || status == QuestionStatus.TAKEN_UP,
        "question.transition.askBack");
    move(QuestionStatus.ASKED_BACK, reason(reason));
  }

  /** A duplicate: merged into another question of the same engagement that is still open. */
  void mergeInto(Question target) {
    require(TRIAGEABLE.contains(status), "question.transition.merge");
    if (target == null
        || target.id.equals(id)
        || !target.engagementId.equals(engagementId)
        || !(target.status == QuestionStatus.OPEN || target.status == QuestionStatus.TAKEN_UP)) {
      throw new UserError("question.merge.target");
    }
    move(QuestionStatus.MERGED, null);
    mergedInto = target.id;
  }

  /** Withdrawn, with a reason; the question stays (it is never deleted). */
  void withdraw(String reason) {
    require(TRIAGEABLE.contains(status), "question.transition.withdraw");
    move(QuestionStatus.WITHDRAWN, reason(reason));
  }

  /** A parked or asked-back question is open again. */
  void reopen() {
    require(
        status == QuestionStatus.PARKED || status == QuestionStatus.ASKED_BACK,
        "question.transition.reopen");
    move(QuestionStatus.OPEN, null);
  }

  /** Applies a triage action; {@code target} is only used to merge. */
  void apply(TriageAction action, String reason, Question target) {
    if (action == null) {
      throw new UserError("question.action.required");
    }
    switch (action) {
      case TAKE_UP -> takeUp();
      case PARK -> park(reason);
      case ASK_BACK -> askBack(reason);
      case MERGE -> mergeInto(target);
      case WITHDRAW -> withdraw(reason);
      case REOPEN -> reopen();
    }
  }

  private void require(boolean allowed, String key) {
    if (!allowed) {
      throw new UserError(key, status.name());
    }
  }

  private static String reason(String reason) {
    String r = reason == null ? "" : reason.strip();
    if (r.isEmpty()) {
      throw new UserError("question.reason.required");
    }
    if (r.length() > 500) {
      throw new UserError("question.reason.tooLong", 500);
    }
    return r;
  }

  private void move(QuestionStatus to, String reason) {
    status = to;
    statusReason = reason;
    mergedInto = null;
  }

  QuestionId id() {
    return id;
  }

  EngagementId engagementId() {
    return engagementId;
  }

  String text() {
    return text;
  }

  QuestionLevel level() {
    return level;
  }

  Owner owner() {
    return owner;
  }

  UUID decisionId() {
    return decisionId;
  }

  QuestionId followUpOf() {
    return followUpOf;
  }

  Channel channel() {
    return channel;
  }

  String registeredBy() {
    return registeredBy;
  }

  OffsetDateTime askedAt() {
    return askedAt;
  }

  QuestionStatus status() {
    return status;
  }

  String statusReason() {
    return statusReason;
  }

  QuestionId mergedInto() {
    return mergedInto;
  }
}
