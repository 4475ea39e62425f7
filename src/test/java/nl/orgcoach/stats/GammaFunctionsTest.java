package nl.orgcoach.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

/** The special functions against closed forms and R (pchisq, pbeta). */
class GammaFunctionsTest {

  @Test
  void logGammaMatchesFactorialsAndRootPi() {
    assertThat(GammaFunctions.logGamma(10)).isCloseTo(Math.log(362_880), within(1e-13));
    assertThat(GammaFunctions.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-14));
    assertThat(GammaFunctions.logGamma(1)).isCloseTo(0, within(1e-14));
    assertThat(GammaFunctions.logGamma(171)).isCloseTo(706.5730622457874, withinPercentage(1e-11));
  }

  @Test
  void chiSquareSurvivalMatchesClosedFormsAndR() {
    // df = 2: exp(−x/2)
    assertThat(GammaFunctions.regularisedGammaQ(1, 4.0361323))
        .isCloseTo(Math.exp(-4.0361323), withinPercentage(1e-11));
    // R: pchisq(3.84145882, 1, lower.tail = FALSE) = 0.05
    assertThat(GammaFunctions.regularisedGammaQ(0.5, 3.84145882069412 / 2))
        .isCloseTo(0.05, withinPercentage(1e-8));
    // SciPy: chi2.sf(30, 10)
    assertThat(GammaFunctions.regularisedGammaQ(5, 15))
        .isCloseTo(0.000856641210775301, withinPercentage(1e-8));
    assertThat(GammaFunctions.regularisedGammaP(5, 15) + GammaFunctions.regularisedGammaQ(5, 15))
        .isCloseTo(1, within(1e-14));
  }

  @Test
  void incompleteBetaMatchesBinomialSums() {
    // I_x(a, b) for integers = P(Binomial(a + b − 1, x) ≥ a); I_0.3(2, 3) = 1 − 0.7⁴ − 4·0.3·0.7³
    double expected = 1 - Math.pow(0.7, 4) - 4 * 0.3 * Math.pow(0.7, 3);
    assertThat(GammaFunctions.regularisedBeta(0.3, 2, 3)).isCloseTo(expected, within(1e-14));
    // Above the switch point the symmetric branch: I_0.9(2, 3) = 1 − 0.1⁴ − 4·0.9·0.1³
    assertThat(GammaFunctions.regularisedBeta(0.9, 2, 3)).isCloseTo(0.9963, within(1e-14));
    assertThat(GammaFunctions.regularisedBeta(0.5, 7, 7)).isCloseTo(0.5, within(1e-14));
  }

  @Test
  void gaussLegendreIsExactForPolynomials() {
    double[][] rule = GammaFunctions.gaussLegendre(5);
    double sum = 0;
    for (int i = 0; i < 5; i++) {
      sum += rule[1][i] * Math.pow(rule[0][i], 8);
    }
    assertThat(sum).isCloseTo(2.0 / 9, within(1e-14));
  }
}
