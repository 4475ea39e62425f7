package nl.orgcoach.stats;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which small sets of respondents have a total (sum, count, histogram, sum of squares) that follows
 * from the totals of a family of groups?
 *
 * <p>Publishing a group's n and mean publishes its sum, a linear function of the answers. The sum
 * over a set S is derivable from the published sums exactly when the indicator vector of S lies in
 * the span of the groups' indicator vectors (Denning, Denning &amp; Schwartz 1979 for the attack;
 * this is its linear-algebra closure). Respondents who belong to exactly the same groups (an
 * <i>atom</i>) are indistinguishable, so a derivable S is a union of atoms, and S is derivable iff
 * its atom-indicator is orthogonal to the null space of the group × atom incidence matrix. This
 * class computes that null space exactly (integer Gauss–Jordan elimination, no rounding) and
 * searches the unions of atoms smaller than the threshold.
 *
 * <p>The search is exponential in the threshold in the worst case; it stops after {@code budget}
 * steps and then answers {@code null}, which callers must treat as "not shown to be safe".
 */
final class DerivableSets {

  private DerivableSets() {}

  /**
   * The sets of 1 … threshold − 1 respondents whose total is derivable from the totals of the
   * family, or {@code null} when the search exceeded its budget.
   */
  static <R> Set<Set<R>> below(List<Set<R>> family, int threshold, int budget) {
    Map<R, BitSet> membership = new LinkedHashMap<>();
    for (int i = 0; i < family.size(); i++) {
      for (R r : family.get(i)) {
        membership.computeIfAbsent(r, x -> new BitSet()).set(i);
      }
    }
    Map<BitSet, List<R>> byPattern = new LinkedHashMap<>();
    membership.forEach((r, bits) -> byPattern.computeIfAbsent(bits, b -> new ArrayList<>()).add(r));
    List<BitSet> patterns = new ArrayList<>(byPattern.keySet());
    List<List<R>> atoms = new ArrayList<>(byPattern.values());

    List<Map<Integer, BigInteger>> signatures = nullSpaceSignatures(family.size(), patterns);
    return new Search<>(atoms, signatures, threshold - 1, budget).run();
  }

  /**
   * For each atom, its coordinates in a basis of the null space of the incidence matrix; a union of
   * atoms is derivable iff its atoms' signatures sum to zero. Sparse: absent keys are zero.
   */
  private static List<Map<Integer, BigInteger>> nullSpaceSignatures(
      int groups, List<BitSet> patterns) {
    int columns = patterns.size();
    BigInteger[][] m = new BigInteger[groups][columns];
    for (int i = 0; i < groups; i++) {
      for (int a = 0; a < columns; a++) {
        m[i][a] = patterns.get(a).get(i) ? BigInteger.ONE : BigInteger.ZERO;
      }
    }
    int rank = 0;
    int[] pivotRowOfColumn = new int[columns];
    java.util.Arrays.fill(pivotRowOfColumn, -1);
    for (int col = 0; col < columns && rank < groups; col++) {
      int p = rank;
      while (p < groups && m[p][col].signum() == 0) {
        p++;
      }
      if (p == groups) {
        continue;
      }
      BigInteger[] swap = m[p];
      m[p] = m[rank];
      m[rank] = swap;
      normalise(m[rank], col);
      for (int i = 0; i < groups; i++) {
        if (i != rank && m[i][col].signum() != 0) {
          BigInteger pivot = m[rank][col];
          BigInteger factor = m[i][col];
          for (int c = 0; c < columns; c++) {
            m[i][c] = m[i][c].multiply(pivot).subtract(m[rank][c].multiply(factor));
          }
          normalise(m[i], -1);
        }
      }
      pivotRowOfColumn[col] = rank;
      rank++;
    }
    // Null vector of free column f: 1 at f, −m[r][f]/m[r][pivot] at each pivot column, scaled by
    // the lcm of the pivots involved so that every coordinate is an integer.
    BigInteger[] scale = new BigInteger[columns];
    for (int f = 0; f < columns; f++) {
      if (pivotRowOfColumn[f] >= 0) {
        continue;
      }
      BigInteger lcm = BigInteger.ONE;
      for (int col = 0; col < columns; col++) {
        int r = pivotRowOfColumn[col];
        if (r >= 0 && m[r][f].signum() != 0) {
          BigInteger pivot = m[r][col];
          lcm = lcm.divide(lcm.gcd(pivot)).multiply(pivot);
        }
      }
      scale[f] = lcm;
    }
    List<Map<Integer, BigInteger>> signatures = new ArrayList<>(columns);
    for (int a = 0; a < columns; a++) {
      Map<Integer, BigInteger> sig = new TreeMap<>();
      int r = pivotRowOfColumn[a];
      if (r < 0) {
        sig.put(a, scale[a]);
      } else {
        BigInteger pivot = m[r][a];
        for (int f = 0; f < columns; f++) {
          if (pivotRowOfColumn[f] < 0 && m[r][f].signum() != 0) {
            sig.put(f, m[r][f].negate().multiply(scale[f]).divide(pivot));
          }
        }
      }
      signatures.add(sig);
    }
    return signatures;
  }

  /** Divides the row by the gcd of its entries; makes the entry at {@code pivotColumn} positive. */
  private static void normalise(BigInteger[] row, int pivotColumn) {
    BigInteger gcd = BigInteger.ZERO;
    for (BigInteger v : row) {
      gcd = gcd.gcd(v);
    }
    if (gcd.signum() == 0) {
      return;
    }
    if (pivotColumn >= 0 && row[pivotColumn].signum() < 0) {
      gcd = gcd.negate();
    }
    if (!gcd.equals(BigInteger.ONE)) {
      for (int c = 0; c < row.length; c++) {
        row[c] = row[c].divide(gcd);
      }
    }
  }

  /**
   * Depth-first over unions of small atoms (ascending size, so it can stop early), completing each
   * partial union with a hash lookup of the one atom that would bring its signature sum to zero.
   */
  private static final class Search<R> {
    private final List<List<R>> atoms;
    private final List<Map<Integer, BigInteger>> signatures;
    private final int capacity;
    private final List<Integer> order = new ArrayList<>();
    private final Map<Map<Integer, BigInteger>, List<Integer>> positionsBySignature =
        new HashMap<>();
    private final Set<Set<R>> found = new LinkedHashSet<>();
    private long steps;
    private final long budget;

    Search(List<List<R>> atoms, List<Map<Integer, BigInteger>> signatures, int capacity, long b) {
      this.atoms = atoms;
      this.signatures = signatures;
      this.capacity = capacity;
      this.budget = b;
      for (int a = 0; a < atoms.size(); a++) {
        if (atoms.get(a).size() <= capacity) {
          order.add(a);
        }
      }
      order.sort(
          (x, y) ->
              atoms.get(x).size() != atoms.get(y).size()
                  ? Integer.compare(atoms.get(x).size(), atoms.get(y).size())
                  : Integer.compare(x, y));
      for (int pos = 0; pos < order.size(); pos++) {
        positionsBySignature
            .computeIfAbsent(signatures.get(order.get(pos)), s -> new ArrayList<>())
            .add(pos);
      }
    }

    Set<Set<R>> run() {
      return dfs(0, new ArrayList<>(), 0, new TreeMap<>()) ? found : null;
    }

    private boolean dfs(int from, List<Integer> chosen, int size, Map<Integer, BigInteger> sum) {
      if (++steps > budget) {
        return false;
      }
      List<Integer> completions = positionsBySignature.get(negate(sum));
      if (completions != null) {
        for (int pos : completions) {
          int atom = order.get(pos);
          if (pos >= from && size + atoms.get(atom).size() <= capacity) {
            record(chosen, atom);
          }
        }
      }
      for (int pos = from; pos < order.size(); pos++) {
        int atom = order.get(pos);
        // Extending only pays if at least one more respondent still fits after this atom.
        if (size + atoms.get(atom).size() + 1 > capacity) {
          break;
        }
        chosen.add(atom);
        boolean finished =
            dfs(pos + 1, chosen, size + atoms.get(atom).size(), add(sum, signatures.get(atom)));
        chosen.remove(chosen.size() - 1);
        if (!finished) {
          return false;
        }
      }
      return true;
    }

    private void record(List<Integer> chosen, int last) {
      Set<R> set = new LinkedHashSet<>();
      for (int a : chosen) {
        set.addAll(atoms.get(a));
      }
      set.addAll(atoms.get(last));
      found.add(set);
    }

    private static Map<Integer, BigInteger> add(
        Map<Integer, BigInteger> x, Map<Integer, BigInteger> y) {
      Map<Integer, BigInteger> sum = new TreeMap<>(x);
      y.forEach(
          (k, v) -> {
            BigInteger s = sum.getOrDefault(k, BigInteger.ZERO).add(v);
            if (s.signum() == 0) {
              sum.remove(k);
            } else {
              sum.put(k, s);
            }
          });
      return sum;
    }

    private static Map<Integer, BigInteger> negate(Map<Integer, BigInteger> x) {
      Map<Integer, BigInteger> n = new TreeMap<>();
      x.forEach((k, v) -> n.put(k, v.negate()));
      return n;
    }
  }
}
