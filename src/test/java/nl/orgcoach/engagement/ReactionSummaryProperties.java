package nl.orgcoach.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import tools.jackson.databind.json.JsonMapper;

/**
 * The threshold rule of reactions as properties: below 3 answers nothing but their number leaks
 * (not even through the JSON the API sends), from 3 on the summary is consistent and does not
 * depend on the order the answers came in (which could point at who gave them).
 */
class ReactionSummaryProperties {

  @Provide
  Arbitrary<ReactionSummary.Rated> answer() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 5),
            Arbitraries.oneOf(
                Arbitraries.just(null), Arbitraries.strings().ofMaxLength(40).injectNull(0.2)))
        .as((rating, comment) -> new ReactionSummary.Rated(rating, (String) comment));
  }

  @Provide
  Arbitrary<List<ReactionSummary.Rated>> fewer() {
    return answer().list().ofMaxSize(ReactionSummary.THRESHOLD - 1);
  }

  @Provide
  Arbitrary<List<ReactionSummary.Rated>> enough() {
    return answer().list().ofMinSize(ReactionSummary.THRESHOLD).ofMaxSize(40);
  }

  @Property(tries = 500)
  void belowTheThresholdOnlyTheCountLeaks(@ForAll("fewer") List<ReactionSummary.Rated> answers) {
    ReactionSummary s = ReactionSummary.of(answers);
    assertThat(s)
        .isEqualTo(
            new ReactionSummary(
                answers.size(), ReactionSummary.THRESHOLD, false, null, null, null));
    JsonMapper json = JsonMapper.builder().build();
    java.util.Map<?, ?> sent = json.readValue(json.writeValueAsString(s), java.util.Map.class);
    assertThat(sent)
        .isEqualTo(java.util.Map.of("answers", answers.size(), "threshold", 3, "shown", false));
  }

  @Property(tries = 300)
  void fromTheThresholdTheSummaryAddsUpAndIgnoresTheOrder(
      @ForAll("enough") List<ReactionSummary.Rated> answers, @ForAll @IntRange int seed) {
    ReactionSummary s = ReactionSummary.of(answers);
    assertThat(s.shown()).isTrue();
    assertThat(s.answers()).isEqualTo(answers.size());
    assertThat(s.distribution()).hasSize(5);
    assertThat(s.distribution().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(answers.size());
    assertThat(s.mean()).isBetween(1.0, 5.0);
    assertThat(s.comments().size()).isLessThanOrEqualTo(answers.size());
    List<ReactionSummary.Rated> shuffled = new ArrayList<>(answers);
    Collections.shuffle(shuffled, new Random(seed));
    assertThat(ReactionSummary.of(shuffled)).isEqualTo(s);
  }

  @Property(tries = 50)
  void theThresholdIsThree(@ForAll @IntRange(min = 0, max = 10) int n) {
    List<ReactionSummary.Rated> answers =
        Collections.nCopies(n, new ReactionSummary.Rated(4, "goed"));
    assertThat(ReactionSummary.of(answers).shown()).isEqualTo(n >= 3);
  }
}
