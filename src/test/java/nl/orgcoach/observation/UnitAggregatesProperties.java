package nl.orgcoach.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.orgcoach.platform.UserError;
import nl.orgcoach.stats.AnonymityRule;
import org.junit.jupiter.api.Test;

/**
 * For random org trees, random observations and random drill-downs, what the aggregates show never
 * rests on fewer than t people, and nothing a reader can subtract isolates fewer than t people:
 * checked pairwise (any two shown cells, one inside the other), per page (a unit minus its shown
 * children), and by brute force over every set of fewer than t people with a floating-point
 * elimination that shares nothing with {@link AnonymityRule}. Periods are whole closed quarters, so
 * two periods either are the same or share no observation.
 */
class UnitAggregatesProperties {

  private static final int MAX_PEOPLE = 14;
  private static final UUID B0 = new UUID(0, 100);
  private static final UUID B1 = new UUID(0, 101);

  /**
   * Node i hangs under parents[i - 1] mod (i + 1); when that is i itself the node is another top
   * unit. Person p sits in unit placement[p] mod nodes, and is rated ratings[p] (behaviour, rating)
   * pairs; visits are the units whose page the reader opens (besides the top page).
   */
  record Scenario(
      int threshold,
      List<Integer> parents,
      List<Integer> placement,
      List<List<Integer>> ratings,
      List<Integer> visits) {

    int nodes() {
      return parents.size() + 1;
    }

    UUID id(int node) {
      return new UUID(1, node);
    }

    Integer parent(int node) {
      if (node == 0) {
        return null;
      }
      int p = parents.get(node - 1) % (node + 1);
      return p == node ? null : p;
    }

    List<UnitAggregates.Unit> tree() {
      List<UnitAggregates.Unit> units = new ArrayList<>();
      for (int n = 0; n < nodes(); n++) {
        Integer p = parent(n);
        units.add(new UnitAggregates.Unit(id(n), "unit " + n, p == null ? null : id(p)));
      }
      return units;
    }

    boolean isUnder(int node, int ancestor) {
      for (Integer n = node; n != null; n = parent(n)) {
        if (n == ancestor) {
          return true;
        }
      }
      return false;
    }

    List<UnitAggregates.Rated> rated() {
      List<UnitAggregates.Rated> list = new ArrayList<>();
      for (int p = 0; p < placement.size(); p++) {
        for (int code : ratings.get(p)) {
          UUID b = code % 2 == 0 ? B0 : B1;
          list.add(
              new UnitAggregates.Rated(
                  new UUID(2, p), id(placement.get(p) % nodes()), b, 1 + code / 2 % 5));
        }
      }
      return list;
    }

    /** The people observed on b in the unit's subtree (person indexes). */
    Set<Integer> group(int node, UUID b) {
      Set<Integer> members = new LinkedHashSet<>();
      for (int p = 0; p < placement.size(); p++) {
        if (isUnder(placement.get(p) % nodes(), node)
            && ratings.get(p).stream().anyMatch(c -> (c % 2 == 0 ? B0 : B1).equals(b))) {
          members.add(p);
        }
      }
      return members;
    }
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<Integer> threshold = Arbitraries.integers().between(3, 4);
    Arbitrary<List<Integer>> parents =
        Arbitraries.integers().between(0, 99).list().ofMinSize(0).ofMaxSize(8);
    Arbitrary<List<Integer>> placement =
        Arbitraries.integers().between(0, 99).list().ofMinSize(0).ofMaxSize(MAX_PEOPLE);
    Arbitrary<List<List<Integer>>> ratings =
        Arbitraries.integers().between(0, 19).list().ofMaxSize(4).list().ofSize(MAX_PEOPLE);
    Arbitrary<List<Integer>> visits = Arbitraries.integers().between(0, 8).list().ofMaxSize(5);
    return Combinators.combine(threshold, parents, placement, ratings, visits).as(Scenario::new);
  }

  @Property(tries = 400)
  void nothingShownOrDerivableRestsOnFewerThanThreshold(@ForAll("scenarios") Scenario s) {
    AnonymityRule rule = new AnonymityRule(s.threshold());
    int t = s.threshold();
    UnitAggregates a = UnitAggregates.decide(s.tree(), s.rated(), rule, 4);

    // The pages the reader opens: the top units, then each visited unit with its children.
    List<List<Integer>> pages = new ArrayList<>();
    List<Integer> top = new ArrayList<>();
    for (int n = 0; n < s.nodes(); n++) {
      if (s.parent(n) == null) {
        top.add(n);
      }
    }
    pages.add(top);
    for (int v : s.visits()) {
      int unit = v % s.nodes();
      List<Integer> page = new ArrayList<>();
      page.add(unit);
      for (int n = 0; n < s.nodes(); n++) {
        if (Integer.valueOf(unit).equals(s.parent(n))) {
          page.add(n);
        }
      }
      pages.add(page);
    }

    for (UUID b : List.of(B0, B1)) {
      List<Set<Integer>> seen = new ArrayList<>();
      for (List<Integer> page : pages) {
        for (int unit : page) {
          UnitAggregates.Cell cell = a.cell(s.id(unit), b);
          Set<Integer> group = s.group(unit, b);
          if (group.isEmpty()) {
            assertThat(cell.status()).isEqualTo(UnitAggregates.Status.NONE);
          }
          if (!cell.shown()) {
            assertThat(cell.people()).isNull();
            assertThat(cell.mean()).isNull();
            continue;
          }
          assertThat(group.size()).isGreaterThanOrEqualTo(t);
          assertThat(cell.people()).isEqualTo(group.size());
          seen.add(group);
        }
        // A page's unit minus its shown children: nobody, or at least t people.
        int unit = page.get(0);
        if (page != pages.get(0) && a.cell(s.id(unit), b).shown()) {
          Set<Integer> rest = new LinkedHashSet<>(s.group(unit, b));
          for (int child : page.subList(1, page.size())) {
            if (a.cell(s.id(child), b).shown()) {
              rest.removeAll(s.group(child, b));
            }
          }
          assertThat(rest.isEmpty() || rest.size() >= t)
              .as("unit minus its shown children")
              .isTrue();
        }
      }
      // Any two shown cells, one inside the other, differ by nobody or at least t people.
      for (Set<Integer> x : seen) {
        for (Set<Integer> y : seen) {
          if (x.containsAll(y)) {
            assertThat(x.size() == y.size() || x.size() - y.size() >= t).isTrue();
          }
        }
      }
      // No set of fewer than t people has a total that follows from the shown totals.
      assertThat(smallDerivableSet(seen, t)).isNull();
    }
  }

  @Property(tries = 200)
  void theDecisionDoesNotDependOnThePageAskedFor(@ForAll("scenarios") Scenario s) {
    AnonymityRule rule = new AnonymityRule(s.threshold());
    UnitAggregates once = UnitAggregates.decide(s.tree(), s.rated(), rule, 4);
    List<UnitAggregates.Rated> shuffled = new ArrayList<>(s.rated());
    java.util.Collections.reverse(shuffled);
    List<UnitAggregates.Unit> tree = new ArrayList<>(s.tree());
    java.util.Collections.reverse(tree);
    UnitAggregates again = UnitAggregates.decide(tree, shuffled, rule, 4);
    for (int n = 0; n < s.nodes(); n++) {
      for (UUID b : List.of(B0, B1)) {
        assertThat(again.cell(s.id(n), b)).isEqualTo(once.cell(s.id(n), b));
      }
    }
  }

  /** The first set of 1 … t − 1 people whose indicator lies in the span of the groups, or null. */
  private static Set<Integer> smallDerivableSet(List<Set<Integer>> groups, int t) {
    int base = rank(groups);
    List<Integer> people = new ArrayList<>();
    for (int p = 0; p < MAX_PEOPLE; p++) {
      people.add(p);
    }
    for (Set<Integer> small : subsets(people, t - 1)) {
      List<Set<Integer>> with = new ArrayList<>(groups);
      with.add(small);
      if (rank(with) == base) {
        return small;
      }
    }
    return null;
  }

  private static List<Set<Integer>> subsets(List<Integer> people, int maxSize) {
    List<Set<Integer>> out = new ArrayList<>();
    collect(people, 0, new ArrayList<>(), maxSize, out);
    return out;
  }

  private static void collect(
      List<Integer> people, int from, List<Integer> chosen, int max, List<Set<Integer>> out) {
    if (!chosen.isEmpty()) {
      out.add(new LinkedHashSet<>(chosen));
    }
    if (chosen.size() == max) {
      return;
    }
    for (int i = from; i < people.size(); i++) {
      chosen.add(people.get(i));
      collect(people, i + 1, chosen, max, out);
      chosen.remove(chosen.size() - 1);
    }
  }

  /** Rank of the groups' indicator vectors, by Gaussian elimination in doubles. */
  private static int rank(List<Set<Integer>> groups) {
    double[][] m = new double[groups.size()][MAX_PEOPLE];
    for (int g = 0; g < groups.size(); g++) {
      for (int p : groups.get(g)) {
        m[g][p] = 1;
      }
    }
    int rank = 0;
    for (int col = 0; col < MAX_PEOPLE && rank < m.length; col++) {
      int pivot = -1;
      for (int r = rank; r < m.length; r++) {
        if (Math.abs(m[r][col]) > 1e-9) {
          pivot = r;
          break;
        }
      }
      if (pivot < 0) {
        continue;
      }
      double[] tmp = m[pivot];
      m[pivot] = m[rank];
      m[rank] = tmp;
      for (int r = 0; r < m.length; r++) {
        if (r != rank && Math.abs(m[r][col]) > 1e-9) {
          double f = m[r][col] / m[rank][col];
          for (int c = col; c < MAX_PEOPLE; c++) {
            m[r][c] -= f * m[rank][c];
          }
        }
      }
      rank++;
    }
    return rank;
  }

  // --- periods -----------------------------------------------------------------------------------

  @Provide
  Arbitrary<LocalDate> days() {
    return Arbitraries.integers()
        .between(0, 3 * 365)
        .map(d -> LocalDate.of(2024, 1, 1).plusDays(d));
  }

  /**
   * Whatever from and to are asked for, an accepted period is a whole calendar quarter that has
   * closed: two accepted periods are the same or share no day, so no reader can subtract one from
   * another to learn what happened in between.
   */
  @Property(tries = 500)
  void acceptedPeriodsAreWholeClosedQuarters(
      @ForAll("days") LocalDate from,
      @ForAll("days") LocalDate to,
      @ForAll("days") LocalDate otherFrom,
      @ForAll("days") LocalDate today) {
    OffsetDateTime now = today.atStartOfDay().atOffset(ZoneOffset.UTC);
    AggregatePeriod a = accepted(from.toString(), to.toString(), now);
    AggregatePeriod b = accepted(otherFrom.toString(), null, now);
    for (AggregatePeriod p : new AggregatePeriod[] {a, b}) {
      if (p != null) {
        assertThat(p.from().getDayOfMonth()).isEqualTo(1);
        assertThat((p.from().getMonthValue() - 1) % 3).isZero();
        assertThat(p.to()).isEqualTo(p.from().plusMonths(3).minusDays(1));
        assertThat(p.publishedBy(now)).isTrue();
        assertThat(p.publishedFrom()).isAfter(p.to().atStartOfDay().atOffset(ZoneOffset.UTC));
      }
    }
    if (a != null && b != null && !a.equals(b)) {
      assertThat(a.to().isBefore(b.from()) || b.to().isBefore(a.from())).isTrue();
    }
    assertThat(AggregatePeriod.latest(now, 14).publishedBy(now)).isTrue();
    assertThat(AggregatePeriod.quarterOf(now.toLocalDate(), 14).publishedBy(now)).isFalse();
  }

  private static AggregatePeriod accepted(String from, String to, OffsetDateTime now) {
    try {
      return AggregatePeriod.parse(from, to, now, 14);
    } catch (UserError refused) {
      return null;
    }
  }

  @Test
  void badPeriodsAreRefusedWithAMessage() {
    OffsetDateTime now = OffsetDateTime.of(2026, 11, 27, 10, 0, 0, 0, ZoneOffset.UTC);
    assertThat(AggregatePeriod.parse(null, null, now, 14).from()).isEqualTo("2026-07-01");
    assertThat(AggregatePeriod.parse("2026-04-01", "2026-06-30", now, 14).to())
        .isEqualTo("2026-06-30");
    assertThatThrownBy(() -> AggregatePeriod.parse("27-11-2026", null, now, 14))
        .isInstanceOf(UserError.class)
        .hasMessage("aggregates.error.date");
    assertThatThrownBy(() -> AggregatePeriod.parse("2026-05-01", null, now, 14))
        .hasMessage("aggregates.error.quarter");
    assertThatThrownBy(() -> AggregatePeriod.parse("2026-04-01", "2026-09-30", now, 14))
        .hasMessage("aggregates.error.quarter");
    assertThatThrownBy(() -> AggregatePeriod.parse(null, "2026-09-30", now, 14))
        .hasMessage("aggregates.error.quarter");
    assertThatThrownBy(() -> AggregatePeriod.parse("2026-10-01", null, now, 14))
        .hasMessage("aggregates.error.open");
    // Q3 closes on 30 September and is shown from 15 October.
    OffsetDateTime early = OffsetDateTime.of(2026, 10, 14, 23, 0, 0, 0, ZoneOffset.UTC);
    assertThat(AggregatePeriod.latest(early, 14).from()).isEqualTo("2026-04-01");
  }

  @Test
  void aParentWithOneSmallChildBesideABigOneHidesTheBigOne() {
    // Unit 0 with children 1 (5 people) and 2 (2 people): showing 1 beside 0 would give away 2.
    UUID top = new UUID(1, 0);
    UUID big = new UUID(1, 1);
    UUID small = new UUID(1, 2);
    List<UnitAggregates.Unit> tree =
        List.of(
            new UnitAggregates.Unit(top, "top", null),
            new UnitAggregates.Unit(big, "big", top),
            new UnitAggregates.Unit(small, "small", top));
    List<UnitAggregates.Rated> rated = new ArrayList<>();
    Map<Integer, UUID> where = new HashMap<>();
    for (int p = 0; p < 7; p++) {
      where.put(p, p < 5 ? big : small);
      rated.add(new UnitAggregates.Rated(new UUID(2, p), where.get(p), B0, 1 + p % 5));
    }
    UnitAggregates a = UnitAggregates.decide(tree, rated, AnonymityRule.minimum(), 4);
    assertThat(a.cell(top, B0).status()).isEqualTo(UnitAggregates.Status.SHOWN);
    assertThat(a.cell(top, B0).people()).isEqualTo(7);
    assertThat(a.cell(top, B0).mean()).isEqualTo((1 + 2 + 3 + 4 + 5 + 1 + 2) / 7.0);
    assertThat(a.cell(top, B0).favourable()).isEqualTo(2 / 7.0);
    assertThat(a.cell(big, B0).status()).isEqualTo(UnitAggregates.Status.HIDDEN);
    assertThat(a.cell(small, B0).status()).isEqualTo(UnitAggregates.Status.FEW_PEOPLE);
    assertThat(a.cell(small, B1).status()).isEqualTo(UnitAggregates.Status.NONE);
  }

  @Test
  void aShownCousinCountsWhenGrandchildrenAreDecided() {
    // A has 2 people of its own, child C (6) and child U (6 = G1 3 + G2 3). C is shown beside A,
    // so U is hidden (A - C - U would be the 2). G1 and G2 are decided later, against A and C:
    // showing both would again give away A - C - G1 - G2, the same 2 people.
    UUID a = new UUID(1, 0);
    UUID c = new UUID(1, 1);
    UUID u = new UUID(1, 2);
    UUID g1 = new UUID(1, 3);
    UUID g2 = new UUID(1, 4);
    List<UnitAggregates.Unit> tree =
        List.of(
            new UnitAggregates.Unit(a, "A", null),
            new UnitAggregates.Unit(c, "C", a),
            new UnitAggregates.Unit(u, "U", a),
            new UnitAggregates.Unit(g1, "G1", u),
            new UnitAggregates.Unit(g2, "G2", u));
    List<UnitAggregates.Rated> rated = new ArrayList<>();
    UUID[] places = {a, a, c, c, c, c, c, c, g1, g1, g1, g2, g2, g2};
    for (int p = 0; p < places.length; p++) {
      rated.add(new UnitAggregates.Rated(new UUID(2, p), places[p], B0, 3));
    }
    UnitAggregates d = UnitAggregates.decide(tree, rated, AnonymityRule.minimum(), 4);
    assertThat(d.cell(a, B0).shown()).isTrue();
    assertThat(d.cell(c, B0).shown()).isTrue();
    assertThat(d.cell(u, B0).status()).isEqualTo(UnitAggregates.Status.HIDDEN);
    assertThat(d.cell(g1, B0).shown() && d.cell(g2, B0).shown()).isFalse();
  }

  @Test
  void theThresholdCanOnlyBeRaised() {
    assertThatThrownBy(
            () ->
                new ObservationAggregates(
                    null,
                    null,
                    null,
                    null,
                    null,
                    new AggregateSettings(2, 14),
                    java.time.Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never below 3");
    assertThatThrownBy(() -> new AggregateSettings(3, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
