package nl.orgcoach.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The span of sets' indicator vectors over people 0 … people − 1, by plain floating-point
 * elimination: an independent check of which sets' totals are derivable (tests only; the sets are
 * small enough that rounding is no issue at a tolerance of 1e-9).
 */
final class IndicatorSpan {
  private final int people;
  private final List<double[]> rows = new ArrayList<>();
  private final List<Integer> pivots = new ArrayList<>();

  IndicatorSpan(List<Set<Integer>> sets, int people) {
    this.people = people;
    for (var set : sets) {
      double[] v = indicator(set);
      reduce(v);
      int pivot = largest(v);
      if (Math.abs(v[pivot]) > 1e-9) {
        double scale = v[pivot];
        for (int i = 0; i < v.length; i++) {
          v[i] /= scale;
        }
        for (double[] row : rows) {
          double factor = row[pivot];
          for (int i = 0; i < v.length; i++) {
            row[i] -= factor * v[i];
          }
        }
        rows.add(v);
        pivots.add(pivot);
      }
    }
  }

  boolean contains(Collection<Integer> set) {
    double[] v = indicator(set);
    reduce(v);
    return Math.abs(v[largest(v)]) < 1e-9;
  }

  private double[] indicator(Collection<Integer> set) {
    double[] v = new double[people];
    set.forEach(p -> v[p] = 1);
    return v;
  }

  private void reduce(double[] v) {
    for (int r = 0; r < rows.size(); r++) {
      double factor = v[pivots.get(r)];
      if (factor != 0) {
        double[] row = rows.get(r);
        for (int i = 0; i < v.length; i++) {
          v[i] -= factor * row[i];
        }
      }
    }
  }

  private static int largest(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (Math.abs(v[i]) > Math.abs(v[best])) {
        best = i;
      }
    }
    return best;
  }
}
