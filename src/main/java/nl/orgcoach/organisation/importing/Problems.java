package nl.orgcoach.organisation.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.orgcoach.platform.UserError;
import nl.orgcoach.platform.UserError.Problem;

/**
 * Collects the problems of one file. Every problem is counted, but only the first few are kept: a
 * garbage file can have a problem on every line, and the report has to stay readable and small.
 */
final class Problems {

  static final int REPORTED = 200;
  private static final int KEPT = 10_000;

  private final List<Problem> kept = new ArrayList<>();
  private int count;

  void add(int line, String field, String key, Object... args) {
    count++;
    if (kept.size() < KEPT) {
      List<String> texts = new ArrayList<>(args.length);
      for (Object a : args) {
        texts.add(String.valueOf(a));
      }
      kept.add(new Problem(line, field, key, texts));
    }
  }

  boolean isEmpty() {
    return count == 0;
  }

  int count() {
    return count;
  }

  /** Throws the report if there is anything to report. */
  void throwIfAny() {
    if (count > 0) {
      throw failure();
    }
  }

  UserError failure() {
    List<Problem> sorted = new ArrayList<>(kept);
    sorted.sort(Comparator.comparing(Problem::line, Comparator.nullsFirst(Integer::compare)));
    List<Problem> report = new ArrayList<>(sorted.subList(0, Math.min(REPORTED, sorted.size())));
    if (count > report.size()) {
      report.add(
          new Problem(
              null, null, "import.problems.more", List.of(String.valueOf(count - report.size()))));
    }
    return new UserError("import.failed", report, count);
  }

  /** A problem with the file as a whole (encoding, header), reported on its own. */
  static UserError fileProblem(Integer line, String field, String key, Object... args) {
    List<String> texts = new ArrayList<>();
    for (Object a : args) {
      texts.add(String.valueOf(a));
    }
    return new UserError("import.failed", List.of(new Problem(line, field, key, texts)), 1);
  }
}
