package nl.orgcoach.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import nl.orgcoach.stats.AnonymityRule;

/**
 * For random rater sets (groups of 0-7, "not seen" answers, a manager who may be named) and
 * thresholds, what {@link FeedbackAnonymity} lets through reveals no group under the threshold:
 * checked here independently of the rule, from the respondents behind every shown number.
 */
class FeedbackAnonymityProperties {

  @Property(tries = 2000)
  void noShownNumberStandsForFewerThanTheThresholdOrForASmallDifference(
      @ForAll("answers") List<FeedbackAnonymity.Answer> answers,
      @ForAll @IntRange(min = 3, max = 5) int threshold) {
    FeedbackAnonymity anonymity = new FeedbackAnonymity(new AnonymityRule(threshold));
    FeedbackAnonymity.BehaviourResult result = anonymity.decide(answers);

    // Who is behind each label, recomputed from the input.
    Map<String, Set<String>> members = new LinkedHashMap<>();
    Set<String> named = new HashSet<>();
    Set<String> all = new HashSet<>();
    for (var a : answers) {
      if (a.group() == RaterGroup.SELF || a.rating() == null) {
        continue;
      }
      all.add(a.respondent());
      if (a.group() == RaterGroup.MANAGER && a.named()) {
        named.add(a.respondent());
      } else {
        members.computeIfAbsent(a.group().name(), k -> new HashSet<>()).add(a.respondent());
      }
    }
    members.put(FeedbackAnonymity.ALL_OTHERS, all);
    Set<String> merged = new HashSet<>();
    for (var g : result.groups()) {
      if (g.outcome().equals("MERGED_INTO_OTHERS")) {
        merged.addAll(members.get(g.group()));
      }
    }
    members.put(FeedbackAnonymity.OTHERS, merged);

    List<FeedbackAnonymity.GroupResult> every = new ArrayList<>(result.groups());
    every.add(result.allOthers());
    List<Set<String>> shown = new ArrayList<>();
    for (var g : every) {
      Set<String> behind = members.get(g.group());
      if (g.shown()) {
        assertThat(behind.size()).as("%s shown", g.group()).isGreaterThanOrEqualTo(threshold);
        assertThat(g.n()).isEqualTo(behind.size());
        shown.add(behind);
      } else {
        assertThat(g.n()).as("%s not shown has no n", g.group()).isNull();
        assertThat(g.mean()).isNull();
        assertThat(g.rwg()).isNull();
      }
    }
    // No two shown groups, nor a shown group and the named manager's own rating, differ by 1..t-1
    // people when one contains the other; nor does "all others" minus the shown groups inside it
    // (disjoint ones) leave 1..t-1 people besides the named manager.
    List<Set<String>> visible = new ArrayList<>(shown);
    if (!named.isEmpty()) {
      visible.add(named);
    }
    for (Set<String> x : visible) {
      for (Set<String> y : visible) {
        if (x != y && x.containsAll(y)) {
          int d = x.size() - y.size();
          assertThat(d == 0 || d >= threshold || (y == named || x == named) && d == 0)
              .as("difference of %s and %s", x, y)
              .isTrue();
        }
      }
    }
    if (result.allOthers().shown()) {
      Set<String> rest = new HashSet<>(all);
      rest.removeAll(named);
      for (Set<String> s : shown) {
        if (s != all && all.containsAll(s) && rest.containsAll(s)) {
          rest.removeAll(s);
        }
      }
      assertThat(rest.isEmpty() || rest.size() >= threshold).as("remainder %s", rest).isTrue();
    }
    // Comments only with "all others" shown.
    if (!result.allOthers().shown()) {
      assertThat(result.comments()).isEmpty();
    }
  }

  @Property(tries = 1000)
  void acrossTwoRoundsNoTwoShownGroupsDifferByAFewPeople(
      @ForAll("answers") List<FeedbackAnonymity.Answer> first,
      @ForAll("answers") List<FeedbackAnonymity.Answer> second,
      @ForAll @IntRange(min = 3, max = 4) int threshold) {
    // The same respondent ids ("r0", "r1", ...) in both rounds: the same people rating again.
    FeedbackAnonymity anonymity = new FeedbackAnonymity(new AnonymityRule(threshold));
    var one = anonymity.decide(first, List.of());
    var two = anonymity.decide(second, one.visible());

    // The managers actually shown by name (naming is refused when it would expose others).
    Set<String> named = new HashSet<>();
    for (var a : first) {
      if (a.named() && a.rating() != null && one.result().namedManager() != null) {
        named.add(a.respondent());
      }
    }
    for (var a : second) {
      if (a.named() && a.rating() != null && two.result().namedManager() != null) {
        named.add(a.respondent());
      }
    }
    List<Set<String>> shown = new ArrayList<>();
    for (var g : two.visible()) {
      if (!g.label().equals("named manager")) {
        shown.add(g.respondents());
      }
    }
    for (Set<String> x : shown) {
      assertThat(x.size()).isGreaterThanOrEqualTo(threshold);
      for (Set<String> y : shown) {
        if (x != y && x.containsAll(y)) {
          Set<String> difference = new HashSet<>(x);
          difference.removeAll(y);
          difference.removeAll(named);
          assertThat(difference.isEmpty() || difference.size() >= threshold)
              .as("%s minus %s", x, y)
              .isTrue();
        }
      }
    }
  }

  @Provide
  Arbitrary<List<FeedbackAnonymity.Answer>> answers() {
    Arbitrary<FeedbackAnonymity.Answer> one =
        Combinators.combine(
                Arbitraries.of(
                    RaterGroup.MANAGER,
                    RaterGroup.PEER,
                    RaterGroup.DIRECT_REPORT,
                    RaterGroup.OTHER),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 5),
                Arbitraries.of("", "goed", "meer doorvragen"))
            .as(
                (g, named, r, c) ->
                    new FeedbackAnonymity.Answer(null, g, named, r == 0 ? null : r, c));
    return one.list()
        .ofMinSize(0)
        .ofMaxSize(16)
        .map(
            list -> {
              List<FeedbackAnonymity.Answer> out = new ArrayList<>();
              out.add(new FeedbackAnonymity.Answer("self", RaterGroup.SELF, false, 3, "zelf"));
              boolean namedManagerSeen = false;
              for (int i = 0; i < list.size(); i++) {
                var a = list.get(i);
                // At most one named manager, as the round has one manager who chose.
                boolean named = a.group() == RaterGroup.MANAGER && a.named() && !namedManagerSeen;
                namedManagerSeen |= named;
                out.add(
                    new FeedbackAnonymity.Answer(
                        "r" + i, a.group(), named, a.rating(), a.comment()));
              }
              return out;
            });
  }
}
