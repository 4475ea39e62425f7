package nl.orgcoach.feedback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
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
}
