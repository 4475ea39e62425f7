package nl.orgcoach.observation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import nl.orgcoach.stats.AnonymityRule;
import org.junit.jupiter.api.Test;

/**
 * How long deciding one quarter of observation aggregates takes (compute only; not part of the
 * suite): a tree of 1 + 8 + 64 + 512 + 4,096 = 4,681 units (about the 5,000 units of the scale
 * target), the people observed in the quarter spread over the teams at the bottom, 1–4 of 12
 * behaviours rated per observation. This runs once per engagement and quarter (at its first
 * reading); later readings read the stored cells.
 *
 * <pre>mvn -o -q -B test -Dtest=UnitAggregatesBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class UnitAggregatesBenchmark {

  @Test
  void decideOneQuarter() {
    List<UnitAggregates.Unit> tree = new ArrayList<>();
    List<UUID> teams = new ArrayList<>();
    UUID root = UUID.randomUUID();
    tree.add(new UnitAggregates.Unit(root, "root", null));
    List<UUID> level = List.of(root);
    for (int depth = 1; depth <= 4; depth++) {
      List<UUID> next = new ArrayList<>();
      for (UUID parent : level) {
        for (int i = 0; i < 8; i++) {
          UUID id = UUID.randomUUID();
          tree.add(new UnitAggregates.Unit(id, "u" + depth + "-" + next.size(), parent));
          next.add(id);
        }
      }
      level = next;
    }
    teams.addAll(level);
    List<UUID> behaviours = new ArrayList<>();
    for (int b = 0; b < 12; b++) {
      behaviours.add(UUID.randomUUID());
    }
    System.out.println(
        "| units | people observed | observations | ratings | shown cells | cells with observations | decide (ms, median of 3) |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
    for (int people : new int[] {500, 2_000, 5_000}) {
      SplittableRandom r = new SplittableRandom(7);
      int observations = people * 7;
      List<UnitAggregates.Rated> rated = new ArrayList<>();
      UUID[] who = new UUID[people];
      UUID[] where = new UUID[people];
      for (int p = 0; p < people; p++) {
        who[p] = UUID.randomUUID();
        where[p] = teams.get(r.nextInt(teams.size()));
      }
      for (int o = 0; o < observations; o++) {
        int p = r.nextInt(people);
        int coded = 1 + r.nextInt(4);
        for (int k = 0; k < coded; k++) {
          rated.add(
              new UnitAggregates.Rated(
                  who[p], where[p], behaviours.get(r.nextInt(12)), 1 + r.nextInt(5)));
        }
      }
      long[] times = new long[3];
      UnitAggregates a = null;
      for (int run = 0; run < times.length; run++) {
        long start = System.nanoTime();
        a = UnitAggregates.decide(tree, rated, AnonymityRule.minimum(), 4);
        times[run] = (System.nanoTime() - start) / 1_000_000;
      }
      java.util.Arrays.sort(times);
      long shown = a.cells().values().stream().filter(UnitAggregates.Cell::shown).count();
      System.out.printf(
          "| %,d | %,d | %,d | %,d | %,d | %,d | %d |%n",
          tree.size(), people, observations, rated.size(), shown, a.cells().size(), times[1]);
    }
  }
}
