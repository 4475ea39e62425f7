package nl.orgcoach.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import nl.orgcoach.stats.AnonymityRule;
import nl.orgcoach.stats.AnonymityRule.Group;
import org.junit.jupiter.api.Test;

/**
 * How long {@link AnonymityRule#decide} takes for one report page (not part of the test suite). The
 * page breaks a unit down into its c child units in round 2; visible already are the unit's four
 * ancestors, the unit itself, six filter groups (three tenure bands, three roles) and all of round
 * 1 (children and filters, with 5% of the people changed). 25 people per child unit.
 */
class AnonymityRuleBenchmark {

  @Test
  void reportPage() {
    System.out.println("| children | people | visible groups | shown | median of 5 (ms) |");
    System.out.println("|---:|---:|---:|---:|---:|");
    for (int children : new int[] {5, 10, 20, 40, 80}) {
      Random random = new Random(42);
      int people = 25 * children;
      List<Group<Integer>> visible = new ArrayList<>();
      for (int level = 0; level < 4; level++) {
        visible.add(range("ancestor " + level, 0, people + 50 * (4 - level)));
      }
      visible.add(range("unit", 0, people));
      int changed = people / 20;
      int[] tenure = new int[people + changed];
      int[] role = new int[people + changed];
      for (int p = 0; p < tenure.length; p++) {
        tenure[p] = random.nextInt(3);
        role[p] = random.nextInt(3);
      }
      // Round 1: the same units, but people 0 … 5% left and were replaced by newcomers after them.
      for (int b = 0; b < 3; b++) {
        visible.add(filter("r1 tenure " + b, tenure, b, changed, people + changed));
        visible.add(filter("r1 role " + b, role, b, changed, people + changed));
      }
      for (int c = 0; c < children; c++) {
        visible.add(range("r1 child " + c, Math.max(25 * c, changed), 25 * (c + 1)));
      }
      for (int b = 0; b < 3; b++) {
        visible.add(filter("tenure " + b, tenure, b, 0, people));
        visible.add(filter("role " + b, role, b, 0, people));
      }
      List<Group<Integer>> candidates = new ArrayList<>();
      for (int c = 0; c < children; c++) {
        candidates.add(range("child " + c, 25 * c, 25 * (c + 1)));
      }
      AnonymityRule rule = new AnonymityRule(5);
      long[] times = new long[5];
      int shown = 0;
      for (int run = 0; run < times.length; run++) {
        long start = System.nanoTime();
        shown = rule.decide(candidates, visible).shown().size();
        times[run] = System.nanoTime() - start;
      }
      java.util.Arrays.sort(times);
      System.out.printf(
          "| %d | %d | %d | %d | %.1f |%n",
          children, people, visible.size(), shown, times[2] / 1e6);
    }
  }

  private static Group<Integer> range(String label, int from, int to) {
    Set<Integer> members = new LinkedHashSet<>();
    for (int p = from; p < to; p++) {
      members.add(p);
    }
    return new Group<>(label, members);
  }

  private static Group<Integer> filter(String label, int[] attribute, int value, int from, int to) {
    Set<Integer> members = new LinkedHashSet<>();
    for (int p = from; p < to; p++) {
      if (attribute[p] == value) {
        members.add(p);
      }
    }
    return new Group<>(label, members);
  }
}
