package nl.orgcoach.stats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Reads the test vectors of METHODS.md from src/test/resources/reference-data. */
final class ReferenceData {

  private ReferenceData() {}

  /** The rows of a CSV file without its header, split on commas (the vectors have no quoting). */
  static List<String[]> rows(String file) {
    var in =
        Objects.requireNonNull(
            ReferenceData.class.getResourceAsStream("/reference-data/" + file), file);
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String[]> rows = new ArrayList<>();
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          rows.add(line.split(","));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
