package nl.orgcoach.feedback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.orgcoach.stats.AnonymityRule;
import nl.orgcoach.stats.AnonymityRule.Group;
import nl.orgcoach.stats.RaterAgreement;
import org.springframework.stereotype.Component;

/**
 * The one place where feedback ratings become something a person may see (PRODUCT.md invariant 4).
 * Every page, API answer and export of round results is made from a {@link BehaviourResult} of this
 * class, and nothing else reads individual answers for showing.
 *
 * <p>Per behaviour, the candidates are "all others" (every rater but the person themself) and the
 * rater groups; {@link AnonymityRule} decides which are shown, against the manager's rating when
 * the manager chose to be named (an individual score shown on purpose, so a group of one that is
 * already visible). Groups it refuses are merged into "others" when that union may be shown, and
 * hidden otherwise. A hidden or merged group gets no number at all (not even its n). Comments are
 * shown only as one sorted list per behaviour, and only when "all others" is shown: grouping them
 * by rater group would let a reader subtract one list from another, which no threshold on numbers
 * prevents. rwg is left out when a group answered all alike, since it would then say what each
 * member answered ({@link AnonymityRule#revealsEveryAnswer}).
 */
@Component
public class FeedbackAnonymity {

  /** Labels of the groups a result can have besides the rater groups. */
  public static final String ALL_OTHERS = "ALL_OTHERS";

  public static final String OTHERS = "OTHERS";

  private static final int SCALE_OPTIONS = 5;

  private final AnonymityRule rule;

  @org.springframework.beans.factory.annotation.Autowired
  FeedbackAnonymity(FeedbackSettings settings) {
    this(new AnonymityRule(settings.anonymityThreshold()));
  }

  FeedbackAnonymity(AnonymityRule rule) {
    this.rule = rule;
  }

  public int threshold() {
    return rule.threshold();
  }

  /**
   * One rater's answer on one behaviour, as the input of this class only. {@code respondent} is a
   * stable identity (a person id, or the e-mail address of a rater without one); rating null is
   * "not seen".
   */
  public record Answer(
      String respondent, RaterGroup group, boolean named, Integer rating, String comment) {}

  /**
   * A group's result. {@code outcome} is SHOWN, MERGED_INTO_OTHERS or HIDDEN; n, mean and rwg are
   * null unless shown (rwg also when the group answered all alike or has too few answers).
   */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public record GroupResult(String group, String outcome, Integer n, Double mean, Double rwg) {

    public boolean shown() {
      return "SHOWN".equals(outcome);
    }
  }

  /**
   * What may be shown of one behaviour.
   *
   * @param self the person's own rating (null: not given or "not seen")
   * @param namedManager the manager's rating when the manager chose to be named
   * @param allOthers every rater but the person, as a group
   * @param groups the rater groups that had answers, in the order of {@link RaterGroup}, then
   *     "others" when suppressed groups were merged into it
   * @param comments the raters' comments, sorted, when "all others" is shown; else empty
   */
  public record BehaviourResult(
      Integer self,
      String selfComment,
      Integer namedManager,
      String namedManagerComment,
      GroupResult allOthers,
      List<GroupResult> groups,
      List<String> comments) {}

  /**
   * The result, and the groups it made visible (with the groups visible before), to be passed as
   * {@code earlier} when the next round on the same behaviour is decided.
   */
  public record Decided(BehaviourResult result, List<Group<String>> visible) {}

  public BehaviourResult decide(List<Answer> answers) {
    return decide(answers, List.of()).result();
  }

  /**
   * Decides one behaviour of one round. {@code earlier} are the groups shown for the same behaviour
   * in the person's earlier rounds (respondents by the same stable identity): across rounds the
   * rule assumes that people answer the same way twice, so a group that differs from an earlier one
   * by a few people is not shown (the differencing attack across rounds).
   */
  public Decided decide(List<Answer> answers, List<Group<String>> earlier) {
    Integer self = null;
    String selfComment = null;
    Integer named = null;
    String namedComment = null;
    List<Group<String>> visible = new ArrayList<>(earlier);
    String namedManager = namedManager(answers, earlier);
    if (namedManager != null) {
      visible.add(new Group<>("named manager", Set.of(namedManager)));
    }
    Set<String> all = new LinkedHashSet<>();
    List<Answer> rated = new ArrayList<>();
    for (Answer given : answers) {
      // A manager whose name would give away others (see namedManager) counts anonymously.
      Answer a =
          given.named() && !given.respondent().equals(namedManager)
              ? new Answer(
                  given.respondent(), given.group(), false, given.rating(), given.comment())
              : given;
      if (a.group() == RaterGroup.SELF) {
        self = a.rating();
        selfComment = blankToNull(a.comment());
        continue;
      }
      if (a.group() == RaterGroup.MANAGER && a.named()) {
        named = a.rating();
        namedComment = blankToNull(a.comment());
      }
      if (a.rating() != null) {
        all.add(a.respondent());
        rated.add(a);
      }
    }

    List<Group<String>> candidates = new ArrayList<>();
    candidates.add(new Group<>(ALL_OTHERS, all));
    for (RaterGroup g : RaterGroup.values()) {
      if (g == RaterGroup.SELF) {
        continue;
      }
      Set<String> members = new LinkedHashSet<>();
      for (Answer a : rated) {
        if (a.group() == g && !(g == RaterGroup.MANAGER && a.named())) {
          members.add(a.respondent());
        }
      }
      if (!members.isEmpty()) {
        candidates.add(new Group<>(g.name(), members));
      }
    }
    AnonymityRule.Decision<String> decision = rule.decide(candidates, visible, OTHERS);

    GroupResult allOthers = null;
    List<GroupResult> groups = new ArrayList<>();
    for (AnonymityRule.Verdict<String> v : decision.verdicts()) {
      GroupResult r =
          v.shown()
              ? describe(v.group(), rated)
              : new GroupResult(v.group().label(), v.outcome().name(), null, null, null);
      if (v.group().label().equals(ALL_OTHERS)) {
        allOthers = r;
      } else {
        groups.add(r);
      }
    }
    decision.others().ifPresent(o -> groups.add(describe(o, rated)));

    List<String> comments = new ArrayList<>();
    if (allOthers != null && allOthers.shown()) {
      // Only of the raters counted in "all others": a comment beside "not seen" would come from
      // a set that no shown group stands for.
      for (Answer a : rated) {
        boolean byName = a.group() == RaterGroup.MANAGER && a.named();
        if (!byName && blankToNull(a.comment()) != null) {
          comments.add(a.comment().strip());
        }
      }
      comments.sort(Comparator.naturalOrder());
    }
    List<Group<String>> nowVisible = new ArrayList<>(visible);
    nowVisible.addAll(decision.shown());
    decision.others().ifPresent(nowVisible::add);
    return new Decided(
        new BehaviourResult(
            self,
            selfComment,
            named,
            namedComment,
            allOthers,
            List.copyOf(groups),
            List.copyOf(comments)),
        nowVisible);
  }

  /**
   * The manager who chose to be named and may be: their rating is shown on its own only when that,
   * with the groups shown in earlier rounds, makes no one else's answers derivable (say round 1
   * showed four managers together, and one of them is named in round 2: the other three would
   * follow). Null when there is none, or when naming would expose others.
   */
  private String namedManager(List<Answer> answers, List<Group<String>> earlier) {
    String manager = null;
    for (Answer a : answers) {
      if (a.group() == RaterGroup.MANAGER && a.named() && a.rating() != null) {
        manager = a.respondent();
        break;
      }
    }
    if (manager == null) {
      return null;
    }
    Set<Set<String>> before =
        new java.util.HashSet<>(rule.decide(List.<Group<String>>of(), earlier).priorExposures());
    List<Group<String>> with = new ArrayList<>(earlier);
    with.add(new Group<>("named manager", Set.of(manager)));
    for (Set<String> exposed : rule.decide(List.<Group<String>>of(), with).priorExposures()) {
      if (!before.contains(exposed) && !exposed.equals(Set.of(manager))) {
        return null;
      }
    }
    return manager;
  }

  private static GroupResult describe(Group<String> group, List<Answer> rated) {
    List<Integer> ratings = new ArrayList<>();
    for (Answer a : rated) {
      if (group.respondents().contains(a.respondent())) {
        ratings.add(a.rating());
      }
    }
    double[] values = ratings.stream().mapToDouble(Integer::doubleValue).toArray();
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= values.length;
    Double rwg = null;
    if (!AnonymityRule.revealsEveryAnswer(ratings)
        && RaterAgreement.rwg(values, SCALE_OPTIONS) instanceof RaterAgreement.Rwg r) {
      rwg = r.rwgJ();
    }
    return new GroupResult(group.label(), "SHOWN", values.length, mean, rwg);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  // --- the heatmap of others' ratings by unit (issue 5)

  /**
   * Others' ratings of one behaviour for a set of ratees: how many ratees, ratings and their total.
   * Only round contributions that passed the round gate (see {@link #heatmap}) are in it.
   */
  public record HeatSums(int ratees, long ratings, long total) {

    public static final HeatSums NONE = new HeatSums(0, 0, 0);

    public HeatSums plus(HeatSums o) {
      return new HeatSums(ratees + o.ratees, ratings + o.ratings, total + o.total);
    }
  }

  /**
   * One breakdown of a drill-down: a unit ({@code parent}, null for the top level), the sums of its
   * own ratees (not those of the units below it), and the sums of each unit just below it over that
   * unit's whole subtree.
   */
  public record Breakdown<K>(K parent, HeatSums parentOwn, Map<K, HeatSums> children) {}

  /** A heatmap cell: {@code ratings}, {@code ratees} and {@code mean} are null unless shown. */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public record HeatCell(boolean shown, Long ratings, Integer ratees, Double mean) {

    static final HeatCell HIDDEN = new HeatCell(false, null, null, null);

    /** The colour band of a shown mean: 0 for 1.0–1.5 up to 7 for 4.5–5.0; −1 when hidden. */
    public int band() {
      return mean == null ? -1 : (int) Math.max(0, Math.min(7, Math.floor((mean - 1) * 2)));
    }
  }

  /**
   * Which units of a drill-down may show their cell of one behaviour, for HR and sponsors.
   *
   * <p><b>Raters</b> (invariant 4) are protected before this method, by the <i>round gate</i> that
   * the caller applies in its query: a round counts for a behaviour only when at least {@link
   * #threshold()} others rated it there (the same condition as the person's own result). A round
   * lies wholly inside or outside every cell of every request (one ratee, one unit, one close
   * date), so every cell, and every set whose total follows from any number of cells of any units,
   * periods or moments, is a union of whole gated rounds: empty, or at least the threshold of
   * distinct raters (the raters of one round are distinct). That is why the count that matters for
   * raters is the raters of one round, and why it needs no memory of earlier requests.
   *
   * <p><b>Ratees</b> are protected here, so that HR never reads one person's result off a unit:
   * respondents are the ratees, and {@link AnonymityRule} decides each breakdown top-down: the top
   * units among themselves, then the units below a shown unit against it (the unit's own ratees are
   * the remainder that "unit minus its shown children" would give). Below a hidden unit every cell
   * is hidden (fail closed), and a unit's verdict never depends on the view it appears in, so the
   * views of the drill-down together are one laminar family decided by the same rule. Ratees are
   * counted, not listed: a branch of k ratees stands for min(k, threshold) placeholder respondents,
   * which keeps every "below the threshold or not" answer of the rule and its size small. Groups
   * merged into "others" are not shown (showing less is always allowed).
   *
   * @param path the breakdowns from the top down: the first with parent null; each next one of a
   *     unit among the children of the one before
   * @return a cell for every child of every breakdown
   */
  public <K> Map<K, HeatCell> heatmap(List<Breakdown<K>> path) {
    Map<K, HeatCell> cells = new java.util.LinkedHashMap<>();
    for (Breakdown<K> level : path) {
      boolean parentShown = level.parent() == null || cellShown(cells.get(level.parent()));
      if (!parentShown) {
        level.children().keySet().forEach(k -> cells.put(k, HeatCell.HIDDEN));
        continue;
      }
      // Largest first (true sizes), so that placeholder sizes capped at the threshold break ties
      // the way the rule would have on the real ones.
      List<Map.Entry<K, HeatSums>> order = new ArrayList<>(level.children().entrySet());
      order.sort(
          Comparator.comparingInt((Map.Entry<K, HeatSums> e) -> e.getValue().ratees()).reversed());
      List<Group<String>> candidates = new ArrayList<>();
      Set<String> parent = new LinkedHashSet<>();
      for (int i = 0; i < order.size(); i++) {
        Set<String> members = placeholders("c" + i, order.get(i).getValue().ratees());
        candidates.add(new Group<>("c" + i, members));
        parent.addAll(members);
      }
      List<Group<String>> visible = new ArrayList<>();
      if (level.parent() != null) {
        parent.addAll(placeholders("own", level.parentOwn().ratees()));
        visible.add(new Group<>("parent", parent));
      }
      AnonymityRule.Decision<String> decision = rule.decide(candidates, visible, OTHERS);
      for (int i = 0; i < order.size(); i++) {
        HeatSums sums = order.get(i).getValue();
        boolean shown = decision.verdicts().get(i).shown() && sums.ratings() > 0;
        cells.put(
            order.get(i).getKey(),
            shown
                ? new HeatCell(
                    true, sums.ratings(), sums.ratees(), (double) sums.total() / sums.ratings())
                : HeatCell.HIDDEN);
      }
    }
    return cells;
  }

  private static boolean cellShown(HeatCell cell) {
    return cell != null && cell.shown();
  }

  private Set<String> placeholders(String prefix, int count) {
    Set<String> members = new LinkedHashSet<>();
    for (int i = 0; i < Math.min(count, rule.threshold()); i++) {
      members.add(prefix + ":" + i);
    }
    return members;
  }
}
