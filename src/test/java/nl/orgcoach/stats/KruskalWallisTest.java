package nl.orgcoach.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.orgcoach.stats.KruskalWallis.PermutationMethod;
import nl.orgcoach.stats.KruskalWallis.Result;
import org.junit.jupiter.api.Test;

/** Kruskal–Wallis against METHODS.md §4 (SciPy 1.10 kruskal, and R's coin for the exact p). */
class KruskalWallisTest {

  static final double REL = 1e-7 * 100; // withinPercentage takes percent

  @Test
  void reproducesTheReferenceVector() {
    Map<String, double[]> groups = ContextRatingsVector.ratings();
    assertThat(groups.keySet()).containsExactly("superiors", "peers", "subordinates");

    Result r = KruskalWallis.test(groups.values().toArray(double[][]::new));

    assertThat(r.n()).isEqualTo(12);
    assertThat(r.degreesOfFreedom()).isEqualTo(2);
    assertThat(r.h()).isCloseTo(8.07226463, withinPercentage(REL));
    assertThat(r.asymptoticP()).isCloseTo(0.0176656657, withinPercentage(REL));
    assertThat(r.permutationMethod()).isEqualTo(PermutationMethod.EXACT);
    assertThat(r.permutations()).isEqualTo(27_720);
    assertThat(r.permutationP()).isCloseTo(0.00505050505, withinPercentage(REL));
    assertThat(r.permutationStandardError()).isZero();
    assertThat(r.epsilonSquared()).isCloseTo(0.733842239, withinPercentage(REL));
  }

  @Test
  void theOrderOfGroupsAndOfValuesDoesNotMatter() {
    Map<String, double[]> groups = ContextRatingsVector.ratings();
    double[] sub = groups.get("subordinates");
    double[] reversed = {sub[4], sub[3], sub[2], sub[1], sub[0]};
    Result r = KruskalWallis.test(reversed, groups.get("superiors"), groups.get("peers"));
    assertThat(r.h()).isCloseTo(8.07226463, withinPercentage(REL));
    assertThat(r.permutationP()).isCloseTo(0.00505050505, withinPercentage(REL));
  }

  @Test
  void beyondTheExactLimitAMonteCarloEstimateWithItsStandardErrorCoversTheExactP() {
    double[][] groups = ContextRatingsVector.ratings().values().toArray(double[][]::new);
    Result r = KruskalWallis.test(groups, 1_000, 200_000, 7);
    assertThat(r.permutationMethod()).isEqualTo(PermutationMethod.MONTE_CARLO);
    assertThat(r.permutations()).isEqualTo(200_000);
    assertThat(r.permutationStandardError()).isGreaterThan(0).isLessThan(0.0005);
    assertThat(r.permutationP()).isCloseTo(0.00505050505, within(4 * r.permutationStandardError()));
    // Seeded: the same seed gives the same estimate.
    assertThat(KruskalWallis.test(groups, 1_000, 200_000, 7)).isEqualTo(r);
  }

  @Test
  void withoutTiesTheCorrectionIsOneAndHMatchesTheTextbook() {
    // Hollander & Wolfe style toy: groups {1,2,3}, {4,5,6}: H = 12/(6·7)·(36/3 + 225/3) − 21 =
    // 3.857142857
    Result r = KruskalWallis.test(new double[] {1, 2, 3}, new double[] {4, 5, 6});
    assertThat(r.tieCorrection()).isEqualTo(1.0);
    assertThat(r.h()).isCloseTo(27.0 / 7, within(1e-12));
    // Two of the 20 assignments are as extreme ({1,2,3} low or high).
    assertThat(r.permutationP()).isCloseTo(0.1, within(1e-12));
    // SciPy: chi2.sf(27/7, 1)
    assertThat(r.asymptoticP()).isCloseTo(0.04953461343562649, withinPercentage(1e-8));
  }

  @Test
  void tiesAcrossGroupsUseMidRanksAndTheTieCorrection() {
    // Values 1,1,2,2 in {1,2} and {1,2}: equal rank sums, H = 0, every assignment at least as
    // extreme.
    Result r = KruskalWallis.test(new double[] {1, 2}, new double[] {1, 2});
    assertThat(r.h()).isCloseTo(0, within(1e-12));
    assertThat(r.permutationP()).isEqualTo(1.0);
    assertThat(r.asymptoticP()).isCloseTo(1.0, within(1e-12));
    // C = 1 − (6 + 6)/(64 − 4) = 0.8
    assertThat(r.tieCorrection()).isCloseTo(0.8, within(1e-12));
  }

  @Test
  void allValuesEqualGiveNoEvidence() {
    Result r = KruskalWallis.test(new double[] {3, 3, 3}, new double[] {3, 3}, new double[] {3});
    assertThat(r.h()).isZero();
    assertThat(r.asymptoticP()).isEqualTo(1.0);
    assertThat(r.permutationP()).isEqualTo(1.0);
    assertThat(r.epsilonSquared()).isZero();
  }

  @Test
  void emptyGroupsAreLeftOutAndOneGroupIsRefused() {
    Map<String, double[]> groups = ContextRatingsVector.ratings();
    Result r =
        KruskalWallis.test(
            groups.get("superiors"),
            new double[0],
            groups.get("peers"),
            groups.get("subordinates"));
    assertThat(r.groups()).isEqualTo(3);
    assertThat(r.h()).isCloseTo(8.07226463, withinPercentage(REL));

    assertThatThrownBy(() -> KruskalWallis.test(new double[] {1, 2, 3}, new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two non-empty groups");
    assertThatThrownBy(() -> KruskalWallis.test(new double[] {1, Double.NaN}, new double[] {2}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void countsAssignmentsAsMultinomialsAndSignalsOverflow() {
    assertThat(KruskalWallis.assignments(new int[] {3, 4, 5})).isEqualTo(27_720);
    assertThat(KruskalWallis.assignments(new int[] {5, 5, 5, 5})).isEqualTo(11_732_745_024L);
    assertThat(KruskalWallis.assignments(new int[] {40, 40, 40, 40})).isEqualTo(-1);
  }

  @Provide
  Arbitrary<double[][]> smallGroups() {
    Arbitrary<double[]> group =
        Arbitraries.integers()
            .between(1, 5)
            .map(Integer::doubleValue)
            .array(double[].class)
            .ofMinSize(1)
            .ofMaxSize(4);
    return group.array(double[][].class).ofMinSize(2).ofMaxSize(4);
  }

  @Property(tries = 200)
  void pValuesAreProbabilitiesAndTheExactPIsAtLeastOneOverTheAssignments(
      @ForAll("smallGroups") double[][] groups) {
    Result r = KruskalWallis.test(groups);
    assertThat(r.h()).isGreaterThanOrEqualTo(0);
    assertThat(r.asymptoticP()).isBetween(0.0, 1.0);
    assertThat(r.permutationP()).isBetween(1.0 / r.permutations(), 1.0);
    assertThat(r.epsilonSquared()).isBetween(0.0, 1.0 + 1e-12);
  }
}
