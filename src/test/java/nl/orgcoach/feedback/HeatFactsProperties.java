package nl.orgcoach.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import nl.orgcoach.feedback.FeedbackAnonymity.HeatSums;

/**
 * The heatmap's in-memory grouping against the plain definition, computed row by row with sets: per
 * column and unit, the distinct ratees, the number and total of the ratings of the rows that pass
 * the round gate and closed in [start, end), each ratee in their current unit.
 */
class HeatFactsProperties {

  @Property(tries = 300)
  void groupsAsTheDefinitionSays(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 300) int rowCount,
      @ForAll @IntRange(min = 3, max = 5) int threshold) {
    Random random = new Random(seed);
    List<UUID> behaviours = ids(5);
    List<UUID> ratees = ids(1 + random.nextInt(30));
    List<UUID> units = ids(1 + random.nextInt(6));
    Map<UUID, UUID> unitOf = new HashMap<>();
    for (UUID r : ratees) {
      // Some ratees have left (no unit), some are in a unit that is not in this view.
      int pick = random.nextInt(units.size() + 2);
      if (pick < units.size()) {
        unitOf.put(r, units.get(pick));
      } else if (pick == units.size()) {
        unitOf.put(r, UUID.randomUUID());
      }
    }
    List<HeatFacts.Row> rows = new ArrayList<>();
    for (int i = 0; i < rowCount; i++) {
      int ratings = random.nextInt(8);
      rows.add(
          new HeatFacts.Row(
              behaviours.get(random.nextInt(behaviours.size())),
              ratees.get(random.nextInt(ratees.size())),
              random.nextInt(100),
              ratings,
              ratings * (1 + random.nextInt(5))));
    }
    // Four of the five behaviours are columns, in a shuffled order; one never is.
    List<UUID> columns = new ArrayList<>(behaviours.subList(0, 4));
    java.util.Collections.shuffle(columns, random);
    long start = random.nextInt(100);
    long end = start + random.nextInt(101);
    Map<UUID, Integer> unitIndex = new HashMap<>();
    for (UUID u : units) {
      unitIndex.put(u, unitIndex.size());
    }

    HeatFacts facts = HeatFacts.of(rows, threshold, Map.of());
    HeatSums[][] own = facts.withUnits(unitOf).own(columns, start, end, unitIndex);

    for (int c = 0; c < columns.size(); c++) {
      for (UUID unit : units) {
        Set<UUID> people = new HashSet<>();
        long ratings = 0;
        long total = 0;
        for (HeatFacts.Row row : rows) {
          if (row.behaviour().equals(columns.get(c))
              && row.ratings() >= threshold
              && row.closedAt() >= start
              && row.closedAt() < end
              && unit.equals(unitOf.get(row.ratee()))) {
            people.add(row.ratee());
            ratings += row.ratings();
            total += row.total();
          }
        }
        assertThat(own[c][unitIndex.get(unit)])
            .as("column %d, unit %d", c, unitIndex.get(unit))
            .isEqualTo(
                people.isEmpty() ? HeatSums.NONE : new HeatSums(people.size(), ratings, total));
      }
    }
  }

  private static List<UUID> ids(int n) {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(UUID.randomUUID());
    }
    return ids;
  }
}
