package nl.orgcoach.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.orgcoach.stats.AnonymityRule.Decision;
import nl.orgcoach.stats.AnonymityRule.Group;

/**
 * Whatever groups are asked for, in whatever order and over however many calls, what ends up
 * visible never exposes fewer than t respondents: checked pairwise, and by brute force over every
 * small set of respondents with an elimination in floating point that shares nothing with the
 * rule's exact search.
 */
class AnonymityRuleProperties {

  private static final int MAX_PEOPLE = 14;

  record Scenario(int threshold, List<Set<Integer>> first, List<Set<Integer>> second) {}

  /** A unit tree (node i + 1 hangs under parents[i] mod (i + 1)) and who sits where per round. */
  record Hierarchy(
      int threshold,
      List<Integer> parents,
      List<Integer> round1,
      List<Integer> round2,
      List<Set<Integer>> filters) {

    int nodes() {
      return parents.size() + 1;
    }

    int parent(int node) {
      return parents.get(node - 1) % node;
    }

    boolean isUnder(int node, int ancestor) {
      for (int n = node; ; n = parent(n)) {
        if (n == ancestor) {
          return true;
        }
        if (n == 0) {
          return false;
        }
      }
    }

    /**
     * Everyone placed in the unit or below it; a placement of 90 or more means "did not answer".
     */
    Group<Integer> unit(List<Integer> placement, int node, String round) {
      Set<Integer> members = new LinkedHashSet<>();
      for (int p = 0; p < placement.size(); p++) {
        int v = placement.get(p);
        if (v < 90 && isUnder(v % nodes(), node)) {
          members.add(p);
        }
      }
      return new Group<>(round + " unit " + node, members);
    }
  }

  @Provide
  Arbitrary<Integer> thresholds() {
    return Arbitraries.integers().between(3, 5);
  }

  @Provide
  Arbitrary<List<Set<Integer>>> groups() {
    return Arbitraries.integers()
        .between(0, MAX_PEOPLE - 3)
        .set()
        .ofMaxSize(MAX_PEOPLE - 2)
        .list()
        .ofMinSize(1)
        .ofMaxSize(7);
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    return Combinators.combine(thresholds(), groups(), groups()).as(Scenario::new);
  }

  @Provide
  Arbitrary<Hierarchy> hierarchies() {
    Arbitrary<List<Integer>> parents =
        Arbitraries.integers().between(0, 99).list().ofMinSize(1).ofMaxSize(6);
    Arbitrary<List<Integer>> placement =
        Arbitraries.integers().between(0, 99).list().ofMinSize(3).ofMaxSize(MAX_PEOPLE);
    Arbitrary<List<Set<Integer>>> filters =
        Arbitraries.integers().between(0, MAX_PEOPLE - 1).set().list().ofMaxSize(3);
    return Combinators.combine(thresholds(), parents, placement, placement, filters)
        .as(Hierarchy::new);
  }

  @Property(tries = 300)
  void randomGroupsOverTwoCallsNeverExposeASmallSet(@ForAll("scenarios") Scenario s) {
    var rule = new AnonymityRule(s.threshold());
    List<Group<Integer>> visible = new ArrayList<>();

    show(rule, labelled("a", s.first()), visible);
    show(rule, labelled("b", s.second()), visible);

    assertSafe(visible, s.threshold());
  }

  @Property(tries = 200)
  void drillingDownAHierarchyOverTwoRoundsNeverExposesASmallSet(
      @ForAll("hierarchies") Hierarchy h) {
    var rule = new AnonymityRule(h.threshold());
    List<Group<Integer>> visible = new ArrayList<>();

    for (var round : List.of(h.round1(), h.round2())) {
      String name = round == h.round1() ? "r1" : "r2";
      show(rule, List.of(h.unit(round, 0, name)), visible);
      for (int node = 0; node < h.nodes(); node++) {
        List<Group<Integer>> children = new ArrayList<>();
        for (int child = node + 1; child < h.nodes(); child++) {
          if (h.parent(child) == node) {
            children.add(h.unit(round, child, name));
          }
        }
        show(rule, children, visible);
      }
    }
    show(rule, labelled("filter", h.filters()), visible);

    assertSafe(visible, h.threshold());
  }

  /** Decides, checks the decision's own promises, and adds what it shows to the visible groups. */
  private static void show(
      AnonymityRule rule, List<Group<Integer>> candidates, List<Group<Integer>> visible) {
    Decision<Integer> decision = rule.decide(candidates, visible);
    assertThat(decision.priorExposures()).isEmpty();
    assertThat(decision.verdicts()).hasSize(candidates.size());
    for (var shown : decision.shown()) {
      assertThat(shown.size()).isGreaterThanOrEqualTo(rule.threshold());
    }
    visible.addAll(decision.shown());
    decision.others().ifPresent(visible::add);
  }

  private static List<Group<Integer>> labelled(String prefix, List<Set<Integer>> sets) {
    List<Group<Integer>> groups = new ArrayList<>();
    for (int i = 0; i < sets.size(); i++) {
      groups.add(new Group<>(prefix + i, sets.get(i)));
    }
    return groups;
  }

  private static void assertSafe(List<Group<Integer>> visible, int t) {
    for (var a : visible) {
      assertThat(a.size()).isGreaterThanOrEqualTo(t);
      for (var b : visible) {
        if (a.respondents().containsAll(b.respondents())) {
          int difference = a.size() - b.size();
          assertThat(difference == 0 || difference >= t)
              .as("%s ⊇ %s differ by %d", a, b, difference)
              .isTrue();
        }
      }
    }
    var span = new IndicatorSpan(visible.stream().map(Group::respondents).toList(), MAX_PEOPLE + 1);
    forEachSmallSet(
        MAX_PEOPLE + 1,
        t - 1,
        set -> assertThat(span.contains(set)).as("derivable: %s from %s", set, visible).isFalse());
  }

  /** Every non-empty set of at most {@code maxSize} people among 0 … people − 1. */
  private static void forEachSmallSet(
      int people, int maxSize, java.util.function.Consumer<List<Integer>> action) {
    extend(new ArrayList<>(), 0, people, maxSize, action);
  }

  private static void extend(
      List<Integer> set,
      int from,
      int people,
      int maxSize,
      java.util.function.Consumer<List<Integer>> action) {
    for (int p = from; p < people; p++) {
      set.add(p);
      action.accept(set);
      if (set.size() < maxSize) {
        extend(set, p + 1, people, maxSize, action);
      }
      set.remove(set.size() - 1);
    }
  }
}
