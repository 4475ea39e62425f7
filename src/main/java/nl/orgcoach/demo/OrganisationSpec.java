package nl.orgcoach.demo;

import java.util.List;

/**
 * What to generate: a named organisation of a sector with about {@code people} people in exactly
 * {@code units} units over {@code levels} levels (the top unit is level 0, teams are the last
 * level). {@code levelSizes}, when given, fixes how many units each level has; otherwise the tree
 * widens geometrically.
 */
public record OrganisationSpec(
    String name,
    String domain,
    Sector sector,
    int people,
    int units,
    int levels,
    List<Integer> levelSizes,
    long seed) {

  public enum Sector {
    CARE,
    MUNICIPALITY
  }

  public OrganisationSpec {
    if (levels < 2 || units < levels) {
      throw new IllegalArgumentException("need at least 2 levels and one unit per level");
    }
    if (levelSizes != null) {
      levelSizes = List.copyOf(levelSizes);
      if (levelSizes.size() != levels
          || levelSizes.get(0) != 1
          || levelSizes.stream().mapToInt(Integer::intValue).sum() != units) {
        throw new IllegalArgumentException(
            "levelSizes must start with 1, have one entry per level and add up to units");
      }
    }
    if (people < units * 2) {
      throw new IllegalArgumentException("need at least two people per unit");
    }
  }

  /**
   * The larger demo client: a care group along the IJssel, raad van bestuur → divisions →
   * departments → teams.
   */
  public static OrganisationSpec zorggroepIJsselland() {
    return new OrganisationSpec(
        "Zorggroep IJsselland",
        "zorggroep-ijsselland.nl",
        Sector.CARE,
        300,
        25,
        4,
        List.of(1, 3, 6, 15),
        20261127L);
  }

  /** The small demo client: a municipality, directie → afdelingen → teams. */
  public static OrganisationSpec gemeenteWolderwijk() {
    return new OrganisationSpec(
        "Gemeente Wolderwijk",
        "wolderwijk.nl",
        Sector.MUNICIPALITY,
        40,
        9,
        3,
        List.of(1, 3, 5),
        20261128L);
  }

  /** The benchmark client of issue 2: 100,000 people in 5,000 units over 6 levels. */
  public static OrganisationSpec benchmark() {
    return new OrganisationSpec(
        "Zorgconcern Lage Landen",
        "zorgconcern-lagelanden.nl",
        Sector.CARE,
        100_000,
        5_000,
        6,
        null,
        42L);
  }
}
