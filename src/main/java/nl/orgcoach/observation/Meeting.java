package nl.orgcoach.observation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An occurrence of a setting on a date, or an ad-hoc moment (no setting), with who attended:
 * persons of the client and outsiders known only by a name.
 */
record Meeting(
    UUID id,
    UUID engagementId,
    UUID settingId,
    String title,
    LocalDate heldOn,
    List<Attendee> attendees) {

  Meeting {
    attendees = List.copyOf(attendees);
  }

  /** A person of the client (personId set) or an outsider (personId null). */
  record Attendee(UUID personId, String name) {

    public boolean outsider() {
      return personId == null;
    }
  }

  public boolean attends(UUID personId) {
    return personId != null && attendees.stream().anyMatch(a -> personId.equals(a.personId()));
  }

  /** A meeting in a list: without its attendees, with how many there were and were observed. */
  record Summary(
      UUID id,
      UUID engagementId,
      UUID settingId,
      String title,
      LocalDate heldOn,
      int attendeeCount,
      int observationCount) {}

  /**
   * What a coach plans: a setting (its members become the attendees unless {@code people} is given)
   * or an ad-hoc moment with a title; a date as yyyy-MM-dd; outsiders by name.
   */
  record Draft(
      UUID settingId, String title, String heldOn, List<UUID> people, List<String> outsiders) {}
}
