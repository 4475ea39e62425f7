package nl.orgcoach.engagement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A coaching engagement at a client. It has no programme: its content is the questions that come.
 * Invariants: a title, at least one coach (a coach assigned to the client), a start date, an end
 * not before the start, scope units and sponsor of the same client.
 */
final class Engagement {

  private final EngagementId id;
  private final String title;
  private final String description;
  private final UUID sponsorPersonId;
  private final LocalDate startsOn;
  private final LocalDate endsOn;
  private final Set<UUID> coaches;
  private final Set<UUID> units;
  private final List<ManagementDecision> decisions;
  private final OffsetDateTime createdAt;

  Engagement(
      EngagementId id,
      String title,
      String description,
      UUID sponsorPersonId,
      LocalDate startsOn,
      LocalDate endsOn,
      Set<UUID> coaches,
      Set<UUID> units,
      List<ManagementDecision> decisions,
      OffsetDateTime createdAt) {
    this.id = id;
    this.title = title;
    this.description = description;
    this.sponsorPersonId = sponsorPersonId;
    this.startsOn = startsOn;
    this.endsOn = endsOn;
    this.coaches = Set.copyOf(coaches);
    this.units = Set.copyOf(units);
    this.decisions = new ArrayList<>(decisions);
    this.createdAt = createdAt;
  }

  /**
   * The input of a new engagement, as typed (dates as ISO text, so that a bad one gets a message).
   */
  record Draft(
      String title,
      String description,
      UUID sponsorPersonId,
      String startsOn,
      String endsOn,
      List<UUID> coaches,
      List<UUID> units,
      String decisionTitle,
      String decisionDescription,
      String decidedOn,
      String decidedBy) {

    Draft {
      coaches = coaches == null ? List.of() : coaches;
      units = units == null ? List.of() : units;
    }

    boolean hasDecision() {
      return (decisionTitle != null && !decisionTitle.isBlank())
          || (decidedBy != null && !decidedBy.isBlank())
          || (decidedOn != null && !decidedOn.isBlank());
    }
  }

  /** Opens an engagement, or throws a UserError naming every bad field; nothing is half-made. */
  static Engagement open(Draft d, Directory directory, OffsetDateTime now) {
    Rules r = new Rules();
    String title = r.text(d.title(), "title", 200, true);
    String description = r.text(d.description(), "description", 2000, false);
    LocalDate starts = r.date(d.startsOn(), "startsOn", true);
    LocalDate ends = r.date(d.endsOn(), "endsOn", false);
    if (starts != null && ends != null) {
      r.check(!ends.isBefore(starts), "endsOn", "engagement.endBeforeStart");
    }
    Set<UUID> coaches = new LinkedHashSet<>(d.coaches());
    coaches.remove(null);
    r.check(!coaches.isEmpty(), "coaches", "engagement.coachRequired");
    r.check(coaches.stream().allMatch(directory::isCoach), "coaches", "engagement.coachUnknown");
    Set<UUID> units = new LinkedHashSet<>(d.units());
    units.remove(null);
    r.check(units.stream().allMatch(directory::isUnit), "units", "engagement.unitUnknown");
    r.check(
        d.sponsorPersonId() == null || directory.isPerson(d.sponsorPersonId()),
        "sponsorPersonId",
        "engagement.personUnknown");
    r.throwIfAny();
    EngagementId id = new EngagementId(UUID.randomUUID());
    List<ManagementDecision> decisions =
        d.hasDecision()
            ? List.of(
                ManagementDecision.of(
                    id, d.decisionTitle(), d.decisionDescription(), d.decidedOn(), d.decidedBy()))
            : List.of();
    return new Engagement(
        id, title, description, d.sponsorPersonId(), starts, ends, coaches, units, decisions, now);
  }

  /** Records a management decision this engagement connects to. */
  ManagementDecision decide(String title, String description, String decidedOn, String decidedBy) {
    ManagementDecision decision =
        ManagementDecision.of(id, title, description, decidedOn, decidedBy);
    decisions.add(decision);
    return decision;
  }

  boolean isCoachedBy(UUID userId) {
    return coaches.contains(userId);
  }

  boolean hasDecision(UUID decisionId) {
    return decisions.stream().anyMatch(x -> x.id().equals(decisionId));
  }

  /** Whether the unit is in scope; an engagement without scope units is about the whole client. */
  boolean inScope(UUID unitId) {
    return units.isEmpty() || units.contains(unitId);
  }

  /**
   * Whether the unit is in scope or below a scope unit: a team of a scoped department belongs to
   * the engagement too.
   */
  boolean covers(UUID unitId, Directory directory) {
    return inScope(unitId) || directory.isBelow(unitId, units);
  }

  EngagementId id() {
    return id;
  }

  String title() {
    return title;
  }

  String description() {
    return description;
  }

  UUID sponsorPersonId() {
    return sponsorPersonId;
  }

  LocalDate startsOn() {
    return startsOn;
  }

  LocalDate endsOn() {
    return endsOn;
  }

  Set<UUID> coaches() {
    return coaches;
  }

  Set<UUID> units() {
    return units;
  }

  List<ManagementDecision> decisions() {
    return List.copyOf(decisions);
  }

  OffsetDateTime createdAt() {
    return createdAt;
  }
}
