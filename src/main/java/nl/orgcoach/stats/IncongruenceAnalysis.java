package nl.orgcoach.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.orgcoach.stats.IncongruenceFinding.ConstellationEvidence;
import nl.orgcoach.stats.IncongruenceFinding.Direction;
import nl.orgcoach.stats.IncongruenceFinding.Outcome;
import nl.orgcoach.stats.IncongruenceFinding.PairEvidence;
import nl.orgcoach.stats.IncongruenceSettings.Method;

/**
 * Incongruence of behaviour across hierarchical constellations (METHODS.md §4; OrgCoach issue 4):
 * does a person show a behaviour markedly more or less often in one constellation than in another,
 * beyond what is usual for those constellations in the client?
 *
 * <p>Theory: behavioural signatures, “if situation then behaviour” (Mischel &amp; Shoda 1995).
 * Rater-source and situation effects are large for everyone (Scullen, Mount &amp; Goff 2000), so a
 * person is compared with the client's norm: for behaviour b and constellations A and B, the
 * person's gap p_A − p_B in favourable rate (ratings ≥ {@code favourableFrom}) is set against the
 * client's gap r_A − r_B over all ratings of b in A and in B (the person's own included, which
 * pulls the norm towards them and so errs towards not flagging).
 *
 * <p>The evidence rule (parameters in {@link IncongruenceSettings}, printed with every report):
 *
 * <ol>
 *   <li><b>Minimum evidence:</b> a constellation is compared only with at least {@code
 *       minObservations} of the person's ratings of that behaviour in it, and at least {@code
 *       minNormObservations} of the client's (a norm). Fewer than two such constellations: {@link
 *       Outcome#TOO_FEW_OBSERVATIONS}, never a flag.
 *   <li><b>A gap beyond a margin, with high probability:</b> for each pair of compared
 *       constellations, with Beta(1 + x, 1 + n − x) posteriors for the person's favourable rates
 *       ({@link BetaBinomial}): P(p_A − p_B &gt; r_A − r_B + margin) ≥ {@code minProbability} (gap
 *       above the norm) or P(p_A − p_B &lt; r_A − r_B − margin) ≥ {@code minProbability} (below).
 *       Or, with {@link Method#EXACT_TEST_FDR}: the permutation Kruskal–Wallis test of the person's
 *       normed ratings (rating minus the client's mean there) across the compared constellations
 *       has a Benjamini–Hochberg q ≤ {@code falseDiscoveryRate} over all people × behaviours
 *       tested, and the posterior-mean normed gap of the pair lies beyond the margin.
 *   <li><b>Repetition:</b> the same pair shows a gap in the same direction in at least {@code
 *       minBehaviours} of the person's behaviours, or, within this behaviour, in at least {@code
 *       minPeriods} periods of {@code periodMonths} months taken alone (each with at least {@code
 *       minObservationsPerPeriod} ratings in both constellations and the posterior-mean normed gap
 *       beyond the margin).
 * </ol>
 *
 * Every person × behaviour gets an {@link IncongruenceFinding} with its counts, means and norms per
 * constellation, each pair's gap, norm gap and probabilities, a credible interval on demand, the
 * rank test on normed ratings, and which part of the rule it met. In the posterior method the rank
 * test's permutation p is computed for the findings that show a gap (the candidates for a flag);
 * for the others the asymptotic p is given, which keeps a full recomputation of a large client
 * fast.
 *
 * <p>An observation with several kinds of people present belongs to one constellation, the dominant
 * one ({@link Constellation#dominant}); the callers assign it, and ADR 0005 gives the reasons.
 */
public final class IncongruenceAnalysis {

  private static final int K = Constellation.values().length;
  private static final Constellation[] CONSTELLATIONS = Constellation.values();

  /** Pairs (a, b) with a &lt; b, indexed 0..5. */
  private static final int[][] PAIRS = pairs();

  private IncongruenceAnalysis() {}

  /** The analysis with {@link IncongruenceSettings#defaults()}. */
  public static IncongruenceReport analyse(Collection<ObservedRating> ratings) {
    return analyse(ratings, IncongruenceSettings.defaults());
  }

  /**
   * The analysis of all ratings of one client.
   *
   * @throws IllegalArgumentException if a rating lies outside 1..{@code maxRating}
   */
  public static IncongruenceReport analyse(
      Collection<ObservedRating> ratings, IncongruenceSettings settings) {
    Input input = Input.of(ratings, settings);
    Norms norms = Norms.of(input, settings);
    List<Cell> cells = cells(input, norms, settings);
    if (settings.method() == Method.EXACT_TEST_FDR) {
      controlFalseDiscoveries(cells);
    }
    List<IncongruenceFinding> findings = new ArrayList<>(cells.size());
    int from = 0;
    while (from < cells.size()) {
      int to = from;
      while (to < cells.size() && cells.get(to).person == cells.get(from).person) {
        to++;
      }
      findings.addAll(person(cells.subList(from, to), input, norms, settings));
      from = to;
    }
    return new IncongruenceReport(settings, input.size, findings);
  }

  /** The ratings as columns, people and behaviours numbered in the order of their ids. */
  private static final class Input {
    final int size;
    final String[] people;
    final String[] behaviours;
    final int[] person;
    final int[] behaviour;
    final byte[] constellation;
    final byte[] rating;
    final int[] period;

    private Input(int size, String[] people, String[] behaviours) {
      this.size = size;
      this.people = people;
      this.behaviours = behaviours;
      this.person = new int[size];
      this.behaviour = new int[size];
      this.constellation = new byte[size];
      this.rating = new byte[size];
      this.period = new int[size];
    }

    static Input of(Collection<ObservedRating> ratings, IncongruenceSettings settings) {
      Map<String, Integer> people = new HashMap<>();
      Map<String, Integer> behaviours = new HashMap<>();
      int n = ratings.size();
      int[] person = new int[n];
      int[] behaviour = new int[n];
      int i = 0;
      for (ObservedRating r : ratings) {
        if (r.rating() < 1 || r.rating() > settings.maxRating()) {
          throw new IllegalArgumentException(
              "rating " + r.rating() + " is outside 1.." + settings.maxRating());
        }
        person[i] = people.computeIfAbsent(r.person(), p -> people.size());
        behaviour[i] = behaviours.computeIfAbsent(r.behaviour(), b -> behaviours.size());
        i++;
      }
      String[] personNames = sortedNames(people);
      String[] behaviourNames = sortedNames(behaviours);
      int[] personRank = ranks(people, personNames);
      int[] behaviourRank = ranks(behaviours, behaviourNames);
      Input input = new Input(n, personNames, behaviourNames);
      i = 0;
      for (ObservedRating r : ratings) {
        input.person[i] = personRank[person[i]];
        input.behaviour[i] = behaviourRank[behaviour[i]];
        input.constellation[i] = (byte) r.constellation().ordinal();
        input.rating[i] = (byte) r.rating();
        input.period[i] = period(r.date(), settings.periodMonths());
        i++;
      }
      return input;
    }

    private static String[] sortedNames(Map<String, Integer> ids) {
      String[] names = ids.keySet().toArray(String[]::new);
      Arrays.sort(names);
      return names;
    }

    private static int[] ranks(Map<String, Integer> ids, String[] sorted) {
      int[] rank = new int[sorted.length];
      for (int i = 0; i < sorted.length; i++) {
        rank[ids.get(sorted[i])] = i;
      }
      return rank;
    }

    private static int period(LocalDate date, int months) {
      return Math.floorDiv(date.getYear() * 12 + date.getMonthValue() - 1, months);
    }
  }

  /** The client's ratings per behaviour × constellation. */
  private static final class Norms {
    final int[] n;
    final int[] favourable;
    final double[] sum;
    final int minObservations;

    private Norms(int cells, int minObservations) {
      n = new int[cells];
      favourable = new int[cells];
      sum = new double[cells];
      this.minObservations = minObservations;
    }

    static Norms of(Input input, IncongruenceSettings settings) {
      Norms norms = new Norms(input.behaviours.length * K, settings.minNormObservations());
      for (int i = 0; i < input.size; i++) {
        int at = input.behaviour[i] * K + input.constellation[i];
        norms.n[at]++;
        norms.sum[at] += input.rating[i];
        if (input.rating[i] >= settings.favourableFrom()) {
          norms.favourable[at]++;
        }
      }
      return norms;
    }

    boolean usable(int behaviour, int c) {
      return n[behaviour * K + c] >= minObservations;
    }

    double rate(int behaviour, int c) {
      int count = n[behaviour * K + c];
      return count == 0 ? Double.NaN : (double) favourable[behaviour * K + c] / count;
    }

    double mean(int behaviour, int c) {
      int count = n[behaviour * K + c];
      return count == 0 ? Double.NaN : sum[behaviour * K + c] / count;
    }
  }

  /** One person × behaviour: counts per constellation and per period, and the rank test. */
  private static final class Cell {
    final int person;
    final int behaviour;
    final int[] n = new int[K];
    final int[] favourable = new int[K];
    final double[] sum = new double[K];
    final boolean[] compared = new boolean[K];
    int comparedCount;

    /** Sorted codes (period · K + constellation) · 2 + favourable, one per rating. */
    int[] periodCodes;

    double[][] normedRatings;
    KruskalWallis.Result test;
    double q = Double.NaN;

    Cell(int person, int behaviour) {
      this.person = person;
      this.behaviour = behaviour;
    }
  }

  private static List<Cell> cells(Input input, Norms norms, IncongruenceSettings settings) {
    int[] order = byCell(input);
    List<Cell> cells = new ArrayList<>();
    int from = 0;
    while (from < order.length) {
      int first = order[from];
      int to = from;
      while (to < order.length
          && input.person[order[to]] == input.person[first]
          && input.behaviour[order[to]] == input.behaviour[first]) {
        to++;
      }
      Cell cell = new Cell(input.person[first], input.behaviour[first]);
      int[] codes = new int[to - from];
      for (int j = from; j < to; j++) {
        int i = order[j];
        int c = input.constellation[i];
        boolean favourable = input.rating[i] >= settings.favourableFrom();
        cell.n[c]++;
        cell.sum[c] += input.rating[i];
        if (favourable) {
          cell.favourable[c]++;
        }
        codes[j - from] = (input.period[i] * K + c) * 2 + (favourable ? 1 : 0);
      }
      Arrays.sort(codes);
      cell.periodCodes = codes;
      for (int c = 0; c < K; c++) {
        cell.compared[c] =
            cell.n[c] >= settings.minObservations() && norms.usable(cell.behaviour, c);
        if (cell.compared[c]) {
          cell.comparedCount++;
        }
      }
      if (cell.comparedCount >= 2) {
        cell.normedRatings = normedRatings(cell, order, from, to, input, norms);
        cell.test =
            settings.method() == Method.EXACT_TEST_FDR
                ? permutationTest(cell, settings)
                : KruskalWallis.asymptotic(cell.normedRatings);
      }
      cells.add(cell);
      from = to;
    }
    return cells;
  }

  /**
   * The row indices ordered by person, then behaviour (ids are in name order): a counting sort over
   * the person × behaviour cells, linear in the ratings.
   */
  private static int[] byCell(Input input) {
    int behaviours = input.behaviours.length;
    long cellCount = (long) input.people.length * behaviours;
    if (cellCount > 4L * input.size + 1024) {
      long[] keys = new long[input.size];
      for (int i = 0; i < input.size; i++) {
        keys[i] = ((long) input.person[i] * behaviours + input.behaviour[i]) << 32 | i;
      }
      Arrays.sort(keys);
      int[] order = new int[input.size];
      for (int i = 0; i < order.length; i++) {
        order[i] = (int) keys[i];
      }
      return order;
    }
    int[] start = new int[(int) cellCount + 1];
    for (int i = 0; i < input.size; i++) {
      start[input.person[i] * behaviours + input.behaviour[i] + 1]++;
    }
    for (int c = 0; c < cellCount; c++) {
      start[c + 1] += start[c];
    }
    int[] order = new int[input.size];
    for (int i = 0; i < input.size; i++) {
      order[start[input.person[i] * behaviours + input.behaviour[i]]++] = i;
    }
    return order;
  }

  private static double[][] normedRatings(
      Cell cell, int[] order, int from, int to, Input input, Norms norms) {
    double[][] groups = new double[cell.comparedCount][];
    int[] slot = new int[K];
    int g = 0;
    for (int c = 0; c < K; c++) {
      slot[c] = cell.compared[c] ? g++ : -1;
      if (slot[c] >= 0) {
        groups[slot[c]] = new double[cell.n[c]];
      }
    }
    int[] filled = new int[cell.comparedCount];
    for (int j = from; j < to; j++) {
      int i = order[j];
      int c = input.constellation[i];
      if (slot[c] >= 0) {
        groups[slot[c]][filled[slot[c]]++] = input.rating[i] - norms.mean(cell.behaviour, c);
      }
    }
    return groups;
  }

  private static KruskalWallis.Result permutationTest(Cell cell, IncongruenceSettings settings) {
    return KruskalWallis.test(
        cell.normedRatings,
        settings.permutationLimit(),
        settings.monteCarloDraws(),
        settings.seed() ^ ((long) cell.person << 20) ^ cell.behaviour);
  }

  private static void controlFalseDiscoveries(List<Cell> cells) {
    List<Cell> tested = cells.stream().filter(c -> c.test != null).toList();
    double[] p = new double[tested.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = tested.get(i).test.permutationP();
    }
    double[] q = BenjaminiHochberg.adjust(p);
    for (int i = 0; i < q.length; i++) {
      tested.get(i).q = q[i];
    }
  }

  /** The findings of one person's cells: the pairs' gaps first, then repetition across them. */
  private static List<IncongruenceFinding> person(
      List<Cell> cells, Input input, Norms norms, IncongruenceSettings settings) {
    int count = cells.size();
    double[][] gap = new double[count][PAIRS.length];
    double[][] normGap = new double[count][PAIRS.length];
    double[][] above = new double[count][PAIRS.length];
    double[][] below = new double[count][PAIRS.length];
    Direction[][] shown = new Direction[count][PAIRS.length];
    // behaviours showing each pair × direction, for repetition across behaviours
    int[][] shownCount = new int[PAIRS.length][2];
    for (int i = 0; i < count; i++) {
      Cell cell = cells.get(i);
      for (int p = 0; p < PAIRS.length; p++) {
        int a = PAIRS[p][0];
        int b = PAIRS[p][1];
        if (!cell.compared[a] || !cell.compared[b]) {
          continue;
        }
        BetaBinomial.Posterior pa = BetaBinomial.posterior(cell.favourable[a], cell.n[a]);
        BetaBinomial.Posterior pb = BetaBinomial.posterior(cell.favourable[b], cell.n[b]);
        double norm = norms.rate(cell.behaviour, a) - norms.rate(cell.behaviour, b);
        gap[i][p] = pa.mean() - pb.mean();
        normGap[i][p] = norm;
        above[i][p] = BetaBinomial.probabilityDifferenceAbove(pa, pb, norm + settings.margin());
        below[i][p] = BetaBinomial.probabilityDifferenceAbove(pb, pa, -norm + settings.margin());
        shown[i][p] = shown(gap[i][p] - norm, above[i][p], below[i][p], cell.q, settings);
        if (shown[i][p] != null) {
          shownCount[p][shown[i][p].ordinal()]++;
        }
      }
    }
    List<IncongruenceFinding> findings = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Cell cell = cells.get(i);
      List<PairEvidence> pairs = new ArrayList<>();
      boolean anyShown = false;
      boolean repeated = false;
      for (int p = 0; p < PAIRS.length; p++) {
        int a = PAIRS[p][0];
        int b = PAIRS[p][1];
        if (!cell.compared[a] || !cell.compared[b]) {
          continue;
        }
        Direction direction = shown[i][p];
        int behaviours = direction == null ? 0 : shownCount[p][direction.ordinal()];
        int periods =
            direction == null ? 0 : periodsShown(cell, a, b, normGap[i][p], direction, settings);
        anyShown |= direction != null;
        repeated |=
            direction != null
                && (behaviours >= settings.minBehaviours() || periods >= settings.minPeriods());
        pairs.add(
            new PairEvidence(
                CONSTELLATIONS[a],
                CONSTELLATIONS[b],
                BetaBinomial.posterior(cell.favourable[a], cell.n[a]),
                BetaBinomial.posterior(cell.favourable[b], cell.n[b]),
                gap[i][p],
                normGap[i][p],
                above[i][p],
                below[i][p],
                direction,
                behaviours,
                periods));
      }
      Outcome outcome;
      if (cell.comparedCount < 2) {
        outcome = Outcome.TOO_FEW_OBSERVATIONS;
      } else if (!anyShown) {
        outcome = Outcome.NO_GAP_SHOWN;
      } else {
        outcome = repeated ? Outcome.FLAGGED : Outcome.NOT_REPEATED;
      }
      KruskalWallis.Result test = cell.test;
      if (anyShown && settings.method() == Method.POSTERIOR) {
        test = permutationTest(cell, settings);
      }
      findings.add(
          new IncongruenceFinding(
              input.people[cell.person],
              input.behaviours[cell.behaviour],
              outcome,
              constellationEvidence(cell, norms),
              test,
              cell.q,
              pairs));
    }
    return findings;
  }

  private static Direction shown(
      double normedGap, double above, double below, double q, IncongruenceSettings settings) {
    if (settings.method() == Method.POSTERIOR) {
      if (above >= settings.minProbability()) {
        return Direction.ABOVE_NORM;
      }
      return below >= settings.minProbability() ? Direction.BELOW_NORM : null;
    }
    if (!(q <= settings.falseDiscoveryRate())) {
      return null;
    }
    if (normedGap > settings.margin()) {
      return Direction.ABOVE_NORM;
    }
    return normedGap < -settings.margin() ? Direction.BELOW_NORM : null;
  }

  /** Periods in which, on that period's ratings alone, the normed gap repeats the direction. */
  private static int periodsShown(
      Cell cell, int a, int b, double normGap, Direction direction, IncongruenceSettings settings) {
    int[] codes = cell.periodCodes;
    int periods = 0;
    int i = 0;
    while (i < codes.length) {
      int period = codes[i] / 2 / K;
      int na = 0;
      int xa = 0;
      int nb = 0;
      int xb = 0;
      while (i < codes.length && codes[i] / 2 / K == period) {
        int c = codes[i] / 2 % K;
        int favourable = codes[i] % 2;
        if (c == a) {
          na++;
          xa += favourable;
        } else if (c == b) {
          nb++;
          xb += favourable;
        }
        i++;
      }
      if (na >= settings.minObservationsPerPeriod() && nb >= settings.minObservationsPerPeriod()) {
        double normed = (xa + 1.0) / (na + 2) - (xb + 1.0) / (nb + 2) - normGap;
        if (direction == Direction.ABOVE_NORM
            ? normed > settings.margin()
            : normed < -settings.margin()) {
          periods++;
        }
      }
    }
    return periods;
  }

  private static List<ConstellationEvidence> constellationEvidence(Cell cell, Norms norms) {
    List<ConstellationEvidence> evidence = new ArrayList<>();
    for (int c = 0; c < K; c++) {
      if (cell.n[c] == 0) {
        continue;
      }
      evidence.add(
          new ConstellationEvidence(
              CONSTELLATIONS[c],
              cell.n[c],
              cell.favourable[c],
              cell.sum[c] / cell.n[c],
              norms.n[cell.behaviour * K + c],
              norms.rate(cell.behaviour, c),
              norms.mean(cell.behaviour, c),
              cell.compared[c]));
    }
    return evidence;
  }

  private static int[][] pairs() {
    List<int[]> pairs = new ArrayList<>();
    for (int a = 0; a < K; a++) {
      for (int b = a + 1; b < K; b++) {
        pairs.add(new int[] {a, b});
      }
    }
    return pairs.toArray(int[][]::new);
  }
}
