package nl.orgcoach.engagement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What may be shown of the reactions to one intervention — the one place of the threshold rule.
 * Below {@link #THRESHOLD} answers only their number is known: no mean, no distribution, no
 * comments, so that nobody can work out one participant's rating. From the threshold on: the mean,
 * the number of answers per rating (1 to 5) and the comments, without names and sorted
 * alphabetically (not in the order they came, which could point at who wrote them).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReactionSummary(
    int answers,
    int threshold,
    boolean shown,
    Double mean,
    List<Long> distribution,
    List<String> comments) {

  static final int THRESHOLD = 3;

  /** One answer as it enters the summary: never with who gave it. */
  record Rated(int rating, String comment) {}

  static ReactionSummary of(List<Rated> answers) {
    int n = answers.size();
    if (n < THRESHOLD) {
      return new ReactionSummary(n, THRESHOLD, false, null, null, null);
    }
    double mean = answers.stream().mapToInt(Rated::rating).average().orElse(0);
    List<Long> distribution =
        java.util.stream.IntStream.rangeClosed(Reaction.LOWEST, Reaction.HIGHEST)
            .mapToObj(v -> answers.stream().filter(a -> a.rating() == v).count())
            .toList();
    List<String> comments =
        answers.stream()
            .map(Rated::comment)
            .filter(Objects::nonNull)
            .map(String::strip)
            .filter(c -> !c.isEmpty())
            .sorted(
                Comparator.comparing((String c) -> c.toLowerCase(Locale.ROOT))
                    .thenComparing(Comparator.naturalOrder()))
            .toList();
    return new ReactionSummary(
        n, THRESHOLD, true, Math.round(mean * 10) / 10.0, distribution, comments);
  }
}
