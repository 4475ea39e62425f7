package nl.orgcoach.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import nl.orgcoach.stats.ReliableChange.Direction;
import nl.orgcoach.stats.ReliableChange.DurableShiftRule;
import nl.orgcoach.stats.ReliableChange.Reference;
import nl.orgcoach.stats.ReliableChange.ShiftStatus;
import org.junit.jupiter.api.Test;

class ReliableChangeTest {

  static final double TOLERANCE_PERCENT = 1e-5;

  /** s₁ = 10, r = 0.85: S_diff ≈ 5.477, minimum reliable change ≈ 10.735. */
  static final Reference REFERENCE = new Reference(10, 0.85);

  @Test
  void reproducesTheJacobsonTruaxVector() {
    var change = ReliableChange.between(62, 74, REFERENCE);

    assertThat(change.standardError()).isCloseTo(3.87298335, withinPercentage(TOLERANCE_PERCENT));
    assertThat(change.standardErrorOfDifference())
        .isCloseTo(5.47722558, withinPercentage(TOLERANCE_PERCENT));
    assertThat(change.rc()).isCloseTo(2.19089023, withinPercentage(TOLERANCE_PERCENT));
    assertThat(change.minimumReliableChange())
        .isCloseTo(10.7353621, withinPercentage(TOLERANCE_PERCENT));
    assertThat(change.reliable()).isTrue();
    assertThat(change.direction()).isEqualTo(Direction.UP);
  }

  @Test
  void aChangeBelowTheMinimumIsNotReliable() {
    var small = ReliableChange.between(62, 72, REFERENCE);
    assertThat(small.reliable()).isFalse();
    assertThat(small.direction()).isEqualTo(Direction.NONE);

    var down = ReliableChange.between(74, 62, REFERENCE);
    assertThat(down.rc()).isCloseTo(-2.19089023, withinPercentage(TOLERANCE_PERCENT));
    assertThat(down.direction()).isEqualTo(Direction.DOWN);
  }

  @Test
  void exactlyTheCriticalValueIsNotReliable() {
    var reference = new Reference(1 / Math.sqrt(2), 0.0); // S_diff = 1
    assertThat(ReliableChange.between(0, 1.96, reference).reliable()).isFalse();
    assertThat(ReliableChange.between(0, 1.9600001, reference).reliable()).isTrue();
  }

  @Test
  void refusesAReferenceThatCannotBeUsed() {
    assertThatThrownBy(() -> new Reference(0, 0.8)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Reference(10, 1.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Reference(10, -0.1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DurableShiftRule(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aShiftThatHoldsAtTheNextMeasurementIsDurable() {
    var shift =
        ReliableChange.durableShift(
            List.of(62.0, 65.0, 74.0, 75.0, 70.0), REFERENCE, DurableShiftRule.standard());

    assertThat(shift.status()).isEqualTo(ShiftStatus.DURABLE);
    assertThat(shift.start()).isEqualTo(2);
    assertThat(shift.direction()).isEqualTo(Direction.UP);
    assertThat(shift.changes()).hasSize(4);
    assertThat(shift.changes().get(1).rc()).isCloseTo(2.19089023, withinPercentage(1e-5));
  }

  @Test
  void aShiftThatFallsBackIsNotSustained() {
    var shift =
        ReliableChange.durableShift(
            List.of(62.0, 74.0, 64.0, 60.0), REFERENCE, DurableShiftRule.standard());

    assertThat(shift.status()).isEqualTo(ShiftStatus.NOT_SUSTAINED);
    assertThat(shift.start()).isEqualTo(-1);
  }

  @Test
  void aShiftThatReversesIsNotDurable() {
    var shift =
        ReliableChange.durableShift(
            List.of(62.0, 74.0, 50.0), REFERENCE, DurableShiftRule.standard());

    // Up at 1 is contradicted at 2; down at 2 has no measurement after it yet.
    assertThat(shift.status()).isEqualTo(ShiftStatus.AWAITING_CONFIRMATION);
    assertThat(shift.start()).isEqualTo(2);
    assertThat(shift.direction()).isEqualTo(Direction.DOWN);
  }

  @Test
  void aReliableChangeAtTheLastMeasurementAwaitsConfirmation() {
    var shift =
        ReliableChange.durableShift(
            List.of(62.0, 64.0, 80.0), REFERENCE, DurableShiftRule.standard());
    assertThat(shift.status()).isEqualTo(ShiftStatus.AWAITING_CONFIRMATION);
    assertThat(shift.start()).isEqualTo(2);
  }

  @Test
  void moreConfirmationsNeedMoreMeasurements() {
    List<Double> series = List.of(62.0, 75.0, 76.0, 77.0);
    assertThat(ReliableChange.durableShift(series, REFERENCE, new DurableShiftRule(2)).status())
        .isEqualTo(ShiftStatus.DURABLE);
    assertThat(ReliableChange.durableShift(series, REFERENCE, new DurableShiftRule(3)).status())
        .isEqualTo(ShiftStatus.AWAITING_CONFIRMATION);
  }

  @Test
  void noChangeAndTooLittleData() {
    assertThat(
            ReliableChange.durableShift(
                    List.of(62.0, 63.0, 61.0), REFERENCE, DurableShiftRule.standard())
                .status())
        .isEqualTo(ShiftStatus.NO_RELIABLE_CHANGE);
    assertThat(
            ReliableChange.durableShift(List.of(62.0), REFERENCE, DurableShiftRule.standard())
                .status())
        .isEqualTo(ShiftStatus.NOT_ENOUGH_DATA);
    assertThat(
            ReliableChange.durableShift(List.of(), REFERENCE, DurableShiftRule.standard()).status())
        .isEqualTo(ShiftStatus.NOT_ENOUGH_DATA);
  }

  @Test
  void theRuleDescribesItself() {
    assertThat(new DurableShiftRule(2).describe()).contains("|RC| > 1.96").contains("2 following");
  }
}
