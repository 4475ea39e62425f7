package nl.orgcoach.observation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.orgcoach.access.ClientScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For start-up data (the demo) only: a framework, meetings and observations with the dates they
 * happened on. It goes through the same rules as capture (attendees only, active behaviours,
 * ratings 1–5, the constellation derived from that date's reporting lines); it only skips the
 * user-based access checks, because no user is logged in at start-up.
 */
@Service
public class ObservationSeeding {

  private final ObservationService service;
  private final Observations observations;

  ObservationSeeding(ObservationService service, Observations observations) {
    this.service = service;
    this.observations = observations;
  }

  /** The active behaviours of the engagement's framework, in order (the default set if new). */
  @Transactional
  public List<UUID> behaviours(ClientScope scope, UUID engagementId) {
    return service.frameworkOf(scope, engagementId).stream()
        .filter(b -> !b.retired())
        .map(Behaviour::id)
        .toList();
  }

  /** Whether the engagement has observations already (the demo loads them once). */
  public boolean hasObservations(ClientScope scope, UUID engagementId) {
    return !observations.observedPeople(scope, engagementId).isEmpty();
  }

  /** Links a behaviour to agreements of the engagement. */
  @Transactional
  public void link(ClientScope scope, UUID engagementId, UUID behaviourId, List<UUID> agreements) {
    service.linkAs(scope, engagementId, behaviourId, agreements);
  }

  /** A meeting of a setting (null: ad-hoc, then with a title) with these people attending. */
  @Transactional
  public UUID meeting(
      ClientScope scope,
      UUID engagementId,
      UUID settingId,
      String title,
      LocalDate heldOn,
      List<UUID> people,
      UUID plannedBy) {
    return service.planMeetingAs(
        scope,
        engagementId,
        plannedBy,
        new Meeting.Draft(settingId, title, heldOn.toString(), people, List.of()));
  }

  /** One observation of an attendee for {@link #observeAll}; ratings by behaviour id. */
  public record Seen(UUID personId, Map<UUID, Integer> ratings, String note, boolean brightSpot) {}

  /**
   * The observations of one meeting at once, in the order given: the same rules as {@link
   * #observe}, but the meeting, framework and reporting lines are read once and the rows written in
   * batches (start-up data of hundreds of observations).
   */
  public List<UUID> observeAll(
      ClientScope scope, UUID engagementId, UUID meetingId, List<Seen> seen, UUID observer) {
    List<Observation.Draft> drafts = new ArrayList<>();
    for (Seen s : seen) {
      drafts.add(draft(meetingId, s.personId(), s.ratings(), s.note(), s.brightSpot()));
    }
    return service.recordAllAs(scope, engagementId, observer, meetingId, drafts);
  }

  private static Observation.Draft draft(
      UUID meetingId, UUID personId, Map<UUID, Integer> ratings, String note, boolean brightSpot) {
    List<Observation.RatingDraft> drafts = new ArrayList<>();
    ratings.forEach((b, r) -> drafts.add(new Observation.RatingDraft(b, r)));
    return new Observation.Draft(UUID.randomUUID(), meetingId, personId, drafts, note, brightSpot);
  }

  /** An observation of one attendee; ratings by behaviour id. */
  public UUID observe(
      ClientScope scope,
      UUID engagementId,
      UUID meetingId,
      UUID personId,
      Map<UUID, Integer> ratings,
      String note,
      boolean brightSpot,
      UUID observer) {
    return service
        .recordAs(
            scope, engagementId, observer, draft(meetingId, personId, ratings, note, brightSpot))
        .id();
  }

  /** The people observed in the engagement with how often, most observed first. */
  public Map<UUID, Integer> observedPeople(ClientScope scope, UUID engagementId) {
    Map<UUID, Integer> by = new java.util.LinkedHashMap<>();
    observations.observedPeople(scope, engagementId).stream()
        .sorted(
            java.util.Comparator.comparingInt(Observations.ObservedPerson::observations).reversed())
        .forEach(p -> by.put(p.personId(), p.observations()));
    return by;
  }

  /** Whether the person gave their own account in the engagement already. */
  public boolean hasSelfAssessment(ClientScope scope, UUID engagementId, UUID personId) {
    return service.hasSelfAssessment(scope, engagementId, personId);
  }

  /**
   * The person's own account as given at {@code at}: a rating 1–5 by behaviour id and optional
   * comments; checked as the form checks it.
   */
  @Transactional
  public void selfAssess(
      ClientScope scope,
      UUID engagementId,
      UUID personId,
      Map<UUID, Integer> ratings,
      Map<UUID, String> comments,
      java.time.OffsetDateTime at) {
    List<SelfAssessment.AnswerDraft> answers = new ArrayList<>();
    ratings.forEach((b, r) -> answers.add(new SelfAssessment.AnswerDraft(b, r, comments.get(b))));
    service.submitAs(scope, engagementId, personId, null, new SelfAssessment.Draft(answers), at);
  }

  /** Releases the person's profile to them, as a coach would. */
  @Transactional
  public void release(ClientScope scope, UUID engagementId, UUID personId, UUID coach) {
    observations.release(
        scope,
        engagementId,
        personId,
        coach,
        java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
  }
}
