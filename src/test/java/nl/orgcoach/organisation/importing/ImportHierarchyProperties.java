package nl.orgcoach.organisation.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The cycle detection and insert ordering behind the reporting-line and unit-tree checks, against
 * the definition: a node is on a cycle iff following its edges brings you back to it.
 */
class ImportHierarchyProperties {

  /** A random "points up to" relation on n nodes; -1 (or out of range) means no edge. */
  private static Map<String, String> relation(List<Integer> targets) {
    Map<String, String> up = new HashMap<>();
    for (int i = 0; i < targets.size(); i++) {
      int t = targets.get(i);
      if (t >= 0 && t < targets.size()) {
        up.put("n" + i, "n" + t);
      }
    }
    return up;
  }

  private static boolean onCycle(String node, Map<String, String> up) {
    String n = up.get(node);
    for (int steps = 0; n != null && steps <= up.size(); steps++) {
      if (n.equals(node)) {
        return true;
      }
      n = up.get(n);
    }
    return false;
  }

  @Property
  void findsExactlyTheNodesOnCycles(
      @ForAll @Size(max = 40) List<@IntRange(min = -5, max = 39) Integer> targets) {
    Map<String, String> up = relation(targets);
    List<String> nodes = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      nodes.add("n" + i);
    }
    List<List<String>> cycles = Hierarchy.cycles(nodes, up::get);
    Set<String> found = new HashSet<>();
    cycles.forEach(found::addAll);
    Set<String> expected = new HashSet<>();
    for (String n : nodes) {
      if (onCycle(n, up)) {
        expected.add(n);
      }
    }
    assertThat(found).isEqualTo(expected);
    // Each cycle once, and each listed in edge order.
    assertThat(cycles.stream().mapToInt(List::size).sum()).isEqualTo(found.size());
    for (List<String> cycle : cycles) {
      for (int i = 0; i < cycle.size(); i++) {
        assertThat(up.get(cycle.get(i))).isEqualTo(cycle.get((i + 1) % cycle.size()));
      }
    }
  }

  @Property
  void ordersParentsBeforeChildren(
      @ForAll @Size(max = 60) List<@IntRange(min = -1, max = 59) Integer> raw) {
    // Make it a forest: each node may only point to a node with a lower number.
    List<Integer> targets = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      targets.add(raw.get(i) < i ? raw.get(i) : -1);
    }
    Map<String, String> up = relation(targets);
    List<String> nodes = new ArrayList<>();
    for (int i = targets.size() - 1; i >= 0; i--) {
      if (i % 3 != 0) {
        nodes.add("n" + i); // a subset, in reverse: the "new" rows of an import
      }
    }
    List<String> order = Hierarchy.topDown(nodes, up::get);
    assertThat(order).containsExactlyInAnyOrderElementsOf(nodes);
    for (String n : order) {
      String parent = up.get(n);
      if (parent != null && nodes.contains(parent)) {
        assertThat(order.indexOf(parent)).isLessThan(order.indexOf(n));
      }
    }
  }

  @Example
  void handlesAVeryDeepChainWithoutRecursion() {
    Map<String, String> up = new HashMap<>();
    List<String> nodes = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      nodes.add("n" + i);
      if (i > 0) {
        up.put("n" + i, "n" + (i - 1));
      }
    }
    assertThat(Hierarchy.cycles(nodes, up::get)).isEmpty();
    List<String> reversed = new ArrayList<>(nodes);
    java.util.Collections.reverse(reversed);
    assertThat(Hierarchy.topDown(reversed, up::get).get(0)).isEqualTo("n0");
    up.put("n0", "n199999");
    assertThat(Hierarchy.cycles(nodes, up::get))
        .singleElement()
        .satisfies(c -> assertThat(c).hasSize(200_000));
  }
}
