package nl.orgcoach.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Did this person, team or relationship really change between two measurements, and did the change
 * last?
 *
 * <p>Reliable change index (Jacobson &amp; Truax 1991, <i>J. Consulting and Clinical Psychology</i>
 * 59:12–19): S_E = s₁√(1 − r), S_diff = √2·S_E, RC = (x₂ − x₁)/S_diff; the change is reliable when
 * |RC| &gt; 1.96 (two-sided 5%). The minimum reliable change is 1.96·S_diff. s₁ and r come from a
 * reference sample ({@link Reference}): for individual scores the SD of the scale and its
 * reliability; for team means the SD of team means and ICC(2) (see {@link RaterAgreement}).
 *
 * <p><b>Durable shift</b> (our rule, {@link DurableShiftRule}): a series x₀, x₁, …, xₙ of
 * measurements of the same thing, x₀ the baseline. A shift <i>starts</i> at t ≥ 1 when x_t differs
 * reliably from x₀; it is <i>durable</i> when each of the next {@code confirmations} measurements
 * x_{t+1} … x_{t+c} also differs reliably from x₀ in the same direction. Checking every t means
 * many tests on noisy data; requiring the change to hold at the following measurement(s) is what
 * keeps one lucky (or unlucky) round from being reported as a shift. The first t that is confirmed
 * is reported; if none is, the series says whether a reliable change is still awaiting its
 * confirmation (the latest measurements) or did not hold.
 */
public final class ReliableChange {

  /** The two-sided 5% critical value of the standard normal distribution, as in J&amp;T 1991. */
  public static final double CRITICAL_VALUE = 1.96;

  private ReliableChange() {}

  /**
   * The reference sample's spread and reliability of the measure.
   *
   * @param sd s₁, the standard deviation of the measure in the reference sample (pre-test)
   * @param reliability r, test–retest or internal consistency reliability (ICC(2) for team means),
   *     0 ≤ r &lt; 1
   */
  public record Reference(double sd, double reliability) {
    public Reference {
      if (!Double.isFinite(sd) || sd <= 0) {
        throw new IllegalArgumentException("the reference SD must be > 0, was " + sd);
      }
      if (!Double.isFinite(reliability) || reliability < 0 || reliability >= 1) {
        throw new IllegalArgumentException(
            "the reliability must be in [0, 1), was "
                + reliability
                + "; with r = 1 every difference would count as reliable");
      }
    }

    /** S_E = s₁√(1 − r). */
    public double standardError() {
      return sd * Math.sqrt(1 - reliability);
    }

    /** S_diff = √2·S_E. */
    public double standardErrorOfDifference() {
      return Math.sqrt(2) * standardError();
    }

    /** The smallest |x₂ − x₁| that counts as reliable: 1.96·S_diff. */
    public double minimumReliableChange() {
      return CRITICAL_VALUE * standardErrorOfDifference();
    }
  }

  public enum Direction {
    UP,
    DOWN,
    NONE
  }

  /**
   * One comparison of two measurements.
   *
   * @param rc the reliable change index
   * @param direction UP or DOWN when reliable, otherwise NONE
   */
  public record Change(
      double before,
      double after,
      double standardError,
      double standardErrorOfDifference,
      double rc,
      double minimumReliableChange,
      boolean reliable,
      Direction direction) {}

  public static Change between(double before, double after, Reference reference) {
    if (!Double.isFinite(before) || !Double.isFinite(after)) {
      throw new IllegalArgumentException("measurements must be finite numbers");
    }
    double sDiff = reference.standardErrorOfDifference();
    double rc = (after - before) / sDiff;
    boolean reliable = Math.abs(rc) > CRITICAL_VALUE;
    Direction direction = !reliable ? Direction.NONE : rc > 0 ? Direction.UP : Direction.DOWN;
    return new Change(
        before,
        after,
        reference.standardError(),
        sDiff,
        rc,
        reference.minimumReliableChange(),
        reliable,
        direction);
  }

  /**
   * How many measurements after the first reliable one must confirm it.
   *
   * @param confirmations c ≥ 1; the default is 1 (reliable now and at the next measurement)
   */
  public record DurableShiftRule(int confirmations) {
    public DurableShiftRule {
      if (confirmations < 1) {
        throw new IllegalArgumentException("a durable shift needs at least 1 confirmation");
      }
    }

    public static DurableShiftRule standard() {
      return new DurableShiftRule(1);
    }

    public String describe() {
      return "reliable change from the baseline (|RC| > 1.96), in the same direction at "
          + confirmations
          + " following measurement(s)";
    }
  }

  public enum ShiftStatus {
    /** A reliable change held at the required following measurements. */
    DURABLE,
    /** A reliable change at the latest measurement(s), not yet followed by enough measurements. */
    AWAITING_CONFIRMATION,
    /** There were reliable changes, but none held. */
    NOT_SUSTAINED,
    /** No measurement differs reliably from the baseline. */
    NO_RELIABLE_CHANGE,
    /** Fewer than two measurements. */
    NOT_ENOUGH_DATA
  }

  /**
   * The verdict on a series, with its evidence.
   *
   * @param start index of the first measurement of the reported shift (durable or awaiting), or -1
   * @param changes for every measurement t ≥ 1 its comparison with the baseline x₀, the evidence
   *     behind the status
   */
  public record Shift(
      ShiftStatus status,
      int start,
      Direction direction,
      DurableShiftRule rule,
      Reference reference,
      List<Change> changes) {
    public Shift {
      changes = List.copyOf(changes);
    }
  }

  /** Applies the durable-shift rule to a series whose first value is the baseline. */
  public static Shift durableShift(
      List<Double> series, Reference reference, DurableShiftRule rule) {
    if (series.size() < 2) {
      return new Shift(ShiftStatus.NOT_ENOUGH_DATA, -1, Direction.NONE, rule, reference, List.of());
    }
    double baseline = series.get(0);
    List<Change> changes = new ArrayList<>();
    for (int t = 1; t < series.size(); t++) {
      changes.add(between(baseline, series.get(t), reference));
    }
    boolean anyReliable = false;
    for (int t = 1; t < series.size(); t++) {
      Change first = changes.get(t - 1);
      if (!first.reliable()) {
        continue;
      }
      anyReliable = true;
      int confirmed = 0;
      boolean broken = false;
      for (int u = t + 1; u < series.size() && confirmed < rule.confirmations(); u++) {
        if (changes.get(u - 1).direction() == first.direction()) {
          confirmed++;
        } else {
          broken = true;
          break;
        }
      }
      if (confirmed == rule.confirmations()) {
        return new Shift(ShiftStatus.DURABLE, t, first.direction(), rule, reference, changes);
      }
      if (!broken) {
        // Reliable up to the last measurement, only too recent to be confirmed yet.
        return new Shift(
            ShiftStatus.AWAITING_CONFIRMATION, t, first.direction(), rule, reference, changes);
      }
    }
    return new Shift(
        anyReliable ? ShiftStatus.NOT_SUSTAINED : ShiftStatus.NO_RELIABLE_CHANGE,
        -1,
        Direction.NONE,
        rule,
        reference,
        changes);
  }
}
