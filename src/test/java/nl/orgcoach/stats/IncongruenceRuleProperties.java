package nl.orgcoach.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import nl.orgcoach.stats.IncongruenceFinding.Outcome;

/**
 * Nothing is flagged below the evidence rule: on random clients and random settings, a person ×
 * behaviour is flagged exactly when an independent re-reading of the raw ratings finds a pair of
 * constellations with enough ratings and norms, a gap beyond the margin with the required posterior
 * probability, and its repetition in other behaviours or periods.
 */
class IncongruenceRuleProperties {

  static final Constellation[] KINDS = Constellation.values();
  static final LocalDate START = LocalDate.of(2026, 1, 1);

  @Property(tries = 150)
  void flaggedExactlyWhenTheRuleHoldsOnTheRawRatings(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 5) int people,
      @ForAll @IntRange(min = 1, max = 3) int behaviours,
      @ForAll @IntRange(min = 2, max = 4) int minObservations,
      @ForAll @IntRange(min = 0, max = 3) int marginTenths,
      @ForAll @IntRange(min = 0, max = 2) int probabilityChoice,
      @ForAll @IntRange(min = 1, max = 2) int minBehaviours,
      @ForAll @IntRange(min = 1, max = 3) int minPeriods) {
    SplittableRandom random = new SplittableRandom(seed);
    List<ObservedRating> ratings = new ArrayList<>();
    for (int p = 0; p < people; p++) {
      // Each person has a tendency per constellation, so that gaps (and flags) do occur.
      double[] tendency = new double[KINDS.length];
      for (int c = 0; c < KINDS.length; c++) {
        tendency[c] = random.nextDouble();
      }
      for (int b = 0; b < behaviours; b++) {
        for (Constellation c : KINDS) {
          int count = random.nextInt(9);
          for (int i = 0; i < count; i++) {
            int rating =
                random.nextDouble() < tendency[c.ordinal()]
                    ? 4 + random.nextInt(2)
                    : 1 + random.nextInt(3);
            ratings.add(
                new ObservedRating(
                    "p" + p, "b" + b, c, rating, START.plusDays(random.nextInt(270))));
          }
        }
      }
    }
    IncongruenceSettings settings =
        new IncongruenceSettings(
            IncongruenceSettings.Method.POSTERIOR,
            minObservations,
            marginTenths / 10.0,
            new double[] {0.8, 0.9, 0.95}[probabilityChoice],
            0.05,
            minBehaviours,
            minPeriods,
            3,
            2,
            1 + random.nextInt(10),
            4,
            5,
            100,
            50,
            seed);

    IncongruenceReport report = IncongruenceAnalysis.analyse(ratings, settings);

    Statistics.label("clients with a flag")
        .collect(!report.flagged().isEmpty())
        .coverage(c -> c.check(true).percentage(p -> p > 5));
    Oracle oracle = new Oracle(ratings, settings);
    for (IncongruenceFinding f : report.findings()) {
      assertThat(f.flagged())
          .as("%s × %s: %s", f.person(), f.behaviour(), f)
          .isEqualTo(oracle.flags(f.person(), f.behaviour(), behaviours));
      if (f.flagged()) {
        assertThat(f.pairs())
            .anySatisfy(
                pair -> {
                  assertThat(pair.firstPosterior().n()).isGreaterThanOrEqualTo(minObservations);
                  assertThat(pair.secondPosterior().n()).isGreaterThanOrEqualTo(minObservations);
                  assertThat(Math.max(pair.probabilityAbove(), pair.probabilityBelow()))
                      .isGreaterThanOrEqualTo(settings.minProbability());
                });
      }
      if (f.outcome() == Outcome.TOO_FEW_OBSERVATIONS) {
        assertThat(f.pairs()).isEmpty();
      }
    }
  }

  /** The rule, read again from the raw ratings by the shortest route. */
  record Oracle(List<ObservedRating> ratings, IncongruenceSettings s) {

    boolean flags(String person, String behaviour, int behaviours) {
      for (int a = 0; a < KINDS.length; a++) {
        for (int b = a + 1; b < KINDS.length; b++) {
          for (int direction : new int[] {1, -1}) {
            if (!shown(person, behaviour, a, b, direction)) {
              continue;
            }
            int inBehaviours = 0;
            for (int other = 0; other < behaviours; other++) {
              if (shown(person, "b" + other, a, b, direction)) {
                inBehaviours++;
              }
            }
            if (inBehaviours >= s.minBehaviours()
                || periods(person, behaviour, a, b, direction) >= s.minPeriods()) {
              return true;
            }
          }
        }
      }
      return false;
    }

    boolean shown(String person, String behaviour, int a, int b, int direction) {
      int[] na = count(person, behaviour, a, -1);
      int[] nb = count(person, behaviour, b, -1);
      int[] norma = count(null, behaviour, a, -1);
      int[] normb = count(null, behaviour, b, -1);
      if (na[0] < s.minObservations()
          || nb[0] < s.minObservations()
          || norma[0] < s.minNormObservations()
          || normb[0] < s.minNormObservations()) {
        return false;
      }
      double normGap = (double) norma[1] / norma[0] - (double) normb[1] / normb[0];
      BetaBinomial.Posterior pa = new BetaBinomial.Posterior(na[1], na[0]);
      BetaBinomial.Posterior pb = new BetaBinomial.Posterior(nb[1], nb[0]);
      double probability =
          direction > 0
              ? BetaBinomial.probabilityDifferenceAbove(pa, pb, normGap + s.margin())
              : BetaBinomial.probabilityDifferenceAbove(pb, pa, -normGap + s.margin());
      return probability >= s.minProbability();
    }

    int periods(String person, String behaviour, int a, int b, int direction) {
      int[] norma = count(null, behaviour, a, -1);
      int[] normb = count(null, behaviour, b, -1);
      double normGap = (double) norma[1] / norma[0] - (double) normb[1] / normb[0];
      int periods = 0;
      for (int quarter = 0; quarter < 4; quarter++) {
        int[] na = count(person, behaviour, a, quarter);
        int[] nb = count(person, behaviour, b, quarter);
        if (na[0] < s.minObservationsPerPeriod() || nb[0] < s.minObservationsPerPeriod()) {
          continue;
        }
        double normed = (na[1] + 1.0) / (na[0] + 2) - (nb[1] + 1.0) / (nb[0] + 2) - normGap;
        if (direction > 0 ? normed > s.margin() : normed < -s.margin()) {
          periods++;
        }
      }
      return periods;
    }

    /** {n, favourable} of a person's (or, with null, the client's) ratings; quarter −1 = all. */
    int[] count(String person, String behaviour, int constellation, int quarter) {
      int n = 0;
      int favourable = 0;
      for (ObservedRating r : ratings) {
        if ((person == null || r.person().equals(person))
            && r.behaviour().equals(behaviour)
            && r.constellation().ordinal() == constellation
            && (quarter < 0 || (r.date().getMonthValue() - 1) / 3 == quarter)) {
          n++;
          if (r.rating() >= s.favourableFrom()) {
            favourable++;
          }
        }
      }
      return new int[] {n, favourable};
    }
  }
}
