package nl.orgcoach.engagement;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.orgcoach.platform.UserError;

/**
 * What the coaches did in an engagement. Invariants (PRODUCT.md 1 and 2), kept here so that no
 * caller can skip them: it answers at least one question of the same engagement (an open one is
 * taken up by it); it has at least one coach of the engagement; every agreement is owned by a
 * participant person (a coachee), never by a coach; the follow-up questions that arose are owned by
 * the client again and refer to a question it answered. The notes are confidential: they are only
 * read through {@link NoteAccess}.
 */
final class Intervention {

  /** An agreement as put in: its owner (a participant person), what, by when (yyyy-MM-dd). */
  record AgreementDraft(UUID ownerPersonId, String what, String dueOn) {}

  /** A follow-up question as put in; its owner as a question's owner (person, team, management). */
  record FollowUpDraft(String text, String level, Question.Owner owner) {}

  /**
   * The input of a new intervention, as typed (date and duration as text: bad ones get messages).
   */
  record Draft(
      String type,
      String heldOn,
      String durationMinutes,
      List<UUID> coaches,
      List<UUID> participantPersons,
      List<UUID> participantUnits,
      List<UUID> questions,
      String notes,
      List<AgreementDraft> agreements,
      List<FollowUpDraft> followUps,
      String startsAt) {

    /** Without a start time: a whole-day intervention. */
    Draft(
        String type,
        String heldOn,
        String durationMinutes,
        List<UUID> coaches,
        List<UUID> participantPersons,
        List<UUID> participantUnits,
        List<UUID> questions,
        String notes,
        List<AgreementDraft> agreements,
        List<FollowUpDraft> followUps) {
      this(
          type,
          heldOn,
          durationMinutes,
          coaches,
          participantPersons,
          participantUnits,
          questions,
          notes,
          agreements,
          followUps,
          null);
    }

    Draft {
      coaches = coaches == null ? List.of() : coaches;
      participantPersons = participantPersons == null ? List.of() : participantPersons;
      participantUnits = participantUnits == null ? List.of() : participantUnits;
      questions = questions == null ? List.of() : questions;
      agreements = agreements == null ? List.of() : agreements;
      followUps = followUps == null ? List.of() : followUps;
    }
  }

  private final UUID id;
  private final EngagementId engagementId;
  private final InterventionType type;
  private final LocalDate heldOn;
  private final LocalTime startsAt;
  private final int durationMinutes;
  private final String notes;
  private final UUID recordedBy;
  private final OffsetDateTime recordedAt;
  private final Set<UUID> coaches;
  private final Set<UUID> participantPersons;
  private final Set<UUID> participantUnits;
  private final List<Question> answered;
  private final List<Agreement> agreements;
  private final List<Question> followUps;

  private Intervention(
      UUID id,
      EngagementId engagementId,
      InterventionType type,
      LocalDate heldOn,
      LocalTime startsAt,
      int durationMinutes,
      String notes,
      UUID recordedBy,
      OffsetDateTime recordedAt,
      Set<UUID> coaches,
      Set<UUID> participantPersons,
      Set<UUID> participantUnits,
      List<Question> answered,
      List<Agreement> agreements,
      List<Question> followUps) {
    this.id = id;
    this.engagementId = engagementId;
    this.type = type;
    this.heldOn = heldOn;
    this.startsAt = startsAt;
    this.durationMinutes = durationMinutes;
    this.notes = notes;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
    this.coaches = Set.copyOf(coaches);
    this.participantPersons = Set.copyOf(participantPersons);
    this.participantUnits = Set.copyOf(participantUnits);
    this.answered = List.copyOf(answered);
    this.agreements = List.copyOf(agreements);
    this.followUps = List.copyOf(followUps);
  }

  /**
   * Records an intervention, or throws a UserError naming every bad field; nothing is half-made.
   * {@code known} are the questions the caller found for the ids of the draft (any engagement); an
   * id without a question, or a question of another engagement, is refused.
   */
  static Intervention record(
      Engagement engagement,
      Draft d,
      Map<UUID, Question> known,
      Directory directory,
      UUID recordedBy,
      String recordedByEmail,
      OffsetDateTime now) {
    Rules r = new Rules();
    InterventionType type = r.choice(InterventionType.class, d.type(), "type");
    LocalDate heldOn = r.date(d.heldOn(), "heldOn", true);
    LocalTime startsAt = r.time(d.startsAt(), "startsAt");
    int duration = 0;
    String rawDuration = d.durationMinutes() == null ? "" : d.durationMinutes().strip();
    if (rawDuration.isEmpty()) {
      r.fail("durationMinutes", "engagement.required");
    } else {
      try {
        duration = Integer.parseInt(rawDuration);
        r.check(
            duration > 0 && duration <= 24 * 60,
            "durationMinutes",
            "intervention.duration.invalid");
      } catch (NumberFormatException e) {
        r.fail("durationMinutes", "intervention.duration.invalid");
      }
    }
    String notes = r.text(d.notes(), "notes", 20000, false);

    Set<UUID> coaches = new LinkedHashSet<>(d.coaches());
    r.check(!coaches.isEmpty(), "coaches", "intervention.coachRequired");
    r.check(
        coaches.stream().allMatch(engagement::isCoachedBy), "coaches", "intervention.coachUnknown");

    Set<UUID> persons = new LinkedHashSet<>(d.participantPersons());
    r.check(
        persons.stream().allMatch(directory::isPerson),
        "participantPersons",
        "intervention.participantUnknown");
    Set<UUID> units = new LinkedHashSet<>(d.participantUnits());
    r.check(
        units.stream().allMatch(directory::isUnit),
        "participantUnits",
        "intervention.participantUnknown");

    // Invariant 1: demand-driven. At least one question, each of this very engagement and still
    // being worked on (a merged, withdrawn or parked question is not answered by new work).
    Set<UUID> questionIds = new LinkedHashSet<>(d.questions());
    List<Question> answered = new ArrayList<>();
    if (questionIds.isEmpty()) {
      r.fail("questions", "intervention.questionRequired");
    }
    for (UUID qid : questionIds) {
      Question q = known.get(qid);
      if (q == null || !q.engagementId().equals(engagement.id())) {
        r.fail("questions", "intervention.questionUnknown");
      } else if (q.status() != QuestionStatus.OPEN && q.status() != QuestionStatus.TAKEN_UP) {
        r.fail("questions", "intervention.questionClosed");
      } else {
        answered.add(q);
      }
    }

    // Invariant 2: agreements belong to a coachee — a participant person, never a coach.
    List<Agreement> agreements = new ArrayList<>();
    for (int i = 0; i < d.agreements().size(); i++) {
      AgreementDraft a = d.agreements().get(i);
      String field = "agreements[" + i + "]";
      UUID owner = a.ownerPersonId();
      if (owner == null) {
        r.fail(field + ".owner", "agreement.ownerRequired");
      } else if (directory.isCoach(owner)) {
        r.fail(field + ".owner", "agreement.ownerCoach");
      } else if (!persons.contains(owner)) {
        r.fail(field + ".owner", "agreement.ownerNotParticipant");
      }
      String what = r.text(a.what(), field + ".what", 1000, true);
      LocalDate due = r.date(a.dueOn(), field + ".dueOn", false);
      agreements.add(
          new Agreement(UUID.randomUUID(), null, owner, what, due, AgreementStatus.OPEN, now));
    }

    // Follow-up questions: owned by the client again, through the Question factory itself.
    List<Question> followUps = new ArrayList<>();
    UUID followUpOf = answered.isEmpty() ? null : answered.get(0).id().value();
    for (int i = 0; i < d.followUps().size(); i++) {
      FollowUpDraft f = d.followUps().get(i);
      try {
        followUps.add(
            Question.ask(
                engagement,
                new Question.Draft(
                    f.text(),
                    f.level(),
                    f.owner(),
                    null,
                    followUpOf,
                    Channel.COACH,
                    recordedByEmail),
                directory,
                now));
      } catch (UserError e) {
        for (UserError.Problem p : e.details()) {
          r.add(
              new UserError.Problem(
                  null, "followUps[" + i + "]." + p.field(), p.messageKey(), p.args()));
        }
      }
    }
    r.throwIfAny();

    UUID id = UUID.randomUUID();
    // The edge intervention -> follow-up question of the trail.
    for (Question f : followUps) {
      f.raisedIn(id);
    }
    // An open question is taken up by the work that answers it (the existing transition rules).
    for (Question q : answered) {
      if (q.status() == QuestionStatus.OPEN) {
        q.takeUp();
      }
    }
    return new Intervention(
        id,
        engagement.id(),
        type,
        heldOn,
        startsAt,
        duration,
        notes,
        recordedBy,
        now,
        coaches,
        persons,
        units,
        answered,
        agreements.stream().map(a -> a.of(id)).toList(),
        followUps);
  }

  UUID id() {
    return id;
  }

  EngagementId engagementId() {
    return engagementId;
  }

  InterventionType type() {
    return type;
  }

  LocalDate heldOn() {
    return heldOn;
  }

  /** The start time, or null for an intervention without one (a whole day in a calendar). */
  LocalTime startsAt() {
    return startsAt;
  }

  int durationMinutes() {
    return durationMinutes;
  }

  /** The confidential notes; read them only through {@link NoteAccess}. */
  String notes() {
    return notes;
  }

  UUID recordedBy() {
    return recordedBy;
  }

  OffsetDateTime recordedAt() {
    return recordedAt;
  }

  Set<UUID> coaches() {
    return coaches;
  }

  Set<UUID> participantPersons() {
    return participantPersons;
  }

  Set<UUID> participantUnits() {
    return participantUnits;
  }

  List<Question> answered() {
    return answered;
  }

  List<Agreement> agreements() {
    return agreements;
  }

  List<Question> followUps() {
    return followUps;
  }
}
