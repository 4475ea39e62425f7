package nl.orgcoach.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.orgcoach.stats.SayDoGap.Reading;
import nl.orgcoach.stats.SayDoGap.Result;
import nl.orgcoach.stats.SayDoGap.Settings;
import org.junit.jupiter.api.Test;

/**
 * Expected intervals were computed independently with SciPy 1.17 (scipy.stats.t with the
 * posterior's degrees of freedom, location and scale; the half-width found with
 * scipy.optimize.brentq on the truncated mass), see docs/analytics.md, "Say–do".
 */
class SayDoGapTest {

  static final double TOLERANCE = 1e-7;

  private static Result gap(Integer self, Integer... ratings) {
    return SayDoGap.of(self, List.of(ratings), Settings.DEFAULT);
  }

  @Test
  void studentTAgreesWithPublishedQuantiles() {
    assertThat(SayDoGap.studentTQuantile(0.975, 2)).isCloseTo(4.302652729749462, within(1e-8));
    assertThat(SayDoGap.studentTQuantile(0.975, 4)).isCloseTo(2.7764451051977934, within(1e-8));
    assertThat(SayDoGap.studentTQuantile(0.975, 10)).isCloseTo(2.228138851986274, within(1e-8));
    assertThat(SayDoGap.studentTQuantile(0.975, 30)).isCloseTo(2.0422724563012378, within(1e-8));
    assertThat(SayDoGap.studentTCdf(2.0, 5)).isCloseTo(0.9490302605850708, within(1e-9));
    assertThat(SayDoGap.studentTCdf(-1.3, 3.5)).isCloseTo(0.1362977079021851, within(1e-9));
    assertThat(SayDoGap.studentTCdf(0, 7)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void withoutObservationsNothingIsSaid() {
    Result r = gap(4);
    assertThat(r.n()).isZero();
    assertThat(r.observedMean()).isNull();
    assertThat(r.lower()).isNull();
    assertThat(r.gap()).isNull();
    assertThat(r.distribution()).containsExactly(0, 0, 0, 0, 0);
    assertThat(r.reading()).isEqualTo(Reading.TOO_FEW);
    assertThat(gap(null).reading()).isEqualTo(Reading.NO_SELF_RATING);
  }

  @Test
  void oneObservationHasAWideIntervalAndIsTooFew() {
    // n = 1: ν = 2, scale 1; the interval reaches the top of the scale.
    Result r = gap(2, 4);
    assertThat(r.observedMean()).isEqualTo(4.0);
    assertThat(r.observedSd()).isNull();
    assertThat(r.lower()).isCloseTo(1.8919374204156263, within(TOLERANCE));
    assertThat(r.upper()).isEqualTo(5.0);
    assertThat(r.gap()).isEqualTo(-2.0);
    assertThat(r.gapLower()).isEqualTo(-3.0);
    assertThat(r.gapUpper()).isCloseTo(2 - 1.8919374204156263, within(TOLERANCE));
    // Self (2) is even outside the interval, but one observation is not evidence.
    assertThat(r.reading()).isEqualTo(Reading.TOO_FEW);
  }

  @Test
  void allEqualRatingsStillCarryUncertainty() {
    // Three times "rarely": a plain t interval would have width 0; the prior on the spread keeps
    // it honest.
    Result r = gap(5, 2, 2, 2);
    assertThat(r.observedSd()).isEqualTo(0.0);
    assertThat(r.lower()).isCloseTo(1.0672711741996053, within(TOLERANCE));
    assertThat(r.upper()).isCloseTo(2.9327288258003947, within(TOLERANCE));
    assertThat(r.gap()).isEqualTo(3.0);
    assertThat(r.gapLower()).isCloseTo(5 - 2.9327288258003947, within(TOLERANCE));
    assertThat(r.reading()).isEqualTo(Reading.HIGHER);
    assertThat(gap(2, 2, 2, 2).reading()).isEqualTo(Reading.WITHIN);
    // One step up from three identical ratings is just beyond the interval (upper end 2.93).
    assertThat(gap(3, 2, 2, 2).reading()).isEqualTo(Reading.HIGHER);
  }

  @Test
  void allFivesAgreeWithSelfFiveAtTheTopOfTheScale() {
    Result r = gap(5, 5, 5, 5);
    assertThat(r.lower()).isCloseTo(3.871100832926568, within(TOLERANCE));
    assertThat(r.upper()).isEqualTo(5.0);
    assertThat(r.gap()).isEqualTo(0.0);
    assertThat(r.reading()).isEqualTo(Reading.WITHIN);
    assertThat(gap(3, 5, 5, 5).reading()).isEqualTo(Reading.LOWER);
  }

  @Test
  void mixedRatings() {
    Result r = gap(4, 2, 3, 3, 4, 2, 3);
    assertThat(r.observedMean()).isCloseTo(2.8333333333333335, within(1e-12));
    assertThat(r.lower()).isCloseTo(2.0341676105144044, within(TOLERANCE));
    assertThat(r.upper()).isCloseTo(3.6324990561522625, within(TOLERANCE));
    assertThat(r.distribution()).containsExactly(0, 2, 3, 1, 0);
    assertThat(r.reading()).isEqualTo(Reading.HIGHER);
    assertThat(gap(3, 2, 3, 3, 4, 2, 3).reading()).isEqualTo(Reading.WITHIN);
  }

  @Test
  void largeNApproachesTheClassicalTInterval() {
    List<Integer> ratings = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Collections.addAll(ratings, 1, 2, 3, 4, 5);
    }
    Result r = SayDoGap.of(3, ratings, Settings.DEFAULT);
    assertThat(r.lower()).isCloseTo(2.8028163493220157, within(TOLERANCE));
    assertThat(r.upper()).isCloseTo(3.1971836506779843, within(TOLERANCE));
    // The classical interval: 3 ± t(0.975, 199)·s/√200, s = √(400/199).
    double classical = SayDoGap.studentTQuantile(0.975, 199) * Math.sqrt(400.0 / 199 / 200);
    assertThat(r.upper() - 3).isCloseTo(classical, within(1e-3));
    assertThat(r.reading()).isEqualTo(Reading.WITHIN);
    // With this much evidence a gap of 0.2 scale points is beyond the uncertainty.
    ratings.replaceAll(x -> x == 5 ? 4 : x);
    assertThat(SayDoGap.of(3, ratings, Settings.DEFAULT).reading()).isEqualTo(Reading.HIGHER);
  }

  @Test
  void theIntervalNarrowsAsEvidenceGrows() {
    double previous = Double.MAX_VALUE;
    for (int n = 1; n <= 50; n++) {
      List<Integer> ratings = new ArrayList<>(Collections.nCopies(n, 3));
      Result r = SayDoGap.of(3, ratings, Settings.DEFAULT);
      double width = r.upper() - r.lower();
      assertThat(width).isLessThan(previous).isGreaterThan(0);
      assertThat(r.lower()).isGreaterThanOrEqualTo(1.0);
      assertThat(r.upper()).isLessThanOrEqualTo(5.0);
      previous = width;
    }
  }

  @Test
  void theMinimumOfEvidenceIsASetting() {
    Settings two = new Settings(2, 0.95, 2, 1.0);
    assertThat(SayDoGap.of(5, List.of(1, 1), two).reading()).isEqualTo(Reading.HIGHER);
    assertThat(SayDoGap.of(5, List.of(1, 1), Settings.DEFAULT).reading())
        .isEqualTo(Reading.TOO_FEW);
    assertThat(Settings.DEFAULT.describe()).contains("0.95").contains("3 observations");
  }

  @Test
  void refusesRatingsOffTheScale() {
    assertThatThrownBy(() -> gap(6, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> gap(3, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Settings(0, 0.95, 2, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Settings(3, 1, 2, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
