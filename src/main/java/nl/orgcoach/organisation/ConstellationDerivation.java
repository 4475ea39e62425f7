package nl.orgcoach.organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.orgcoach.organisation.Constellation.Attendee;
import nl.orgcoach.organisation.Constellation.Relation;

/**
 * Derives a {@link Constellation}: it is never typed by the coach, but follows from who attended
 * and the reporting lines of the observation's date. Pure: no I/O, no clock.
 *
 * <p>The rules, checked in this order so that every attendee falls in exactly one relation:
 *
 * <ol>
 *   <li>not known to the client on the date: {@link Relation#NOT_OF_CLIENT};
 *   <li>the observed person's manager: {@link Relation#MANAGER}; anyone further up their chain,
 *       whether or not the people in between were present: {@link Relation#HIGHER_MANAGER};
 *   <li>reports to the observed person: {@link Relation#DIRECT_REPORT}; has them further up their
 *       own chain: {@link Relation#INDIRECT_REPORT};
 *   <li>has the same manager as the observed person: {@link Relation#PEER}. Peers are defined by
 *       the reporting line, not the unit: heads of different departments under one director are
 *       peers (the typical management team), while two team leads at the same level of the chart
 *       under different managers are not; nor are two people without a manager, since a missing
 *       manager is more often a gap in the data than a shared top;
 *   <li>everyone else: {@link Relation#NO_REPORTING_LINE}.
 * </ol>
 *
 * The observed person among the attendees is left out; an attendee named twice counts once.
 */
public final class ConstellationDerivation {

  private ConstellationDerivation() {}

  public static Constellation derive(
      UUID observed, Collection<UUID> attendees, ReportingSnapshot lines) {
    Objects.requireNonNull(observed, "observed");
    List<UUID> above = lines.chainAbove(observed);
    UUID manager = lines.managerOf(observed).orElse(null);
    var classified = new ArrayList<Attendee>();
    for (UUID attendee : new LinkedHashSet<>(attendees)) {
      if (attendee == null || attendee.equals(observed)) {
        continue;
      }
      Relation relation = relation(observed, manager, above, attendee, lines);
      classified.add(
          new Attendee(
              attendee, relation.category(), relation, lines.unitOf(attendee).orElse(null)));
    }
    return new Constellation(
        observed, lines.unitOf(observed).orElse(null), lines.date(), classified);
  }

  private static Relation relation(
      UUID observed, UUID manager, List<UUID> above, UUID attendee, ReportingSnapshot lines) {
    if (!lines.knows(attendee)) {
      return Relation.NOT_OF_CLIENT;
    }
    if (attendee.equals(manager)) {
      return Relation.MANAGER;
    }
    if (above.contains(attendee)) {
      return Relation.HIGHER_MANAGER;
    }
    UUID theirManager = lines.managerOf(attendee).orElse(null);
    if (observed.equals(theirManager)) {
      return Relation.DIRECT_REPORT;
    }
    if (lines.isAbove(observed, attendee)) {
      return Relation.INDIRECT_REPORT;
    }
    if (manager != null && manager.equals(theirManager)) {
      return Relation.PEER;
    }
    return Relation.NO_REPORTING_LINE;
  }
}
