package nl.orgcoach.engagement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An engagement as pages and the API show it: names resolved, no question texts. */
record EngagementView(
    UUID id,
    String title,
    String description,
    UUID sponsorPersonId,
    String sponsorName,
    LocalDate startsOn,
    LocalDate endsOn,
    List<Engagements.Named> coaches,
    List<Engagements.Named> units,
    List<Decision> decisions) {

  record Decision(
      UUID id, String title, String description, LocalDate decidedOn, String decidedBy) {}
}
