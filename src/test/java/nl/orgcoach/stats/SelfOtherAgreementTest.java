package nl.orgcoach.stats;

import static nl.orgcoach.stats.SelfOtherAgreement.Category.IN_AGREEMENT_GOOD;
import static nl.orgcoach.stats.SelfOtherAgreement.Category.IN_AGREEMENT_POOR;
import static nl.orgcoach.stats.SelfOtherAgreement.Category.OVER_ESTIMATOR;
import static nl.orgcoach.stats.SelfOtherAgreement.Category.UNDER_ESTIMATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import nl.orgcoach.stats.SelfOtherAgreement.Categorised;
import nl.orgcoach.stats.SelfOtherAgreement.Centre;
import nl.orgcoach.stats.SelfOtherAgreement.NotEnoughData;
import nl.orgcoach.stats.SelfOtherAgreement.Ratings;
import nl.orgcoach.stats.SelfOtherAgreement.ReferenceSample;
import nl.orgcoach.stats.SelfOtherAgreement.Settings;
import org.junit.jupiter.api.Test;

class SelfOtherAgreementTest {

  /** Relative tolerance 1e-7, as METHODS.md asks (withinPercentage takes percent). */
  static final double TOLERANCE_PERCENT = 1e-5;

  static List<Ratings> example() {
    return ReferenceData.rows("self_other_example.csv").stream()
        .map(r -> new Ratings(r[0], Double.parseDouble(r[1]), Double.parseDouble(r[2])))
        .toList();
  }

  @Test
  void reproducesTheReferenceVector() {
    var result = (Categorised) SelfOtherAgreement.classify(example(), Settings.standard());

    assertThat(result.reference().meanDifference()).isCloseTo(0.09, withinPercentage(1e-5));
    assertThat(result.reference().sdDifference())
        .isCloseTo(0.600832755, withinPercentage(TOLERANCE_PERCENT));
    assertThat(result.lower()).isCloseTo(-0.210416378, withinPercentage(TOLERANCE_PERCENT));
    assertThat(result.upper()).isCloseTo(0.390416378, withinPercentage(TOLERANCE_PERCENT));
    assertThat(result.reference().meanOthers()).isCloseTo(3.66, withinPercentage(1e-5));
    assertThat(result.categories())
        .containsExactly(
            OVER_ESTIMATOR,
            UNDER_ESTIMATOR,
            IN_AGREEMENT_GOOD,
            OVER_ESTIMATOR,
            OVER_ESTIMATOR,
            UNDER_ESTIMATOR,
            UNDER_ESTIMATOR,
            IN_AGREEMENT_POOR,
            IN_AGREEMENT_GOOD,
            UNDER_ESTIMATOR);
    assertThat(result.placements().get(0).ratings().ratee()).isEqualTo("1");
  }

  @Test
  void centreZeroShiftsTheBandToZero() {
    var settings = Settings.standard().withCentre(Centre.ZERO);
    var result = (Categorised) SelfOtherAgreement.classify(example(), settings);

    assertThat(result.centre()).isZero();
    assertThat(result.lower()).isCloseTo(-0.300416378, withinPercentage(TOLERANCE_PERCENT));
    assertThat(result.upper()).isCloseTo(0.300416378, withinPercentage(TOLERANCE_PERCENT));
    // Ratee 3 (D = -0.1) stays in agreement; ratees 8 and 9 (D = 0.2) too.
    assertThat(result.categories().get(2)).isEqualTo(IN_AGREEMENT_GOOD);
    assertThat(result.categories().get(7)).isEqualTo(IN_AGREEMENT_POOR);
    assertThat(result.categories().get(8)).isEqualTo(IN_AGREEMENT_GOOD);
    assertThat(result.categories().get(1)).isEqualTo(UNDER_ESTIMATOR);
  }

  @Test
  void aWiderBandPutsMoreRateesInAgreement() {
    var narrow = (Categorised) SelfOtherAgreement.classify(example(), Settings.standard());
    var wide = (Categorised) SelfOtherAgreement.classify(example(), Settings.standard().withM(1.0));

    assertThat(wide.upper() - wide.lower())
        .isCloseTo(2 * 0.600832755, withinPercentage(TOLERANCE_PERCENT));
    long agreeNarrow = narrow.categories().stream().filter(c -> c.name().startsWith("IN")).count();
    long agreeWide = wide.categories().stream().filter(c -> c.name().startsWith("IN")).count();
    assertThat(agreeWide).isGreaterThan(agreeNarrow);
  }

  @Test
  void settingsDescribeThemselvesForReports() {
    assertThat(Settings.standard().describe())
        .isEqualTo("centre = mean D, m = 0.5, reference n >= 10");
    assertThat(Settings.standard().withCentre(Centre.ZERO).withM(1).describe())
        .isEqualTo("centre = 0, m = 1, reference n >= 10");
    assertThatThrownBy(() -> Settings.standard().withM(-0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Settings.standard().withMinimumReferenceSize(1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onePersonsRoundsArePlacedAgainstAReferenceSample() {
    var reference = ReferenceSample.of(example());
    var rounds =
        List.of(
            new Ratings("round 1", 4.8, 3.5), // D = 1.3: over
            new Ratings("round 2", 4.2, 3.9), // D = 0.3: in the band, Ō above 3.66
            new Ratings("round 3", 3.4, 3.5)); // D = -0.1: in the band, Ō below 3.66

    var placed = (Categorised) SelfOtherAgreement.placeOne(rounds, reference, Settings.standard());

    assertThat(placed.categories())
        .containsExactly(OVER_ESTIMATOR, IN_AGREEMENT_GOOD, IN_AGREEMENT_POOR);
    assertThat(placed.upper()).isCloseTo(0.390416378, withinPercentage(TOLERANCE_PERCENT));
  }

  @Test
  void tooSmallAReferenceSampleGivesNoCategory() {
    var fewRatees = example().subList(0, 9);

    var outcome = SelfOtherAgreement.classify(fewRatees, Settings.standard());

    assertThat(outcome).isInstanceOf(NotEnoughData.class);
    assertThat(((NotEnoughData) outcome).reason()).startsWith("not enough data");
    assertThat(((NotEnoughData) outcome).referenceSize()).isEqualTo(9);
    assertThat(SelfOtherAgreement.classify(List.of(), Settings.standard()))
        .isInstanceOf(NotEnoughData.class);
    assertThat(
            SelfOtherAgreement.placeOne(
                List.of(new Ratings("x", 4, 3)),
                ReferenceSample.of(fewRatees.subList(0, 1)),
                Settings.standard().withMinimumReferenceSize(2)))
        .isInstanceOf(NotEnoughData.class);
  }

  @Test
  void equalDifferencesAllAgree() {
    var same =
        java.util.stream.IntStream.range(0, 10)
            .mapToObj(i -> new Ratings("r" + i, 4.0, 3.5))
            .toList();

    var result = (Categorised) SelfOtherAgreement.classify(same, Settings.standard());

    assertThat(result.reference().sdDifference()).isZero();
    assertThat(result.categories()).containsOnly(IN_AGREEMENT_GOOD);
  }

  @Test
  void refusesRatingsThatAreNotNumbers() {
    assertThatThrownBy(() -> new Ratings("x", Double.NaN, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
