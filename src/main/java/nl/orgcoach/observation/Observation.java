package nl.orgcoach.observation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.orgcoach.organisation.Constellation;

/**
 * One person seen in one meeting: the behaviours seen, each rated on the frequency scale of ADR
 * 0005, a short note, whether it may be a bright spot, and the constellation as it was on the
 * meeting's date. Made only by {@link #capture}, which checks the draft against the meeting and the
 * framework before anything is written.
 */
record Observation(
    UUID id,
    UUID engagementId,
    UUID meetingId,
    UUID personId,
    LocalDate observedOn,
    UUID observerId,
    String note,
    boolean brightSpot,
    Map<UUID, Integer> ratings,
    List<StoredAttendee> attendees,
    UUID idempotencyKey,
    OffsetDateTime recordedAt) {

  static final int MIN_RATING = 1;
  static final int MAX_RATING = 5;
  static final int NOTE_MAX = 1000;

  /** What the capture screen sends; {@code idempotencyKey} is made by the device, once a draft. */
  record Draft(
      UUID idempotencyKey,
      UUID meetingId,
      UUID personId,
      List<RatingDraft> ratings,
      String note,
      Boolean brightSpot) {}

  record RatingDraft(UUID behaviourId, Integer rating) {}

  /**
   * Another attendee as they stood to the observed person on the date (an outsider by name has no
   * person and stands {@link Constellation.Relation#NOT_OF_CLIENT}).
   */
  record StoredAttendee(
      UUID personId,
      String outsiderName,
      Constellation.Category category,
      Constellation.Relation relation,
      UUID unitId) {}

  /** Checks the draft and makes the observation; a user error for the first thing wrong. */
  static Observation capture(
      UUID id,
      Draft d,
      Meeting meeting,
      Set<UUID> activeBehaviours,
      UUID observer,
      OffsetDateTime now,
      ConstellationSource constellations) {
    if (d.idempotencyKey() == null) {
      throw Input.bad("idempotencyKey", "observation.error.key");
    }
    if (d.personId() == null || !meeting.attends(d.personId())) {
      throw Input.bad("personId", "observation.error.notAttending");
    }
    if (d.ratings() == null || d.ratings().isEmpty()) {
      throw Input.bad("ratings", "observation.error.noBehaviour");
    }
    Map<UUID, Integer> ratings = new LinkedHashMap<>();
    for (RatingDraft r : d.ratings()) {
      if (r == null || r.behaviourId() == null || !activeBehaviours.contains(r.behaviourId())) {
        throw Input.bad("ratings", "observation.error.unknownBehaviour");
      }
      if (r.rating() == null || r.rating() < MIN_RATING || r.rating() > MAX_RATING) {
        throw Input.bad("ratings", "observation.error.rating", MIN_RATING, MAX_RATING);
      }
      if (ratings.put(r.behaviourId(), r.rating()) != null) {
        throw Input.bad("ratings", "observation.error.twice");
      }
    }
    String note = d.note() == null || d.note().isBlank() ? null : d.note().strip();
    if (note != null && note.length() > NOTE_MAX) {
      throw Input.bad("note", "observation.error.noteTooLong", NOTE_MAX);
    }
    List<UUID> others = new ArrayList<>();
    for (Meeting.Attendee a : meeting.attendees()) {
      if (!a.outsider() && !a.personId().equals(d.personId())) {
        others.add(a.personId());
      }
    }
    Constellation derived = constellations.derive(meeting.heldOn(), d.personId(), others);
    List<StoredAttendee> stored = new ArrayList<>();
    for (Constellation.Attendee a : derived.attendees()) {
      stored.add(new StoredAttendee(a.personId(), null, a.category(), a.relation(), a.unitId()));
    }
    for (Meeting.Attendee a : meeting.attendees()) {
      if (a.outsider()) {
        stored.add(
            new StoredAttendee(
                null,
                a.name(),
                Constellation.Category.OUTSIDERS_PRESENT,
                Constellation.Relation.NOT_OF_CLIENT,
                null));
      }
    }
    return new Observation(
        id,
        meeting.engagementId(),
        meeting.id(),
        d.personId(),
        meeting.heldOn(),
        observer,
        note,
        Boolean.TRUE.equals(d.brightSpot()),
        ratings,
        stored,
        d.idempotencyKey(),
        now);
  }

  /** Derives the constellation from the reporting lines of a date (ReportingLines in the app). */
  @FunctionalInterface
  interface ConstellationSource {
    Constellation derive(LocalDate date, UUID observed, List<UUID> otherAttendees);
  }

  /**
   * The categories present, in the order of dominance of {@link nl.orgcoach.stats.Constellation}.
   */
  Set<nl.orgcoach.stats.Constellation> present() {
    var present = EnumSet.noneOf(nl.orgcoach.stats.Constellation.class);
    attendees.forEach(
        a -> present.add(nl.orgcoach.stats.Constellation.valueOf(a.category().name())));
    return present;
  }

  /** The one comparison group (ADR 0005), null when nobody else was present. */
  nl.orgcoach.stats.Constellation dominant() {
    Set<nl.orgcoach.stats.Constellation> present = present();
    return present.isEmpty() ? null : nl.orgcoach.stats.Constellation.dominant(present);
  }
}
