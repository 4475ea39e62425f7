package nl.orgcoach.organisation.importing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Graph work on "points up to" relations (a unit's parent, a person's manager), where every node
 * has at most one edge. Iterative and linear, so a 100,000-deep chain needs no deep stack.
 */
final class Hierarchy {

  private Hierarchy() {}

  /**
   * The cycles reachable from {@code starts} when following {@code up} (which answers null at the
   * top or for an unknown node). Each cycle is listed once, starting at its first node met.
   */
  static List<List<String>> cycles(Collection<String> starts, Function<String, String> up) {
    Map<String, Integer> state = new HashMap<>(); // absent: unseen; 1: on the current walk; 2: done
    List<List<String>> cycles = new ArrayList<>();
    List<String> walk = new ArrayList<>();
    for (String start : starts) {
      walk.clear();
      String node = start;
      while (node != null && !state.containsKey(node)) {
        state.put(node, 1);
        walk.add(node);
        node = up.apply(node);
      }
      if (node != null && state.get(node) == 1) {
        // We came back to a node of this very walk: from there on it is a cycle.
        cycles.add(List.copyOf(walk.subList(walk.indexOf(node), walk.size())));
      }
      for (String n : walk) {
        state.put(n, 2);
      }
    }
    return cycles;
  }

  /**
   * Orders {@code nodes} so that a node's {@code up} comes before it whenever that is also one of
   * {@code nodes}: the insert order that satisfies a self-referencing foreign key. The relation
   * must be free of cycles.
   */
  static List<String> topDown(Collection<String> nodes, Function<String, String> up) {
    Set<String> members = nodes instanceof Set<String> s ? s : new HashSet<>(nodes);
    Set<String> placed = new HashSet<>();
    List<String> order = new ArrayList<>(nodes.size());
    List<String> chain = new ArrayList<>();
    for (String start : nodes) {
      chain.clear();
      String node = start;
      while (node != null && members.contains(node) && !placed.contains(node)) {
        chain.add(node);
        placed.add(node);
        node = up.apply(node);
      }
      for (int i = chain.size() - 1; i >= 0; i--) {
        order.add(chain.get(i));
      }
    }
    return order;
  }
}
