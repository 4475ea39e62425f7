package nl.orgcoach.observation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.orgcoach.stats.AnonymityRule;
import nl.orgcoach.stats.AnonymityRule.Group;

/**
 * What may be shown of a period's observations per unit × behaviour (issue 4, "for HR"; PRODUCT.md
 * invariant 4): the one place where observation ratings become aggregates. Free of Spring and I/O,
 * so that the property tests can run it on random org trees.
 *
 * <p>A unit's group for a behaviour is the set of people observed on it whose unit lies in the
 * unit's subtree. Each person stands in exactly one unit (the caller decides which: see {@code
 * ObservationAggregates}), so the groups of a behaviour form a laminar family: two groups are
 * nested or disjoint. Units are decided top-down, one breakdown (the children of a unit) per call
 * of {@link AnonymityRule#decide}, against the nearest shown ancestor and the shown groups directly
 * inside it (docs/analytics.md explains why that is enough). A group refused for having too few
 * people is {@link Status#FEW_PEOPLE}; refused for another reason (a small difference with the
 * parent, a small set it would make derivable) {@link Status#HIDDEN}. Neither carries a number. The
 * decision is a function of the data alone, never of the page asked for, so every drill-down sees
 * the same cells.
 */
final class UnitAggregates {

  /** A unit of the client's tree; parentId null at the top. */
  record Unit(UUID id, String name, UUID parentId) {}

  /** One rating of a person on a behaviour, with the unit the person counts in. */
  record Rated(UUID personId, UUID unitId, UUID behaviourId, int rating) {}

  enum Status {
    /** Shown with its numbers. */
    SHOWN,
    /** Fewer people than the threshold were observed: no numbers. */
    FEW_PEOPLE,
    /** Enough people, but showing it would let a reader single out a small group: no numbers. */
    HIDDEN,
    /** Nobody in the unit's subtree was observed on the behaviour. */
    NONE
  }

  /** A cell; people, observations, mean and favourable (share of ratings ≥ 4) only when shown. */
  record Cell(Status status, Integer people, Integer observations, Double mean, Double favourable) {

    static final Cell NONE = new Cell(Status.NONE, null, null, null, null);

    boolean shown() {
      return status == Status.SHOWN;
    }
  }

  record Key(UUID unitId, UUID behaviourId) {}

  /** A person's ratings on one behaviour, summed. */
  private record Tally(int count, int sum, int favourable) {
    Tally plus(int rating, int favourableFrom) {
      return new Tally(count + 1, sum + rating, favourable + (rating >= favourableFrom ? 1 : 0));
    }
  }

  private static final Comparator<Unit> BY_NAME =
      Comparator.comparing(Unit::name, Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER))
          .thenComparing(u -> u.id().toString());

  private final Map<UUID, Unit> units = new LinkedHashMap<>();
  private final Map<UUID, List<Unit>> children = new HashMap<>();
  private final List<Unit> roots = new ArrayList<>();
  private final Map<Key, Cell> cells = new HashMap<>();
  private final Set<UUID> observed = new java.util.HashSet<>();

  private UnitAggregates(Collection<Unit> tree) {
    for (Unit u : tree) {
      units.put(u.id(), u);
    }
    for (Unit u : units.values()) {
      if (u.parentId() == null || !units.containsKey(u.parentId())) {
        roots.add(u);
      } else {
        children.computeIfAbsent(u.parentId(), p -> new ArrayList<>()).add(u);
      }
    }
    roots.sort(BY_NAME);
    children.values().forEach(list -> list.sort(BY_NAME));
  }

  /**
   * Decides every cell of every unit and behaviour. Ratings of a unit that is not in the tree are
   * left out (a unit removed since: nobody could drill down to it).
   */
  static UnitAggregates decide(
      Collection<Unit> tree, Collection<Rated> ratings, AnonymityRule rule, int favourableFrom) {
    UnitAggregates a = new UnitAggregates(tree);
    Map<UUID, Map<UUID, Map<UUID, Tally>>> byBehaviour = new LinkedHashMap<>();
    for (Rated r : ratings) {
      if (!a.units.containsKey(r.unitId())) {
        continue;
      }
      byBehaviour
          .computeIfAbsent(r.behaviourId(), b -> new LinkedHashMap<>())
          .computeIfAbsent(r.unitId(), u -> new LinkedHashMap<>())
          .merge(
              r.personId(),
              new Tally(0, 0, 0).plus(r.rating(), favourableFrom),
              (x, y) -> new Tally(x.count + y.count, x.sum + y.sum, x.favourable + y.favourable));
    }
    byBehaviour.forEach((b, byUnit) -> a.decideBehaviour(b, byUnit, rule));
    return a;
  }

  private void decideBehaviour(
      UUID behaviour, Map<UUID, Map<UUID, Tally>> byUnit, AnonymityRule rule) {
    // Every unit's people (its subtree's), bottom-up.
    Map<UUID, Map<UUID, Tally>> members = new HashMap<>();
    List<Unit> order = breadthFirst();
    for (int i = order.size() - 1; i >= 0; i--) {
      Unit u = order.get(i);
      Map<UUID, Tally> own = new LinkedHashMap<>(byUnit.getOrDefault(u.id(), Map.of()));
      for (Unit c : children.getOrDefault(u.id(), List.of())) {
        own.putAll(members.getOrDefault(c.id(), Map.of()));
      }
      if (!own.isEmpty()) {
        members.put(u.id(), own);
        observed.add(u.id());
      }
    }
    // Top-down: the shown groups directly inside each shown unit, and its nearest shown ancestor.
    Map<UUID, List<Group<UUID>>> shownInside = new HashMap<>();
    Map<UUID, UUID> region = new HashMap<>();
    decideBreakdown(behaviour, null, roots, members, rule, shownInside, region);
    for (Unit u : order) {
      decideBreakdown(
          behaviour,
          u,
          children.getOrDefault(u.id(), List.of()),
          members,
          rule,
          shownInside,
          region);
    }
  }

  private void decideBreakdown(
      UUID behaviour,
      Unit parent,
      List<Unit> breakdown,
      Map<UUID, Map<UUID, Tally>> members,
      AnonymityRule rule,
      Map<UUID, List<Group<UUID>>> shownInside,
      Map<UUID, UUID> region) {
    List<Group<UUID>> candidates = new ArrayList<>();
    for (Unit c : breakdown) {
      Map<UUID, Tally> m = members.get(c.id());
      if (m != null) {
        candidates.add(new Group<>(c.id().toString(), m.keySet()));
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    UUID nearest = parent == null ? null : region.get(parent.id());
    if (parent != null && cells.get(new Key(parent.id(), behaviour)).shown()) {
      nearest = parent.id();
    }
    List<Group<UUID>> visible = new ArrayList<>();
    if (nearest != null) {
      visible.add(new Group<>(nearest.toString(), members.get(nearest).keySet()));
      visible.addAll(shownInside.getOrDefault(nearest, List.of()));
    }
    AnonymityRule.Decision<UUID> decision = rule.decide(candidates, visible);
    for (AnonymityRule.Verdict<UUID> v : decision.verdicts()) {
      UUID unit = UUID.fromString(v.group().label());
      region.put(unit, nearest);
      Cell cell;
      if (v.shown()) {
        cell = describe(members.get(unit));
        if (nearest != null) {
          shownInside.computeIfAbsent(nearest, n -> new ArrayList<>()).add(v.group());
        }
      } else if (v.reason() == AnonymityRule.Reason.BELOW_THRESHOLD) {
        cell = new Cell(Status.FEW_PEOPLE, null, null, null, null);
      } else {
        cell = new Cell(Status.HIDDEN, null, null, null, null);
      }
      cells.put(new Key(unit, behaviour), cell);
    }
  }

  private static Cell describe(Map<UUID, Tally> people) {
    int count = 0;
    int sum = 0;
    int favourable = 0;
    for (Tally t : people.values()) {
      count += t.count();
      sum += t.sum();
      favourable += t.favourable();
    }
    return new Cell(
        Status.SHOWN, people.size(), count, (double) sum / count, (double) favourable / count);
  }

  private List<Unit> breadthFirst() {
    List<Unit> order = new ArrayList<>();
    ArrayDeque<Unit> queue = new ArrayDeque<>(roots);
    Set<UUID> seen = new java.util.HashSet<>();
    while (!queue.isEmpty()) {
      Unit u = queue.poll();
      if (seen.add(u.id())) {
        order.add(u);
        queue.addAll(children.getOrDefault(u.id(), List.of()));
      }
    }
    return order;
  }

  /** Every decided cell (units and behaviours with observations), by unit and behaviour. */
  Map<Key, Cell> cells() {
    return Map.copyOf(cells);
  }

  /** The units with observations in their subtree, top-down: with them their ancestors. */
  List<Unit> observedUnits() {
    return breadthFirst().stream().filter(u -> observed.contains(u.id())).toList();
  }

  /** Whether the unit is a top unit here (no parent, or a parent outside the tree). */
  boolean isRoot(UUID unit) {
    Unit u = units.get(unit);
    return u != null && (u.parentId() == null || !units.containsKey(u.parentId()));
  }

  /** The cell of a unit and behaviour (NONE when nobody in its subtree was observed on it). */
  Cell cell(UUID unit, UUID behaviour) {
    return cells.getOrDefault(new Key(unit, behaviour), Cell.NONE);
  }

  /** The top units, by name. */
  List<Unit> roots() {
    return List.copyOf(roots);
  }

  /** The units directly below, by name. */
  List<Unit> children(UUID unit) {
    return List.copyOf(children.getOrDefault(unit, List.of()));
  }
}
