package nl.orgcoach.stats;

import java.util.Set;

/**
 * Who was present, relative to the observed person, when their behaviour was observed (PRODUCT.md:
 * observation). Declared in order of dominance: an observation with several kinds present counts
 * for the first of them ({@link #dominant}); see docs/adr/0005-observation-rating-scale.md.
 */
public enum Constellation {
  SUPERIORS_PRESENT,
  DIRECT_REPORTS_PRESENT,
  PEERS_PRESENT,
  OUTSIDERS_PRESENT;

  private static final Constellation[] ALL = values();

  /**
   * The one comparison group of an observation: the highest kind present. A superior in the room
   * sets the situation (the person acts as a subordinate, whoever else is there); without one, the
   * person's own direct reports make them the boss in the room; then peers; outsiders only when no
   * one of the person's own hierarchy was there. One group per observation keeps the groups
   * disjoint, which the rank test and the beta-binomial comparison both assume.
   *
   * @throws IllegalArgumentException when nobody was present
   */
  public static Constellation dominant(Set<Constellation> present) {
    for (Constellation c : ALL) {
      if (present.contains(c)) {
        return c;
      }
    }
    throw new IllegalArgumentException("an observation needs at least one constellation present");
  }
}
