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
 * steps and then answers {@code null}, which callers must treat as "not shown to be safe". The test
 * of one given set ({@link #derivable}) is exact and cheap.
 */
final class DerivableSets<R> {

  private final Map<R, Integer> atomOf = new HashMap<>();
  private final List<List<R>> atoms;
  private final List<Map<Integer, BigInteger>> signatures;
  private final Set<Set<R>> small;

  private DerivableSets(List<Set<R>> family, int threshold, int budget) {
    Map<R, BitSet> membership = new LinkedHashMap<>();
    for (int i = 0; i < family.size(); i++) {
      for (R r : family.get(i)) {
        membership.computeIfAbsent(r, x -> new BitSet()).set(i);
      }
    }
    Map<BitSet, List<R>> byPattern = new LinkedHashMap<>();
    membership.forEach((r, bits) -> byPattern.computeIfAbsent(bits, b -> new ArrayList<>()).add(r));
    List<BitSet> patterns = new ArrayList<>(byPattern.keySet());
    atoms = new ArrayList<>(byPattern.values());
    for (int a = 0; a < atoms.size(); a++) {
      for (R r : atoms.get(a)) {
        atomOf.put(r, a);
      }
    }
    signatures = nullSpaceSignatures(family.size(), patterns);
    small = new Search<>(atoms, signatures, threshold - 1, budget).run();
  }

  /** Analyses the family; the search for small sets takes at most {@code budget} steps. */
  static <R> DerivableSets<R> of(List<Set<R>> family, int threshold, int budget) {
    return new DerivableSets<>(family, threshold, budget);
  }

  /**
   * Sets of 1 … threshold − 1 respondents whose total is derivable, such that every derivable set
   * of that size is a disjoint union of some of them; {@code null} when the search exceeded its
   * budget.
   */
  Set<Set<R>> small() {
    return small;
  }

  /** Whether the total of exactly this set of respondents follows from the family's totals. */
  boolean derivable(Set<R> respondents) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (R r : respondents) {
      Integer atom = atomOf.get(r);
      if (atom == null) {
        return false;
      }
      counts.merge(atom, 1, Integer::sum);
    }
    Map<Integer, BigInteger> sum = new HashMap<>();
    for (var e : counts.entrySet()) {
      if (e.getValue() != atoms.get(e.getKey()).size()) {
        return false;
      }
      addInto(sum, signatures.get(e.getKey()));
    }
    return sum.isEmpty();
  }

  private static void addInto(Map<Integer, BigInteger> sum, Map<Integer, BigInteger> add) {
    add.forEach(
        (k, v) -> {
          BigInteger s = sum.getOrDefault(k, BigInteger.ZERO).add(v);
          if (s.signum() == 0) {
            sum.remove(k);
          } else {
            sum.put(k, s);
          }
        });
  }

  /**
   * For each atom, its coordinates in a basis of the null space of the incidence matrix; a union of
   * atoms is derivable iff its atoms' signatures sum to zero. Sparse: absent keys are zero.
   */
  private static List<Map<Integer, BigInteger>> nullSpaceSignatures(
      int groups, List<BitSet> patterns) {
    int columns = patterns.size();
    int[] pivotRowOfColumn = new int[columns];
    BigInteger[][] m;
    try {
      long[][] fast = new long[groups][columns];
      for (int i = 0; i < groups; i++) {
        for (int a = 0; a < columns; a++) {
          fast[i][a] = patterns.get(a).get(i) ? 1 : 0;
        }
      }
      reduce(fast, pivotRowOfColumn);
      m = new BigInteger[groups][];
      for (int i = 0; i < groups; i++) {
        m[i] =
            java.util.Arrays.stream(fast[i])
                .mapToObj(BigInteger::valueOf)
                .toArray(BigInteger[]::new);
      }
    } catch (ArithmeticException overflow) {
      m = new BigInteger[groups][columns];
      for (int i = 0; i < groups; i++) {
        for (int a = 0; a < columns; a++) {
          m[i][a] = patterns.get(a).get(i) ? BigInteger.ONE : BigInteger.ZERO;
        }
      }
      reduce(m, pivotRowOfColumn);
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

  /**
   * Integer Gauss–Jordan elimination in place: each pivot column ends up zero outside its pivot
   * row. Rows are divided by the gcd of their entries, which keeps 0/1 matrices in {@code long}
   * range in practice; on overflow the caller starts again with {@link BigInteger}.
   */
  static void reduce(long[][] m, int[] pivotRowOfColumn) {
    java.util.Arrays.fill(pivotRowOfColumn, -1);
    int groups = m.length;
    int rank = 0;
    for (int col = 0; col < pivotRowOfColumn.length && rank < groups; col++) {
      int p = rank;
      while (p < groups && m[p][col] == 0) {
        p++;
      }
      if (p == groups) {
        continue;
      }
      long[] swap = m[p];
      m[p] = m[rank];
      m[rank] = swap;
      normalise(m[rank], col);
      for (int i = 0; i < groups; i++) {
        if (i != rank && m[i][col] != 0) {
          long pivot = m[rank][col];
          long factor = m[i][col];
          long[] row = m[i];
          long[] pivotRow = m[rank];
          for (int c = 0; c < row.length; c++) {
            if (row[c] != 0 || pivotRow[c] != 0) {
              row[c] =
                  Math.subtractExact(
                      Math.multiplyExact(row[c], pivot), Math.multiplyExact(pivotRow[c], factor));
            }
          }
          normalise(row, -1);
        }
      }
      pivotRowOfColumn[col] = rank;
      rank++;
    }
  }

  static void reduce(BigInteger[][] m, int[] pivotRowOfColumn) {
    java.util.Arrays.fill(pivotRowOfColumn, -1);
    int groups = m.length;
    int rank = 0;
    for (int col = 0; col < pivotRowOfColumn.length && rank < groups; col++) {
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
          for (int c = 0; c < m[i].length; c++) {
            m[i][c] = m[i][c].multiply(pivot).subtract(m[rank][c].multiply(factor));
          }
          normalise(m[i], -1);
        }
      }
      pivotRowOfColumn[col] = rank;
      rank++;
    }
  }

  private static void normalise(long[] row, int pivotColumn) {
    long gcd = 0;
    for (long v : row) {
      gcd = gcd(gcd, Math.abs(v));
    }
    if (gcd == 0) {
      return;
    }
    if (pivotColumn >= 0 && row[pivotColumn] < 0) {
      gcd = -gcd;
    }
    if (gcd != 1) {
      for (int c = 0; c < row.length; c++) {
        row[c] /= gcd;
      }
    }
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
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
   * partial union with a hash lookup of the one atom that would bring its signature sum to zero
   * (hashed to one number mod a prime for speed; every match is confirmed exactly).
   *
   * <p>Two reductions first. A small atom with a signature coordinate that no other small atom
   * shares can never be cancelled, so it is in no derivable small set; removing it may strand
   * others, so this repeats. And a zero sum splits over the connected components of "shares a
   * coordinate", so a new derivable set has a new derivable part inside one component: each
   * component is searched on its own.
   */
  private static final class Search<R> {
    private static final long PRIME = 2_147_483_647L;
    private static final BigInteger BIG_PRIME = BigInteger.valueOf(PRIME);
    private final List<List<R>> atoms;
    private final List<Map<Integer, BigInteger>> signatures;
    private final int capacity;
    private List<Integer> order;
    private Map<Long, List<Integer>> positionsByHash;
    private final long[] hashes;
    private final Set<Set<R>> found = new LinkedHashSet<>();
    private long steps;
    private final long budget;

    Search(List<List<R>> atoms, List<Map<Integer, BigInteger>> signatures, int capacity, long b) {
      this.atoms = atoms;
      this.signatures = signatures;
      this.capacity = capacity;
      this.budget = b;
      // A fixed random linear functional of the signatures, mod a prime: a zero signature sum has a
      // zero hash, so hashing loses no derivable set; a match is then confirmed exactly.
      java.util.SplittableRandom random = new java.util.SplittableRandom(20260127L);
      Map<Integer, Long> weights = new HashMap<>();
      hashes = new long[atoms.size()];
      for (int a = 0; a < atoms.size(); a++) {
        long h = 0;
        for (var e : signatures.get(a).entrySet()) {
          long w = weights.computeIfAbsent(e.getKey(), k -> random.nextLong(1, PRIME));
          long v = e.getValue().mod(BIG_PRIME).longValue();
          h = (h + v * w % PRIME) % PRIME;
        }
        hashes[a] = h;
      }
    }

    Set<Set<R>> run() {
      for (List<Integer> component : components(cancellableSmallAtoms())) {
        component.sort(
            (x, y) ->
                atoms.get(x).size() != atoms.get(y).size()
                    ? Integer.compare(atoms.get(x).size(), atoms.get(y).size())
                    : Integer.compare(x, y));
        order = component;
        positionsByHash = new HashMap<>();
        for (int pos = 0; pos < order.size(); pos++) {
          positionsByHash.computeIfAbsent(hashes[order.get(pos)], h -> new ArrayList<>()).add(pos);
        }
        if (!dfs(0, new ArrayList<>(), 0, 0L)) {
          return null;
        }
      }
      return found;
    }

    private Set<Integer> cancellableSmallAtoms() {
      Set<Integer> alive = new LinkedHashSet<>();
      Map<Integer, Set<Integer>> atomsByCoordinate = new HashMap<>();
      for (int a = 0; a < atoms.size(); a++) {
        if (atoms.get(a).size() <= capacity) {
          alive.add(a);
          for (int f : signatures.get(a).keySet()) {
            atomsByCoordinate.computeIfAbsent(f, x -> new LinkedHashSet<>()).add(a);
          }
        }
      }
      java.util.ArrayDeque<Integer> lonely = new java.util.ArrayDeque<>();
      atomsByCoordinate.forEach(
          (f, holders) -> {
            if (holders.size() == 1) {
              lonely.add(f);
            }
          });
      while (!lonely.isEmpty()) {
        Set<Integer> holders = atomsByCoordinate.get(lonely.poll());
        if (holders.size() != 1) {
          continue;
        }
        int atom = holders.iterator().next();
        alive.remove(atom);
        for (int f : signatures.get(atom).keySet()) {
          Set<Integer> rest = atomsByCoordinate.get(f);
          rest.remove(atom);
          if (rest.size() == 1) {
            lonely.add(f);
          }
        }
      }
      return alive;
    }

    private List<List<Integer>> components(Set<Integer> alive) {
      Map<Integer, Integer> parent = new HashMap<>();
      Map<Integer, Integer> firstAtomOfCoordinate = new HashMap<>();
      for (int a : alive) {
        parent.put(a, a);
      }
      for (int a : alive) {
        for (int f : signatures.get(a).keySet()) {
          Integer other = firstAtomOfCoordinate.putIfAbsent(f, a);
          if (other != null) {
            parent.put(root(parent, a), root(parent, other));
          }
        }
      }
      Map<Integer, List<Integer>> byRoot = new LinkedHashMap<>();
      for (int a : alive) {
        byRoot.computeIfAbsent(root(parent, a), r -> new ArrayList<>()).add(a);
      }
      return new ArrayList<>(byRoot.values());
    }

    private static int root(Map<Integer, Integer> parent, int a) {
      int r = a;
      while (parent.get(r) != r) {
        r = parent.get(r);
      }
      parent.put(a, r);
      return r;
    }

    private boolean dfs(int from, List<Integer> chosen, int size, long sum) {
      if (++steps > budget) {
        return false;
      }
      List<Integer> completions = positionsByHash.get(Math.floorMod(-sum, PRIME));
      if (completions != null) {
        for (int pos : completions) {
          int atom = order.get(pos);
          if (pos >= from
              && size + atoms.get(atom).size() <= capacity
              && sumsToZero(chosen, atom)) {
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
            dfs(pos + 1, chosen, size + atoms.get(atom).size(), (sum + hashes[atom]) % PRIME);
        chosen.remove(chosen.size() - 1);
        if (!finished) {
          return false;
        }
      }
      return true;
    }

    /** The exact test behind a hash match. */
    private boolean sumsToZero(List<Integer> chosen, int last) {
      Map<Integer, BigInteger> sum = new HashMap<>();
      for (int a : chosen) {
        addInto(sum, signatures.get(a));
      }
      addInto(sum, signatures.get(last));
      return sum.isEmpty();
    }

    private void record(List<Integer> chosen, int last) {
      Set<R> set = new LinkedHashSet<>();
      for (int a : chosen) {
        set.addAll(atoms.get(a));
      }
      set.addAll(atoms.get(last));
      found.add(set);
    }
  }
}
