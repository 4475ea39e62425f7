package nl.orgcoach.organisation;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who was present relative to an observed person, by the reporting lines of the observation's date
 * (made by {@link ConstellationDerivation}). A plain value of ids, dates and enum names: it is
 * meant to be stored with the observation as it is, so that a later reorganisation does not rewrite
 * it. For the same reason every attendee carries its category as well as its relation, rather than
 * the category being recomputed from the relation when read.
 *
 * @param personId the observed person
 * @param personUnitId their unit on the date; null if the client did not know them on that date
 * @param date the date whose reporting lines were used
 * @param attendees everyone else present, each once, in the order given
 */
public record Constellation(
    UUID personId, UUID personUnitId, LocalDate date, List<Attendee> attendees) {

  public Constellation {
    attendees = List.copyOf(attendees);
  }

  /** The constellation categories of the method (PRODUCT.md, "Observation"). */
  public enum Category {
    SUPERIORS_PRESENT,
    DIRECT_REPORTS_PRESENT,
    PEERS_PRESENT,
    OUTSIDERS_PRESENT
  }

  /**
   * How one attendee stood to the observed person on the date; finer than the category, so that an
   * analysis can still tell, say, the manager from a higher superior.
   */
  public enum Relation {
    /** The observed person's own manager. */
    MANAGER(Category.SUPERIORS_PRESENT),
    /**
     * Higher up the observed person's management chain: the manager's manager (skip level) or
     * above.
     */
    HIGHER_MANAGER(Category.SUPERIORS_PRESENT),
    /** Reports to the observed person. */
    DIRECT_REPORT(Category.DIRECT_REPORTS_PRESENT),
    /**
     * Below the observed person in the chain, through someone else (a report's report). Counted
     * with direct reports: the observed person is above them, the mirror of {@link
     * #HIGHER_MANAGER}.
     */
    INDIRECT_REPORT(Category.DIRECT_REPORTS_PRESENT),
    /** Has the same manager as the observed person, whatever unit either is in. */
    PEER(Category.PEERS_PRESENT),
    /**
     * Of the client, but neither above, below, nor under the same manager: a colleague of another
     * branch, even one at the same level of the chart, or the manager's own peer.
     */
    NO_REPORTING_LINE(Category.OUTSIDERS_PRESENT),
    /** Not a person of the client on the date (a guest, someone not yet hired or already gone). */
    NOT_OF_CLIENT(Category.OUTSIDERS_PRESENT);

    private final Category category;

    Relation(Category category) {
      this.category = category;
    }

    public Category category() {
      return category;
    }
  }

  /**
   * One attendee and where they fell.
   *
   * @param unitId their unit on the date, null if not of the client then
   */
  public record Attendee(UUID personId, Category category, Relation relation, UUID unitId) {}

  /** The categories with at least one attendee: the constellation as the method names it. */
  public Set<Category> present() {
    var present = EnumSet.noneOf(Category.class);
    attendees.forEach(a -> present.add(a.category()));
    return present;
  }

  /** The attendees of one category, in the order given. */
  public List<UUID> in(Category category) {
    return attendees.stream()
        .filter(a -> a.category() == category)
        .map(Attendee::personId)
        .toList();
  }

  /** The relation of one attendee, if they were present. */
  public Optional<Relation> relationOf(UUID attendee) {
    return attendees.stream()
        .filter(a -> a.personId().equals(attendee))
        .map(Attendee::relation)
        .findFirst();
  }
}
