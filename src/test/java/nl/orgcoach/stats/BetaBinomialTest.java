package nl.orgcoach.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import nl.orgcoach.stats.BetaBinomial.Posterior;
import org.junit.jupiter.api.Test;

/**
 * Beta-binomial against METHODS.md §4: favourable 3/3 (superiors), 2/4 (peers), 0/5 (subordinates).
 */
class BetaBinomialTest {

  static final double REL = 1e-7 * 100;

  static int favourable(double[] ratings) {
    int x = 0;
    for (double r : ratings) {
      if (r >= 4) {
        x++;
      }
    }
    return x;
  }

  @Test
  void reproducesTheReferenceVector() {
    Map<String, double[]> groups = ContextRatingsVector.ratings();
    Posterior superiors =
        BetaBinomial.posterior(favourable(groups.get("superiors")), groups.get("superiors").length);
    Posterior peers =
        BetaBinomial.posterior(favourable(groups.get("peers")), groups.get("peers").length);
    Posterior subordinates =
        BetaBinomial.posterior(
            favourable(groups.get("subordinates")), groups.get("subordinates").length);
    assertThat(superiors).isEqualTo(new Posterior(3, 3));
    assertThat(peers).isEqualTo(new Posterior(2, 4));
    assertThat(subordinates).isEqualTo(new Posterior(0, 5));
    assertThat(superiors.alpha()).isEqualTo(4);
    assertThat(superiors.beta()).isEqualTo(1);

    assertThat(BetaBinomial.probabilityGreater(superiors, subordinates))
        .isCloseTo(0.995238095, withinPercentage(REL));
    assertThat(BetaBinomial.probabilityDifferenceAbove(superiors, subordinates, 0.20))
        .isCloseTo(0.970979316, withinPercentage(REL));
  }

  @Test
  void theClosedFormIsSymmetricAndAgreesWithTheIntegralAtZero() {
    Posterior a = new Posterior(3, 3);
    Posterior b = new Posterior(0, 5);
    assertThat(BetaBinomial.probabilityGreater(b, a))
        .isCloseTo(1 - 0.995238095, withinPercentage(1e-5));
    assertThat(BetaBinomial.probabilityDifferenceAbove(a, b, 0))
        .isCloseTo(BetaBinomial.probabilityGreater(a, b), within(1e-12));
  }

  @Test
  void equalPosteriorsAreACoinFlip() {
    Posterior a = new Posterior(2, 4);
    assertThat(BetaBinomial.probabilityGreater(a, a)).isCloseTo(0.5, within(1e-12));
    assertThat(BetaBinomial.probabilityDifferenceAbove(a, a, 0)).isCloseTo(0.5, within(1e-12));
    Posterior none = new Posterior(0, 0);
    assertThat(BetaBinomial.probabilityGreater(none, none)).isCloseTo(0.5, within(1e-12));
    // Uniform minus uniform: P(D > 0.2) = (1 − 0.2)²/2
    assertThat(BetaBinomial.probabilityDifferenceAbove(none, none, 0.2))
        .isCloseTo(0.32, within(1e-12));
    assertThat(BetaBinomial.probabilityDifferenceAbove(none, none, -0.2))
        .isCloseTo(0.68, within(1e-12));
  }

  @Test
  void theCredibleIntervalOfTheDifferenceHasItsCoverage() {
    Posterior a = new Posterior(3, 3);
    Posterior b = new Posterior(0, 5);
    double lo = BetaBinomial.differenceQuantile(a, b, 0.025);
    double hi = BetaBinomial.differenceQuantile(a, b, 0.975);
    assertThat(lo).isLessThan(hi);
    assertThat(BetaBinomial.probabilityDifferenceAbove(a, b, lo)).isCloseTo(0.975, within(1e-7));
    assertThat(BetaBinomial.probabilityDifferenceAbove(a, b, hi)).isCloseTo(0.025, within(1e-7));
  }

  @Test
  void refusesImpossibleCounts() {
    assertThatThrownBy(() -> new Posterior(4, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Posterior(-1, 3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 300)
  void theDifferenceDistributionIsMonotoneAndMatchesTheClosedFormAtZero(
      @ForAll @IntRange(min = 0, max = 40) int n1,
      @ForAll @IntRange(min = 0, max = 40) int x1Seed,
      @ForAll @IntRange(min = 0, max = 40) int n2,
      @ForAll @IntRange(min = 0, max = 40) int x2Seed,
      @ForAll @DoubleRange(min = -0.99, max = 0.99) double delta) {
    Posterior a = new Posterior(x1Seed % (n1 + 1), n1);
    Posterior b = new Posterior(x2Seed % (n2 + 1), n2);
    double p = BetaBinomial.probabilityDifferenceAbove(a, b, delta);
    assertThat(p).isBetween(0.0, 1.0);
    assertThat(BetaBinomial.probabilityDifferenceAbove(a, b, delta + 0.01))
        .isLessThanOrEqualTo(p + 1e-12);
    assertThat(BetaBinomial.probabilityDifferenceAbove(a, b, 0))
        .isCloseTo(BetaBinomial.probabilityGreater(a, b), within(1e-10));
    // P(p1 − p2 > δ) = 1 − P(p2 − p1 > −δ)
    assertThat(p + BetaBinomial.probabilityDifferenceAbove(b, a, -delta))
        .isCloseTo(1, within(1e-10));
  }
}
