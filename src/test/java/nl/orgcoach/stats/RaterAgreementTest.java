package nl.orgcoach.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.orgcoach.stats.RaterAgreement.GroupSize;
import nl.orgcoach.stats.RaterAgreement.Icc;
import nl.orgcoach.stats.RaterAgreement.NotEnoughData;
import nl.orgcoach.stats.RaterAgreement.Rwg;
import org.junit.jupiter.api.Test;

class RaterAgreementTest {

  static final double TOLERANCE_PERCENT = 1e-5;

  /** team → item → the ratings its raters gave that item. */
  static Map<String, List<double[]>> itemsPerTeam() {
    Map<String, Map<String, List<Double>>> byTeam = new TreeMap<>();
    for (String[] r : ReferenceData.rows("rwg_icc_example_items.csv")) {
      byTeam
          .computeIfAbsent(r[0], t -> new TreeMap<>())
          .computeIfAbsent(r[2], i -> new ArrayList<>())
          .add(Double.parseDouble(r[3]));
    }
    Map<String, List<double[]>> result = new TreeMap<>();
    byTeam.forEach(
        (team, items) ->
            result.put(
                team,
                items.values().stream()
                    .map(l -> l.stream().mapToDouble(Double::doubleValue).toArray())
                    .toList()));
    return result;
  }

  static List<double[]> scaleScoresPerTeam() {
    Map<String, List<Double>> byTeam = new TreeMap<>();
    for (String[] r : ReferenceData.rows("rwg_icc_example_scale_scores.csv")) {
      byTeam.computeIfAbsent(r[0], t -> new ArrayList<>()).add(Double.parseDouble(r[1]));
    }
    return byTeam.values().stream()
        .map(l -> l.stream().mapToDouble(Double::doubleValue).toArray())
        .toList();
  }

  @Test
  void reproducesRwgJAndRStarWgJOfTheReferenceTeams() {
    var teams = itemsPerTeam();
    assertThat(teams.keySet()).containsExactly("T1", "T2", "T3", "T4");
    double[] rwgJ = {0.954545455, 0.886363636, 0.0, 0.9375};
    double[] rStar = {0.875, 0.722222222, -1.0, 0.833333333};

    int i = 0;
    for (List<double[]> items : teams.values()) {
      var result = (Rwg) RaterAgreement.rwgJ(items, 5);
      if (rwgJ[i] == 0) {
        assertThat(result.rwgJ()).isZero();
      } else {
        assertThat(result.rwgJ()).isCloseTo(rwgJ[i], withinPercentage(TOLERANCE_PERCENT));
      }
      assertThat(result.rStarWgJ()).isCloseTo(rStar[i], withinPercentage(TOLERANCE_PERCENT));
      assertThat(result.items()).isEqualTo(3);
      assertThat(result.fewestRaters()).isEqualTo(4);
      i++;
    }
  }

  @Test
  void theDisagreeingTeamIsSetToZeroButKeepsItsRawValue() {
    var t3 = (Rwg) RaterAgreement.rwgJ(itemsPerTeam().get("T3"), 5);

    assertThat(t3.rawRwgJ()).isCloseTo(3.0, withinPercentage(TOLERANCE_PERCENT));
    assertThat(t3.rwgJ()).isZero();
    assertThat(t3.truncated()).isTrue();
    assertThat(t3.meanItemVariance()).isGreaterThan(t3.expectedVariance());
    assertThat(((Rwg) RaterAgreement.rwgJ(itemsPerTeam().get("T1"), 5)).truncated()).isFalse();
  }

  @Test
  void expectedVarianceOfAUniformAnswer() {
    assertThat(RaterAgreement.expectedUniformVariance(5)).isEqualTo(2.0);
    assertThat(RaterAgreement.expectedUniformVariance(7)).isEqualTo(4.0);
    assertThatThrownBy(() -> RaterAgreement.expectedUniformVariance(1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void singleItemRwg() {
    // s² of 4, 4, 5, 4 is 0.25; σ²EU = 2 for five options.
    var one = (Rwg) RaterAgreement.rwg(new double[] {4, 4, 5, 4}, 5);
    assertThat(one.rwgJ()).isCloseTo(0.875, withinPercentage(TOLERANCE_PERCENT));
    assertThat(one.rStarWgJ()).isEqualTo(one.rwgJ());

    // 1, 5, 1, 5: s² = 16/3 > 2, worse than random answering.
    var split = (Rwg) RaterAgreement.rwg(new double[] {1, 5, 1, 5}, 5);
    assertThat(split.rwgJ()).isZero();
    assertThat(split.rStarWgJ()).isCloseTo(1 - 8.0 / 3, withinPercentage(TOLERANCE_PERCENT));
  }

  @Test
  void edgeCasesOfAgreement() {
    assertThat(RaterAgreement.rwg(new double[] {4}, 5))
        .isInstanceOfSatisfying(
            NotEnoughData.class, n -> assertThat(n.reason()).startsWith("not enough data"));
    assertThat(RaterAgreement.rwg(new double[] {}, 5)).isInstanceOf(NotEnoughData.class);
    assertThat(RaterAgreement.rwgJ(List.of(), 5)).isInstanceOf(NotEnoughData.class);
    assertThat(RaterAgreement.rwgJ(List.of(new double[] {3, 4}, new double[] {3}), 5))
        .isInstanceOf(NotEnoughData.class);

    var allEqual =
        (Rwg) RaterAgreement.rwgJ(List.of(new double[] {3, 3, 3}, new double[] {2, 2, 2}), 5);
    assertThat(allEqual.rwgJ()).isEqualTo(1.0);
    assertThat(allEqual.rStarWgJ()).isEqualTo(1.0);

    assertThatThrownBy(() -> RaterAgreement.rwg(new double[] {1, 7}, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RaterAgreement.rwg(new double[] {1, Double.NaN}, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void itemsMayHaveDifferentNumbersOfRatings() {
    var result =
        (Rwg) RaterAgreement.rwgJ(List.of(new double[] {4, 4, 5, 4}, new double[] {4, 5}), 5);
    // s̄² = (0.25 + 0.5) / 2 = 0.375; ratio 0.1875; rwg(J) = 2·0.8125 / (2·0.8125 + 0.1875)
    assertThat(result.meanItemVariance()).isCloseTo(0.375, withinPercentage(TOLERANCE_PERCENT));
    assertThat(result.rwgJ())
        .isCloseTo(1.625 / (1.625 + 0.1875), withinPercentage(TOLERANCE_PERCENT));
    assertThat(result.fewestRaters()).isEqualTo(2);
  }

  @Test
  void reproducesTheIccVector() {
    for (GroupSize k : GroupSize.values()) {
      var icc = (Icc) RaterAgreement.icc(scaleScoresPerTeam(), k);

      assertThat(icc.msb()).isCloseTo(2.02546296, withinPercentage(TOLERANCE_PERCENT));
      assertThat(icc.msw()).isCloseTo(0.0625, withinPercentage(TOLERANCE_PERCENT));
      assertThat(icc.icc1()).isCloseTo(0.887029289, withinPercentage(TOLERANCE_PERCENT));
      assertThat(icc.icc2()).isCloseTo(0.969142857, withinPercentage(TOLERANCE_PERCENT));
      // Balanced teams of four: both conventions give k = 4.
      assertThat(icc.k()).isCloseTo(4.0, withinPercentage(TOLERANCE_PERCENT));
      assertThat(icc.groupSize()).isEqualTo(k);
      assertThat(icc.groups()).isEqualTo(4);
      assertThat(icc.scores()).isEqualTo(16);
    }
  }

  @Test
  void unbalancedGroupsDifferByConvention() {
    var groups = List.of(new double[] {1, 2}, new double[] {4, 5, 6, 5, 4, 6}, new double[] {3});
    var mean = (Icc) RaterAgreement.icc(groups, GroupSize.MEAN);
    var k0 = (Icc) RaterAgreement.icc(groups, GroupSize.ADJUSTED_K0);

    // N = 9, J = 3: N/J = 3; k0 = (9 − (4 + 36 + 1)/9) / 2 = 2.2777…
    assertThat(mean.k()).isCloseTo(3.0, withinPercentage(TOLERANCE_PERCENT));
    assertThat(k0.k()).isCloseTo((9 - 41.0 / 9) / 2, withinPercentage(TOLERANCE_PERCENT));
    assertThat(mean.icc2()).isEqualTo(k0.icc2());
    assertThat(mean.icc1()).isNotEqualTo(k0.icc1());
    // Group means 1.5, 5, 3; grand mean 4. SSB and SSW by hand:
    double grand = 4.0;
    double ssb = 2 * Math.pow(1.5 - grand, 2) + 6 * Math.pow(5 - grand, 2) + Math.pow(3 - grand, 2);
    double ssw = 0.5 + 4.0;
    assertThat(mean.msb()).isCloseTo(ssb / 2, withinPercentage(TOLERANCE_PERCENT));
    assertThat(mean.msw()).isCloseTo(ssw / 6, withinPercentage(TOLERANCE_PERCENT));
  }

  @Test
  void edgeCasesOfIcc() {
    assertThat(RaterAgreement.icc(List.of(), GroupSize.MEAN)).isInstanceOf(NotEnoughData.class);
    assertThat(RaterAgreement.icc(List.of(new double[] {1, 2, 3}), GroupSize.MEAN))
        .isInstanceOf(NotEnoughData.class);
    assertThat(
            RaterAgreement.icc(
                List.of(new double[] {1}, new double[] {2}, new double[] {}), GroupSize.MEAN))
        .isInstanceOf(NotEnoughData.class);
    assertThat(
            RaterAgreement.icc(
                List.of(new double[] {3, 3}, new double[] {3, 3}), GroupSize.ADJUSTED_K0))
        .isInstanceOfSatisfying(
            NotEnoughData.class, n -> assertThat(n.reason()).contains("group means are equal"));

    // No variance within groups: the group means are perfectly reliable.
    var noWithin =
        (Icc) RaterAgreement.icc(List.of(new double[] {2, 2}, new double[] {4, 4}), GroupSize.MEAN);
    assertThat(noWithin.icc1()).isEqualTo(1.0);
    assertThat(noWithin.icc2()).isEqualTo(1.0);

    // An empty group is left out rather than counted.
    var withEmpty =
        (Icc)
            RaterAgreement.icc(
                List.of(new double[] {2, 3}, new double[] {}, new double[] {4, 5}), GroupSize.MEAN);
    assertThat(withEmpty.groups()).isEqualTo(2);
  }
}
