package nl.orgcoach.feedback;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.orgcoach.feedback.FeedbackAnonymity.HeatSums;

/**
 * The input of the HR heatmap for one client, held in memory: every row of {@code feedback_heat}
 * that passes the round gate (one per closed round and framework behaviour: the ratee, when it
 * closed, the number and total of the ratings by others), and the current unit of each ratee.
 * Grouping some 200,000 such rows by unit and behaviour took PostgreSQL 300–500 ms per request on
 * two cores, of which most was hashing and sending 47,000 groups keyed by two UUIDs; here one pass
 * over a few arrays takes milliseconds, for any period.
 *
 * <p>Immutable: {@link FeedbackHeatmap} builds a new one when a round has been summarised or
 * someone moved, and requests read whichever one they got. Rows below the round gate are left out
 * when it is built (the threshold of a running application does not change).
 */
final class HeatFacts {

  // A row of feedback_heat as read, before the UUIDs are numbered. (No javadoc: Modulith's
  // documenter
  // fails on this nested record when it has one: "No signature found in source map".)
  record Row(UUID behaviour, UUID ratee, long closedAt, int ratings, int total) {}

  private final int[] behaviour;
  private final int[] ratee;
  private final long[] closedAt;
  private final int[] ratings;
  private final int[] total;
  private final Map<UUID, Integer> behaviourIndex;
  private final UUID[] ratees;
  private final UUID[] rateeUnit;

  private HeatFacts(
      int[] behaviour,
      int[] ratee,
      long[] closedAt,
      int[] ratings,
      int[] total,
      Map<UUID, Integer> behaviourIndex,
      UUID[] ratees,
      UUID[] rateeUnit) {
    this.behaviour = behaviour;
    this.ratee = ratee;
    this.closedAt = closedAt;
    this.ratings = ratings;
    this.total = total;
    this.behaviourIndex = behaviourIndex;
    this.ratees = ratees;
    this.rateeUnit = rateeUnit;
  }

  /**
   * The facts of these rows (those with at least {@code threshold} ratings by others), with the
   * units of the ratees from {@code unitOf} (a ratee without a unit there counts nowhere).
   */
  static HeatFacts of(List<Row> rows, int threshold, Map<UUID, UUID> unitOf) {
    Map<UUID, Integer> behaviours = new HashMap<>();
    Map<UUID, Integer> rateeIndex = new HashMap<>();
    int n = 0;
    int[] behaviour = new int[rows.size()];
    int[] ratee = new int[rows.size()];
    long[] closedAt = new long[rows.size()];
    int[] ratings = new int[rows.size()];
    int[] total = new int[rows.size()];
    for (Row row : rows) {
      if (row.ratings() < threshold) {
        continue;
      }
      behaviour[n] = behaviours.computeIfAbsent(row.behaviour(), k -> behaviours.size());
      ratee[n] = rateeIndex.computeIfAbsent(row.ratee(), k -> rateeIndex.size());
      closedAt[n] = row.closedAt();
      ratings[n] = row.ratings();
      total[n] = row.total();
      n++;
    }
    UUID[] ratees = new UUID[rateeIndex.size()];
    rateeIndex.forEach((id, i) -> ratees[i] = id);
    return new HeatFacts(
        Arrays.copyOf(behaviour, n),
        Arrays.copyOf(ratee, n),
        Arrays.copyOf(closedAt, n),
        Arrays.copyOf(ratings, n),
        Arrays.copyOf(total, n),
        Map.copyOf(behaviours),
        ratees,
        units(ratees, unitOf));
  }

  /** The same facts with the units of the ratees as {@code unitOf} has them now (someone moved). */
  HeatFacts withUnits(Map<UUID, UUID> unitOf) {
    return new HeatFacts(
        behaviour, ratee, closedAt, ratings, total, behaviourIndex, ratees, units(ratees, unitOf));
  }

  private static UUID[] units(UUID[] ratees, Map<UUID, UUID> unitOf) {
    UUID[] units = new UUID[ratees.length];
    for (int i = 0; i < ratees.length; i++) {
      units[i] = unitOf.get(ratees[i]);
    }
    return units;
  }

  int size() {
    return behaviour.length;
  }

  /**
   * Per column and unit (as numbered by {@code unitIndex}, {@code units} of them): the distinct
   * ratees, the ratings and their total, of the rows that closed from {@code start} up to but not
   * including {@code end} (epoch milliseconds). A ratee with several rounds in the period counts
   * once per column.
   */
  HeatSums[][] own(List<UUID> columns, long start, long end, Map<UUID, Integer> unitIndex) {
    int units = unitIndex.size();
    int[] columnOf = new int[behaviourIndex.size()];
    Arrays.fill(columnOf, -1);
    for (int c = 0; c < columns.size(); c++) {
      Integer b = behaviourIndex.get(columns.get(c));
      if (b != null) {
        columnOf[b] = c;
      }
    }
    int[] unitOfRatee = new int[ratees.length];
    for (int r = 0; r < ratees.length; r++) {
      Integer u = rateeUnit[r] == null ? null : unitIndex.get(rateeUnit[r]);
      unitOfRatee[r] = u == null ? -1 : u;
    }
    int columnCount = columns.size();
    int[] people = new int[columnCount * units];
    long[] sum = new long[columnCount * units];
    long[] count = new long[columnCount * units];
    boolean[] seen = new boolean[columnCount * ratees.length];
    for (int i = 0; i < behaviour.length; i++) {
      int c = columnOf[behaviour[i]];
      int u = unitOfRatee[ratee[i]];
      if (c < 0 || u < 0 || closedAt[i] < start || closedAt[i] >= end) {
        continue;
      }
      int cell = c * units + u;
      count[cell] += ratings[i];
      sum[cell] += total[i];
      int once = c * ratees.length + ratee[i];
      if (!seen[once]) {
        seen[once] = true;
        people[cell]++;
      }
    }
    HeatSums[][] own = new HeatSums[columnCount][units];
    for (int c = 0; c < columnCount; c++) {
      for (int u = 0; u < units; u++) {
        int cell = c * units + u;
        own[c][u] =
            people[cell] == 0 ? HeatSums.NONE : new HeatSums(people[cell], count[cell], sum[cell]);
      }
    }
    return own;
  }
}
