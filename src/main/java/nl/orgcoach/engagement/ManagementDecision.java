package nl.orgcoach.engagement;

import java.time.LocalDate;
import java.util.UUID;

/** A decision of the client's management that an engagement connects to: its starting point. */
record ManagementDecision(
    UUID id,
    EngagementId engagementId,
    String title,
    String description,
    LocalDate decidedOn,
    String decidedBy) {

  /** A decision from untrusted input; every bad field is reported at once. */
  static ManagementDecision of(
      EngagementId engagement,
      String title,
      String description,
      String decidedOn,
      String decidedBy) {
    Rules r = new Rules();
    String t = r.text(title, "decisionTitle", 200, true);
    String d = r.text(description, "decisionDescription", 2000, false);
    LocalDate on = r.date(decidedOn, "decidedOn", true);
    String by = r.text(decidedBy, "decidedBy", 200, true);
    r.throwIfAny();
    return new ManagementDecision(UUID.randomUUID(), engagement, t, d, on, by);
  }
}
