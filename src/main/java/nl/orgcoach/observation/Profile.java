package nl.orgcoach.observation;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import nl.orgcoach.stats.Constellation;

/**
 * What was seen of one person in one engagement: per behaviour, counts and mean rating per
 * constellation (the dominant one, ADR 0005) and per period. Counts always beside means: a mean of
 * two ratings is shown as such, not as a verdict (invariant 6).
 */
record Profile(
    UUID engagementId,
    UUID personId,
    String personName,
    boolean released,
    int observations,
    String period,
    List<Line> behaviours) {

  /** Counts and mean of a group of ratings; mean null when there are none. */
  record Cell(int count, Double mean) {
    static final Cell EMPTY = new Cell(0, null);

    static Cell of(Collection<Integer> ratings) {
      if (ratings.isEmpty()) {
        return EMPTY;
      }
      double sum = 0;
      for (int r : ratings) {
        sum += r;
      }
      return new Cell(ratings.size(), Math.round(sum / ratings.size() * 100) / 100.0);
    }
  }

  /**
   * One behaviour: all its ratings, per constellation (every constellation, in order of dominance,
   * plus "NONE" when nobody else was present), and per period (oldest first).
   */
  record Line(
      UUID behaviourId,
      String name,
      boolean retired,
      Cell all,
      Map<String, Cell> byConstellation,
      Map<String, Cell> byPeriod) {}

  /** How ratings are grouped in time. */
  enum Period {
    MONTH,
    QUARTER;

    String of(LocalDate d) {
      return this == MONTH
          ? String.format("%d-%02d", d.getYear(), d.getMonthValue())
          : d.getYear() + "-Q" + d.get(IsoFields.QUARTER_OF_YEAR);
    }

    static Period parse(String s) {
      return "month".equalsIgnoreCase(s) ? MONTH : QUARTER;
    }
  }

  static final String NONE = "NONE";

  static List<String> constellationKeys() {
    List<String> keys = new ArrayList<>();
    for (Constellation c : Constellation.values()) {
      keys.add(c.name());
    }
    keys.add(NONE);
    return keys;
  }

  static List<Line> lines(
      List<Behaviour> framework,
      List<Observations.ProfileRating> ratings,
      Period period,
      java.util.Locale locale) {
    Map<UUID, List<Observations.ProfileRating>> byBehaviour = new LinkedHashMap<>();
    for (Observations.ProfileRating r : ratings) {
      byBehaviour.computeIfAbsent(r.behaviourId(), k -> new ArrayList<>()).add(r);
    }
    List<Line> lines = new ArrayList<>();
    for (Behaviour b : framework) {
      List<Observations.ProfileRating> mine = byBehaviour.getOrDefault(b.id(), List.of());
      if (b.retired() && mine.isEmpty()) {
        continue;
      }
      Map<String, List<Integer>> byC = new LinkedHashMap<>();
      constellationKeys().forEach(k -> byC.put(k, new ArrayList<>()));
      Map<String, List<Integer>> byP = new TreeMap<>();
      List<Integer> all = new ArrayList<>();
      for (Observations.ProfileRating r : mine) {
        all.add(r.rating());
        byC.get(r.dominant() == null ? NONE : r.dominant()).add(r.rating());
        byP.computeIfAbsent(period.of(r.observedOn()), k -> new ArrayList<>()).add(r.rating());
      }
      Map<String, Cell> cellsC = new LinkedHashMap<>();
      byC.forEach((k, v) -> cellsC.put(k, Cell.of(v)));
      Map<String, Cell> cellsP = new LinkedHashMap<>();
      byP.forEach((k, v) -> cellsP.put(k, Cell.of(v)));
      lines.add(new Line(b.id(), b.name(locale), b.retired(), Cell.of(all), cellsC, cellsP));
    }
    return lines;
  }
}
