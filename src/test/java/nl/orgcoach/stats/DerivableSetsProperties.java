package nl.orgcoach.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The exact algebra behind the anonymity rule agrees with an independent floating-point check, and
 * the fast elimination in {@code long} agrees with its BigInteger fallback.
 */
class DerivableSetsProperties {

  private static final int PEOPLE = 10;

  @Provide
  Arbitrary<List<Set<Integer>>> families() {
    return Arbitraries.integers().between(0, PEOPLE - 1).set().list().ofMaxSize(8);
  }

  @Property(tries = 300)
  void findsExactlyTheDerivableSmallSets(
      @ForAll("families") List<Set<Integer>> family,
      @ForAll @IntRange(min = 3, max = 5) int threshold) {
    var analysis = DerivableSets.of(family, threshold, 1_000_000);
    var span = new IndicatorSpan(family, PEOPLE);

    for (Set<Integer> found : analysis.small()) {
      assertThat(found.size()).isBetween(1, threshold - 1);
      assertThat(span.contains(found)).as("found %s", found).isTrue();
    }
    forEachSubset(
        0,
        new ArrayList<>(),
        threshold - 1,
        set -> {
          boolean derivable = span.contains(set);
          assertThat(analysis.derivable(new HashSet<>(set))).as("%s", set).isEqualTo(derivable);
          if (derivable) {
            assertThat(partitionable(new HashSet<>(set), analysis.small()))
                .as("%s is a disjoint union of found sets %s", set, analysis.small())
                .isTrue();
          }
        });
  }

  private static void forEachSubset(
      int from, List<Integer> set, int maxSize, Consumer<List<Integer>> action) {
    for (int p = from; p < PEOPLE; p++) {
      set.add(p);
      action.accept(set);
      if (set.size() < maxSize) {
        forEachSubset(p + 1, set, maxSize, action);
      }
      set.remove(set.size() - 1);
    }
  }

  private static boolean partitionable(Set<Integer> rest, Set<Set<Integer>> parts) {
    if (rest.isEmpty()) {
      return true;
    }
    Integer first = rest.iterator().next();
    for (Set<Integer> part : parts) {
      if (part.contains(first) && rest.containsAll(part)) {
        Set<Integer> smaller = new HashSet<>(rest);
        smaller.removeAll(part);
        if (partitionable(smaller, parts)) {
          return true;
        }
      }
    }
    return false;
  }

  @Provide
  Arbitrary<List<List<Boolean>>> incidence() {
    return Arbitraries.of(true, false).list().ofSize(10).list().ofMinSize(1).ofMaxSize(8);
  }

  @Property(tries = 300)
  void bothEliminationsGiveTheSameReducedMatrix(@ForAll("incidence") List<List<Boolean>> rows) {
    long[][] fast = new long[rows.size()][10];
    BigInteger[][] exact = new BigInteger[rows.size()][10];
    for (int i = 0; i < rows.size(); i++) {
      for (int c = 0; c < 10; c++) {
        fast[i][c] = rows.get(i).get(c) ? 1 : 0;
        exact[i][c] = BigInteger.valueOf(fast[i][c]);
      }
    }
    int[] fastPivots = new int[10];
    int[] exactPivots = new int[10];

    DerivableSets.reduce(fast, fastPivots);
    DerivableSets.reduce(exact, exactPivots);

    assertThat(fastPivots).containsExactly(exactPivots);
    for (int i = 0; i < rows.size(); i++) {
      for (int c = 0; c < 10; c++) {
        assertThat(BigInteger.valueOf(fast[i][c])).isEqualTo(exact[i][c]);
      }
    }
  }
}
