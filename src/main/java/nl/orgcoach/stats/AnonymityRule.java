package nl.orgcoach.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What feedback may be shown without exposing a rater: product invariant 4. A rater group is shown
 * only when at least 3 raters answered; no filter, slice or pair of reports may reveal a group
 * below the threshold.
 *
 * <p>The attack: if B is A without respondent i, then xᵢ = n_A·mean_A − n_B·mean_B (Denning,
 * Denning &amp; Schwartz 1979). Twelve answers with mean 3.75 and the eleven with tenure &gt; 1
 * year with mean 3.909… reveal the newcomer's 2. Field practice puts the minimum group at 5
 * (Lattice, Glint, Qualtrics, Effectory); ours is never below {@value #MINIMUM_THRESHOLD} and may
 * only be raised.
 *
 * <p><b>Guarantees</b> of {@link #decide}, with t the threshold and the <i>visible</i> groups being
 * the groups already visible elsewhere plus the candidates it shows:
 *
 * <ol>
 *   <li>every shown candidate has at least t respondents;
 *   <li>for a shown candidate C and any visible group V with V ⊇ C or C ⊇ V, the difference has 0
 *       or at least t respondents;
 *   <li>showing C makes no new set of 1 … t − 1 respondents derivable: no set whose total (sum,
 *       count, sum of squares, histogram — anything additive) follows from a linear combination of
 *       the visible groups' totals, unless it already followed from the groups visible before. This
 *       covers differences between more than two groups, such as a unit minus all but one of its
 *       children, or the complement of a filter within a unit (see {@code DerivableSets}).
 * </ol>
 *
 * <p><b>Algorithm</b> (greedy, deterministic): candidates are considered largest first (ties in
 * input order), because a unit is worth more than the slices that would expose it. A candidate is
 * shown when it passes 1–3 against the groups visible so far, and then counts as visible for the
 * candidates after it. When at least two candidates were suppressed, their union is tried once
 * under the same rule as an "others" group; if it is shown, those candidates are reported as merged
 * into it, otherwise as hidden. Pass the groups of one breakdown per call (the children of a unit,
 * the rater groups of one ratee), since their union is what "others" means.
 *
 * <p><b>Individual scores that are shown on purpose</b> (the self-rating, an explicitly
 * non-anonymous manager rating) belong among the groups already visible, as groups of one: then a
 * candidate that is those people plus one or two others is refused, as it should be. They appear in
 * {@link Decision#priorExposures()}, as intended exposures.
 *
 * <p><b>Respondent identity across rounds.</b> Pass person ids (not person-round ids) and the
 * groups visible in earlier rounds: that treats answers as if they were stable between rounds,
 * which is the safe assumption for people who answer the same way twice.
 *
 * <p><b>Groups whose answers are all equal.</b> Membership alone cannot see this, so it is a
 * separate check: {@link #revealsEveryAnswer}. When it is true for a shown group and a question,
 * the caller shows the mean and n but no distribution, standard deviation, minimum or maximum: each
 * of those would state what every single member answered. A mean at the end of the scale still
 * implies it; that we accept, because it then says what the whole group said and singles nobody
 * out.
 *
 * <p>Not covered: statistics that are not additive (medians, minima, maxima) and free-text comments
 * (which need their own, higher threshold in the field: Glint uses 10).
 */
public final class AnonymityRule {

  /** The floor of product invariant 4. */
  public static final int MINIMUM_THRESHOLD = 3;

  /** Steps the exact search may take per check before it gives up and suppresses. */
  static final int SEARCH_BUDGET = 2_000_000;

  private final int threshold;

  /**
   * @param threshold the minimum group size; refused below {@value #MINIMUM_THRESHOLD}
   */
  public AnonymityRule(int threshold) {
    if (threshold < MINIMUM_THRESHOLD) {
      throw new IllegalArgumentException(
          "the anonymity threshold is never below " + MINIMUM_THRESHOLD + ", was " + threshold);
    }
    this.threshold = threshold;
  }

  public static AnonymityRule minimum() {
    return new AnonymityRule(MINIMUM_THRESHOLD);
  }

  public int threshold() {
    return threshold;
  }

  /**
   * A group of respondents, identified by opaque ids (person ids: longs, strings, records with
   * value equality).
   */
  public record Group<R>(String label, Set<R> respondents) {
    public Group {
      Objects.requireNonNull(label, "label");
      // Keeps the caller's order, so that every decision is reproducible run to run.
      respondents = Collections.unmodifiableSet(new LinkedHashSet<>(respondents));
    }

    public int size() {
      return respondents.size();
    }
  }

  public enum Outcome {
    SHOWN,
    MERGED_INTO_OTHERS,
    HIDDEN
  }

  public enum Reason {
    /** Passed every check. */
    MEETS_RULE,
    /** Fewer respondents than the threshold. */
    BELOW_THRESHOLD,
    /** Contains or is contained in a visible group that differs from it by 1 … t − 1. */
    SMALL_DIFFERENCE,
    /** Together with the visible groups it would make the total of 1 … t − 1 respondents known. */
    REVEALS_SMALL_SET,
    /** The exact check did not finish within its budget, so the group is not shown. */
    TOO_COMPLEX_TO_VERIFY
  }

  /**
   * @param reason why it is (not) shown; for a merged group why it could not be shown on its own
   * @param conflictsWith the visible group that it differs from by too few, for SMALL_DIFFERENCE
   * @param exposed how many respondents showing it would have exposed (0 when shown)
   */
  public record Verdict<R>(
      Group<R> group, Outcome outcome, Reason reason, Optional<String> conflictsWith, int exposed) {

    public boolean shown() {
      return outcome == Outcome.SHOWN;
    }
  }

  /**
   * @param verdicts one per candidate, in the order given
   * @param others the group of merged candidates, when it could be shown
   * @param priorExposures sets of fewer than t respondents already derivable from the groups
   *     visible elsewhere before this decision (every such set is a disjoint union of these; empty
   *     also when they were too complex to search): individual scores shown on purpose, or else a
   *     problem upstream that this decision cannot undo
   */
  public record Decision<R>(
      int threshold,
      List<Verdict<R>> verdicts,
      Optional<Group<R>> others,
      List<Set<R>> priorExposures) {

    public Decision {
      verdicts = List.copyOf(verdicts);
      priorExposures = List.copyOf(priorExposures);
    }

    public List<Group<R>> shown() {
      return verdicts.stream().filter(Verdict::shown).map(Verdict::group).toList();
    }
  }

  /** Same as {@link #decide(List, List, String)} with "others" as the label of the merged group. */
  public <R> Decision<R> decide(List<Group<R>> candidates, List<Group<R>> alreadyVisible) {
    return decide(candidates, alreadyVisible, "others");
  }

  /**
   * Decides which candidates may be shown beside the groups already visible elsewhere (other
   * filters, other levels of the hierarchy, earlier rounds).
   */
  public <R> Decision<R> decide(
      List<Group<R>> candidates, List<Group<R>> alreadyVisible, String othersLabel) {
    List<Group<R>> visible = new ArrayList<>(alreadyVisible);
    DerivableSets<R> derivable = analyse(visible);
    List<Set<R>> prior = derivable.small() == null ? List.of() : List.copyOf(derivable.small());

    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.comparingInt((Integer i) -> candidates.get(i).size())
            .reversed()
            .thenComparingInt(i -> i));

    List<Verdict<R>> verdicts = new ArrayList<>(Collections.nCopies(candidates.size(), null));
    for (int i : order) {
      Group<R> candidate = candidates.get(i);
      Judgement<R> judgement = judge(candidate, visible, derivable);
      if (judgement.verdict().shown()) {
        visible.add(candidate);
        derivable = judgement.derivableAfter();
      }
      verdicts.set(i, judgement.verdict());
    }

    Optional<Group<R>> others = Optional.empty();
    List<Integer> suppressed = new ArrayList<>();
    Set<R> union = new LinkedHashSet<>();
    for (int i = 0; i < candidates.size(); i++) {
      if (!verdicts.get(i).shown()) {
        suppressed.add(i);
        union.addAll(candidates.get(i).respondents());
      }
    }
    // Not again when a candidate shown in this call is that union already. A group visible before
    // (the same people's "others" in an earlier round) does not stop it: it is judged like any
    // candidate, and the same set again makes nothing new derivable.
    boolean alreadyThere =
        visible.subList(alreadyVisible.size(), visible.size()).stream()
            .anyMatch(g -> g.respondents().equals(union));
    if (suppressed.size() >= 2 && !alreadyThere) {
      Group<R> merged = new Group<>(othersLabel, union);
      if (judge(merged, visible, derivable).verdict().shown()) {
        others = Optional.of(merged);
        for (int i : suppressed) {
          Verdict<R> v = verdicts.get(i);
          verdicts.set(
              i,
              new Verdict<>(
                  v.group(),
                  Outcome.MERGED_INTO_OTHERS,
                  v.reason(),
                  v.conflictsWith(),
                  v.exposed()));
        }
      }
    }
    return new Decision<>(threshold, verdicts, others, prior);
  }

  /** A verdict, and when shown the small derivable sets of the visible groups plus this one. */
  private record Judgement<R>(Verdict<R> verdict, DerivableSets<R> derivableAfter) {}

  private <R> Judgement<R> judge(
      Group<R> candidate, List<Group<R>> visible, DerivableSets<R> before) {
    if (candidate.size() < threshold) {
      return hidden(candidate, Reason.BELOW_THRESHOLD, null, candidate.size());
    }
    for (Group<R> v : visible) {
      int difference = containmentDifference(candidate.respondents(), v.respondents());
      if (difference > 0 && difference < threshold) {
        return hidden(candidate, Reason.SMALL_DIFFERENCE, v.label(), difference);
      }
    }
    if (before.derivable(candidate.respondents())) {
      // Its total already follows from the visible groups: showing it adds nothing to derive from.
      return new Judgement<>(
          new Verdict<>(candidate, Outcome.SHOWN, Reason.MEETS_RULE, Optional.empty(), 0), before);
    }
    List<Group<R>> with = new ArrayList<>(visible);
    with.add(candidate);
    DerivableSets<R> after = analyse(with);
    if (after.small() == null) {
      return hidden(candidate, Reason.TOO_COMPLEX_TO_VERIFY, null, 0);
    }
    int smallestNew = Integer.MAX_VALUE;
    for (Set<R> set : after.small()) {
      if (!before.derivable(set)) {
        smallestNew = Math.min(smallestNew, set.size());
      }
    }
    if (smallestNew != Integer.MAX_VALUE) {
      return hidden(candidate, Reason.REVEALS_SMALL_SET, null, smallestNew);
    }
    return new Judgement<>(
        new Verdict<>(candidate, Outcome.SHOWN, Reason.MEETS_RULE, Optional.empty(), 0), after);
  }

  private <R> DerivableSets<R> analyse(List<Group<R>> groups) {
    List<Set<R>> family = groups.stream().map(Group::respondents).toList();
    return DerivableSets.of(family, threshold, SEARCH_BUDGET);
  }

  /** |A \ B| when one contains the other, else 0 (no containment, no pairwise difference). */
  private static <R> int containmentDifference(Set<R> a, Set<R> b) {
    if (a.size() >= b.size()) {
      return a.containsAll(b) ? a.size() - b.size() : 0;
    }
    return b.containsAll(a) ? b.size() - a.size() : 0;
  }

  private static <R> Judgement<R> hidden(Group<R> g, Reason reason, String conflict, int exposed) {
    return new Judgement<>(
        new Verdict<>(g, Outcome.HIDDEN, reason, Optional.ofNullable(conflict), exposed), null);
  }

  /**
   * True when the answers are not empty and all equal: then a distribution, standard deviation,
   * minimum or maximum of them would state every member's answer, and the caller shows only the
   * mean and n.
   */
  public static boolean revealsEveryAnswer(Collection<?> answers) {
    if (answers.isEmpty()) {
      return false;
    }
    Object first = answers.iterator().next();
    for (Object a : answers) {
      if (!Objects.equals(first, a)) {
        return false;
      }
    }
    return true;
  }
}
