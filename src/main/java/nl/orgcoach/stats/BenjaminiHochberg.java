package nl.orgcoach.stats;

import java.util.Arrays;

/**
 * Benjamini–Hochberg adjusted p-values (q-values) controlling the false discovery rate across m
 * tests (Benjamini &amp; Hochberg 1995, <i>JRSS B</i> 57:289–300): q₍ᵢ₎ = min over j ≥ i of min(1,
 * m·p₍ⱼ₎/j) on the ascending p-values. Rejecting every test with q ≤ α keeps the expected share of
 * false discoveries at most α for independent (or positively dependent) tests. Matches R's {@code
 * p.adjust(p, “BH”)}.
 */
public final class BenjaminiHochberg {

  private BenjaminiHochberg() {}

  /**
   * The q-values, in the order of the p-values given.
   *
   * @throws IllegalArgumentException if a p-value is not in [0, 1]
   */
  public static double[] adjust(double[] pValues) {
    int m = pValues.length;
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      if (!(pValues[i] >= 0 && pValues[i] <= 1)) {
        throw new IllegalArgumentException("p-values must be in [0, 1], got " + pValues[i]);
      }
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(pValues[a], pValues[b]));
    double[] q = new double[m];
    double running = 1;
    for (int rank = m; rank >= 1; rank--) {
      int index = order[rank - 1];
      running = Math.min(running, pValues[index] * m / rank);
      q[index] = running;
    }
    return q;
  }
}
