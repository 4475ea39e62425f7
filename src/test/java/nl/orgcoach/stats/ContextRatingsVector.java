package nl.orgcoach.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference vector context_ratings_example.csv of METHODS.md §4 (a copy in
 * src/test/resources/reference-data): one person's ratings per context.
 */
final class ContextRatingsVector {

  private ContextRatingsVector() {}

  /** Ratings per context, in the file's order: superiors, peers, subordinates. */
  static Map<String, double[]> ratings() {
    Map<String, List<Double>> byContext = new LinkedHashMap<>();
    List<String> lines = lines();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",");
      byContext
          .computeIfAbsent(cells[0].trim(), c -> new ArrayList<>())
          .add(Double.valueOf(cells[1].trim()));
    }
    Map<String, double[]> result = new LinkedHashMap<>();
    byContext.forEach(
        (context, ratings) ->
            result.put(context, ratings.stream().mapToDouble(Double::doubleValue).toArray()));
    return result;
  }

  private static List<String> lines() {
    try (var in =
        ContextRatingsVector.class.getResourceAsStream(
            "/reference-data/context_ratings_example.csv")) {
      if (in == null) {
        throw new IllegalStateException("missing reference-data/context_ratings_example.csv");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
