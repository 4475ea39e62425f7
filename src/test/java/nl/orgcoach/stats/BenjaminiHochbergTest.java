package nl.orgcoach.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Benjamini–Hochberg against R: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.5), “BH”). */
class BenjaminiHochbergTest {

  @Test
  void matchesR() {
    double[] q = BenjaminiHochberg.adjust(new double[] {0.01, 0.04, 0.03, 0.005, 0.5});
    // R: 0.025 0.050 0.050 0.025 0.500
    assertThat(q).containsExactly(new double[] {0.025, 0.05, 0.05, 0.025, 0.5}, within(1e-12));
  }

  @Test
  void tiesEmptyAndOne() {
    assertThat(BenjaminiHochberg.adjust(new double[] {0.02, 0.02, 0.02}))
        .containsExactly(new double[] {0.02, 0.02, 0.02}, within(1e-12));
    assertThat(BenjaminiHochberg.adjust(new double[0])).isEmpty();
    assertThat(BenjaminiHochberg.adjust(new double[] {0.3})).containsExactly(0.3);
    assertThat(BenjaminiHochberg.adjust(new double[] {0.9, 0.95})).containsExactly(0.95, 0.95);
  }

  @Test
  void refusesNonProbabilities() {
    assertThatThrownBy(() -> BenjaminiHochberg.adjust(new double[] {0.1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BenjaminiHochberg.adjust(new double[] {1.5}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
