package nl.orgcoach.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The fast elimination in {@code long} and its BigInteger fallback reduce alike. */
class DerivableSetsProperties {

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
