package nl.orgcoach.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import nl.orgcoach.stats.AnonymityRule;

/**
 * For random rater sets (groups of 0-7, "not seen" answers, a manager who may be named) and
 * thresholds, what {@link FeedbackAnonymity} lets through reveals no group under the threshold:
 * checked here independently of the rule, from the respondents behind every shown number.
 */
class FeedbackAnonymityProperties {

  @Property(tries = 2000)
  void noShownNumberStandsForFewerThanTheThresholdOrForASmallDifference(
      @ForAll("answers") List<FeedbackAnonymity.Answer> answers,
      @ForAll @IntRange(min = 3, max = 5) int threshold) {
    FeedbackAnonymity anonymity = new FeedbackAnonymity(new AnonymityRule(threshold));
    FeedbackAnonymity.BehaviourResult result = anonymity.decide(answers);

    // Who is behind each label, recomputed from the input.
    Map<String, Set<String>> members = new LinkedHashMap<>();
    Set<String> named = new HashSet<>();
    Set<String> all = new HashSet<>();
    for (var a : answers) {
      if (a.group() == RaterGroup.SELF || a.rating() == null) {
        continue;
      }
      all.add(a.respondent());
      if (a.group() == RaterGroup.MANAGER && a.named()) {
        named.add(a.respondent());
      } else {
        members.computeIfAbsent(a.group().name(), k -> new HashSet<>()).add(a.respondent());
      }
    }
    members.put(FeedbackAnonymity.ALL_OTHERS, all);
    Set<String> merged = new HashSet<>();
    for (var g : result.groups()) {
      if (g.outcome().equals("MERGED_INTO_OTHERS")) {
        merged.addAll(members.get(g.group()));
      }
    }
    members.put(FeedbackAnonymity.OTHERS, merged);

    List<FeedbackAnonymity.GroupResult> every = new ArrayList<>(result.groups());
    every.add(result.allOthers());
    List<Set<String>> shown = new ArrayList<>();
    for (var g : every) {
      Set<String> behind = members.get(g.group());
      if (g.shown()) {
        assertThat(behind.size()).as("%s shown", g.group()).isGreaterThanOrEqualTo(threshold);
        assertThat(g.n()).isEqualTo(behind.size());
        shown.add(behind);
      } else {
        assertThat(g.n()).as("%s not shown has no n", g.group()).isNull();
        assertThat(g.mean()).isNull();
        assertThat(g.rwg()).isNull();
      }
    }
    // No two shown groups, nor a shown group and the named manager's own rating, differ by 1..t-1
    // people when one contains the other; nor does "all others" minus the shown groups inside it
    // (disjoint ones) leave 1..t-1 people besides the named manager.
    List<Set<String>> visible = new ArrayList<>(shown);
    if (!named.isEmpty()) {
      visible.add(named);
    }
    for (Set<String> x : visible) {
      for (Set<String> y : visible) {
        if (x != y && x.containsAll(y)) {
          int d = x.size() - y.size();
          assertThat(d == 0 || d >= threshold || (y == named || x == named) && d == 0)
              .as("difference of %s and %s", x, y)
              .isTrue();
        }
      }
    }
    if (result.allOthers().shown()) {
      Set<String> rest = new HashSet<>(all);
      rest.removeAll(named);
      for (Set<String> s : shown) {
        if (s != all && all.containsAll(s) && rest.containsAll(s)) {
          rest.removeAll(s);
        }
      }
      assertThat(rest.isEmpty() || rest.size() >= threshold).as("remainder %s", rest).isTrue();
    }
    // Comments only with "all others" shown.
    if (!result.allOthers().shown()) {
      assertThat(result.comments()).isEmpty();
    }
  }

  @Property(tries = 1000)
  void acrossTwoRoundsNoTwoShownGroupsDifferByAFewPeople(
      @ForAll("answers") List<FeedbackAnonymity.Answer> first,
      @ForAll("answers") List<FeedbackAnonymity.Answer> second,
      @ForAll @IntRange(min = 3, max = 4) int threshold) {
    // The same respondent ids ("r0", "r1", ...) in both rounds: the same people rating again.
    FeedbackAnonymity anonymity = new FeedbackAnonymity(new AnonymityRule(threshold));
    var one = anonymity.decide(first, List.of());
    var two = anonymity.decide(second, one.visible());

    // The managers actually shown by name (naming is refused when it would expose others).
    Set<String> named = new HashSet<>();
    for (var a : first) {
      if (a.named() && a.rating() != null && one.result().namedManager() != null) {
        named.add(a.respondent());
      }
    }
    for (var a : second) {
      if (a.named() && a.rating() != null && two.result().namedManager() != null) {
        named.add(a.respondent());
      }
    }
    List<Set<String>> shown = new ArrayList<>();
    for (var g : two.visible()) {
      if (!g.label().equals("named manager")) {
        shown.add(g.respondents());
      }
    }
    for (Set<String> x : shown) {
      assertThat(x.size()).isGreaterThanOrEqualTo(threshold);
      for (Set<String> y : shown) {
        if (x != y && x.containsAll(y)) {
          Set<String> difference = new HashSet<>(x);
          difference.removeAll(y);
          difference.removeAll(named);
          assertThat(difference.isEmpty() || difference.size() >= threshold)
              .as("%s minus %s", x, y)
              .isTrue();
        }
      }
    }
  }

  @Provide
  Arbitrary<List<FeedbackAnonymity.Answer>> answers() {
    Arbitrary<FeedbackAnonymity.Answer> one =
        Combinators.combine(
                Arbitraries.of(
                    RaterGroup.MANAGER,
                    RaterGroup.PEER,
                    RaterGroup.DIRECT_REPORT,
                    RaterGroup.OTHER),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 5),
                Arbitraries.of("", "goed", "meer doorvragen"))
            .as(
                (g, named, r, c) ->
                    new FeedbackAnonymity.Answer(null, g, named, r == 0 ? null : r, c));
    return one.list()
        .ofMinSize(0)
        .ofMaxSize(16)
        .map(
            list -> {
              List<FeedbackAnonymity.Answer> out = new ArrayList<>();
              out.add(new FeedbackAnonymity.Answer("self", RaterGroup.SELF, false, 3, "zelf"));
              boolean namedManagerSeen = false;
              for (int i = 0; i < list.size(); i++) {
                var a = list.get(i);
                // At most one named manager, as the round has one manager who chose.
                boolean named = a.group() == RaterGroup.MANAGER && a.named() && !namedManagerSeen;
                namedManagerSeen |= named;
                out.add(
                    new FeedbackAnonymity.Answer(
                        "r" + i, a.group(), named, a.rating(), a.comment()));
              }
              return out;
            });
  }

  // --- the heatmap (issue 5)

  /** A closed round: its ratee, when it closed (0-3), its behaviour column and others' ratings. */
  record HeatRound(
      int ratee, int closed, int column, List<Integer> raters, List<Integer> ratings) {}

  /** A client: the parent of each unit (-1: top), each ratee's unit, and the rounds. */
  record HeatWorld(List<Integer> parents, List<Integer> unitOfRatee, List<HeatRound> rounds) {}

  /** A request: the rounds that closed from {@code from} to {@code to}, below {@code unit}. */
  record HeatRequest(int from, int to, int unit) {}

  /**
   * For random unit trees, raters (the same people rate in several rounds), successive rounds and
   * pairs of requests (other periods, other levels of the drill-down), no heatmap cell and no
   * combination of cells reveals fewer raters than the threshold, and no cell or combination of
   * cells of one period reveals fewer ratees than the threshold. Checked from the answers behind
   * every shown number, not from the rule: the round gate is applied here as the query applies it.
   */
  @Property(tries = 400)
  void noHeatmapCellOrDifferenceOfTwoRequestsRevealsASmallGroup(
      @ForAll("heatWorlds") HeatWorld world,
      @ForAll("heatRequests") HeatRequest first,
      @ForAll("heatRequests") HeatRequest second,
      @ForAll @IntRange(min = 0, max = 3) int otherTo,
      @ForAll @IntRange(min = 3, max = 4) int threshold) {
    FeedbackAnonymity anonymity = new FeedbackAnonymity(new AnonymityRule(threshold));
    int units = world.parents().size();
    List<nl.orgcoach.organisation.UnitLookup.UnitNode> nodes = new ArrayList<>();
    for (int u = 0; u < units; u++) {
      int p = world.parents().get(u);
      nodes.add(
          new nl.orgcoach.organisation.UnitLookup.UnitNode(
              unitId(u), "u" + u, p < 0 ? null : unitId(p)));
    }
    FeedbackHeatmap.Tree tree = new FeedbackHeatmap.Tree(nodes);

    // Three requests: two views of one period, and the second view again with another end (a
    // later moment: more rounds closed, or an earlier one).
    HeatRequest sameWindow = new HeatRequest(first.from(), first.to(), second.unit());
    HeatRequest later =
        new HeatRequest(
            Math.min(first.from(), otherTo), Math.max(first.from(), otherTo), second.unit());
    List<Set<String>> byRater = new ArrayList<>();
    List<Set<String>> byRateeFirstWindow = new ArrayList<>();
    for (HeatRequest request : List.of(first, sameWindow, later)) {
      FeedbackHeatmap.Grid grid = new FeedbackHeatmap.Grid(tree, 2);
      // The round gate, as in the query: a round counts only with enough others' ratings.
      List<HeatRound> counted = new ArrayList<>();
      for (HeatRound r : world.rounds()) {
        long rated = r.ratings().stream().filter(java.util.Objects::nonNull).count();
        if (rated >= threshold && r.closed() >= request.from() && r.closed() <= request.to()) {
          counted.add(r);
        }
      }
      Map<String, Set<Integer>> rateesOf = new LinkedHashMap<>();
      for (HeatRound r : counted) {
        int u = world.unitOfRatee().get(r.ratee());
        var own = grid.own[r.column()][u];
        boolean newRatee =
            rateesOf.computeIfAbsent(u + "/" + r.column(), k -> new HashSet<>()).add(r.ratee());
        long n = 0;
        long total = 0;
        for (Integer rating : r.ratings()) {
          if (rating != null) {
            n++;
            total += rating;
          }
        }
        grid.own[r.column()][u] =
            own.plus(new FeedbackAnonymity.HeatSums(newRatee ? 1 : 0, n, total));
      }
      grid.sumSubtrees();
      java.util.UUID viewUnit =
          request.unit() < 0 || request.unit() >= units ? null : unitId(request.unit());
      List<java.util.UUID> rows = viewUnit == null ? tree.tops : tree.childrenOf(viewUnit);
      var decided = FeedbackHeatmap.decide(anonymity, grid, viewUnit, rows);
      List<java.util.UUID> shownUnits = new ArrayList<>(rows);
      if (viewUnit != null) {
        shownUnits.add(viewUnit);
      }
      for (int c = 0; c < 2; c++) {
        for (java.util.UUID unit : shownUnits) {
          FeedbackAnonymity.HeatCell cell = decided.get(c).get(unit);
          if (cell == null || !cell.shown()) {
            assertThat(cell == null || cell.mean() == null && cell.ratings() == null).isTrue();
            continue;
          }
          Set<String> raters = new HashSet<>();
          Set<String> answers = new HashSet<>();
          Set<String> ratees = new HashSet<>();
          long total = 0;
          for (int i = 0; i < counted.size(); i++) {
            HeatRound r = counted.get(i);
            if (r.column() != c || !inSubtree(world, world.unitOfRatee().get(r.ratee()), unit)) {
              continue;
            }
            // A ratee per behaviour: cells of two behaviours are different numbers of one person.
            ratees.add("c" + c + ":p" + r.ratee());
            for (int k = 0; k < r.raters().size(); k++) {
              if (r.ratings().get(k) != null) {
                raters.add("r" + r.raters().get(k));
                answers.add(world.rounds().indexOf(r) + ":" + k);
                total += r.ratings().get(k);
              }
            }
          }
          assertThat(raters.size())
              .as("raters behind a shown cell")
              .isGreaterThanOrEqualTo(threshold);
          assertThat(ratees.size())
              .as("ratees behind a shown cell")
              .isGreaterThanOrEqualTo(threshold);
          assertThat(cell.ratings()).isEqualTo((long) answers.size());
          assertThat(cell.mean()).isCloseTo((double) total / answers.size(), within(1e-9));
          byRater.add(answers);
          if (request != later) {
            byRateeFirstWindow.add(ratees);
          }
        }
      }
    }
    // No set of fewer answers than the threshold follows from the shown cells of all three
    // requests; every answer set behind a shown cell is whole gated rounds, so neither does a set
    // of fewer raters. And explicitly: no shown cell contains another but for a few raters.
    assertThat(new AnonymityRule(threshold).decide(List.of(), groups(byRater)).priorExposures())
        .as("answers derivable from the cells")
        .isEmpty();
    for (Set<String> x : byRater) {
      for (Set<String> y : byRater) {
        if (x != y && x.containsAll(y)) {
          Set<String> raters = new HashSet<>();
          for (String a : x) {
            if (!y.contains(a)) {
              raters.add(raterOf(world, a));
            }
          }
          assertThat(raters.isEmpty() || raters.size() >= threshold)
              .as("raters in the difference of two cells")
              .isTrue();
        }
      }
    }
    assertThat(
            new AnonymityRule(threshold)
                .decide(List.of(), groups(byRateeFirstWindow))
                .priorExposures())
        .as("ratees derivable from the cells of one period")
        .isEmpty();
  }

  private static List<AnonymityRule.Group<String>> groups(List<Set<String>> sets) {
    List<AnonymityRule.Group<String>> groups = new ArrayList<>();
    for (Set<String> set : sets) {
      groups.add(new AnonymityRule.Group<>("g" + groups.size(), set));
    }
    return groups;
  }

  private static String raterOf(HeatWorld world, String answer) {
    String[] parts = answer.split(":");
    return "r"
        + world.rounds().get(Integer.parseInt(parts[0])).raters().get(Integer.parseInt(parts[1]));
  }

  private static boolean inSubtree(HeatWorld world, int unit, java.util.UUID root) {
    for (int u = unit; u >= 0; u = world.parents().get(u)) {
      if (unitId(u).equals(root)) {
        return true;
      }
    }
    return false;
  }

  private static java.util.UUID unitId(int u) {
    return new java.util.UUID(0x5EED, u);
  }

  @Provide
  Arbitrary<HeatRequest> heatRequests() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(-3, 11))
        .as((a, b, u) -> new HeatRequest(Math.min(a, b), Math.max(a, b), u));
  }

  @Provide
  Arbitrary<HeatWorld> heatWorlds() {
    Arbitrary<Integer> units = Arbitraries.integers().between(1, 12);
    return units.flatMap(
        n -> {
          // Unit u hangs below an earlier unit or is a top unit: a tree by construction.
          List<Arbitrary<Integer>> parents = new ArrayList<>();
          for (int u = 0; u < n; u++) {
            parents.add(Arbitraries.integers().between(-1, u - 1));
          }
          Arbitrary<List<Integer>> tree = Combinators.combine(parents).as(List::copyOf);
          Arbitrary<List<Integer>> ratees =
              Arbitraries.integers().between(0, n - 1).list().ofMinSize(1).ofMaxSize(14);
          return Combinators.combine(tree, ratees)
              .flatAs(
                  (p, r) ->
                      round(r.size())
                          .list()
                          .ofMinSize(6)
                          .ofMaxSize(40)
                          .map(rounds -> new HeatWorld(p, r, rounds)));
        });
  }

  private static Arbitrary<HeatRound> round(int ratees) {
    // Two to seven raters from a pool of nine people, each rating 1-5 or (one in ten) "not seen".
    Arbitrary<List<Integer>> raters =
        Arbitraries.integers().between(0, 8).set().ofMinSize(2).ofMaxSize(7).map(List::copyOf);
    return Combinators.combine(
            Arbitraries.integers().between(0, ratees - 1),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 1),
            raters)
        .flatAs(
            (ratee, closed, column, who) ->
                Arbitraries.integers()
                    .between(0, 9)
                    .map(x -> x == 0 ? null : 1 + x % 5)
                    .list()
                    .ofSize(who.size())
                    .map(ratings -> new HeatRound(ratee, closed, column, who, ratings)));
  }
}
