package nl.orgcoach.stats;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * One behaviour of one person rated in one observation: the input of {@link IncongruenceAnalysis}.
 * An observation coded on three behaviours gives three of these.
 *
 * @param person the observed person (any stable id)
 * @param behaviour the behaviour (any stable id)
 * @param constellation the comparison group of the observation ({@link Constellation#dominant})
 * @param rating on the frequency scale of ADR 0005 (1 = never … 5 = (almost) always)
 * @param date the day of the observation (sets its period)
 */
public record ObservedRating(
    String person, String behaviour, Constellation constellation, int rating, LocalDate date) {

  public ObservedRating {
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(behaviour, "behaviour");
    Objects.requireNonNull(constellation, "constellation");
    Objects.requireNonNull(date, "date");
  }

  /** A rating of an observation with several kinds present, assigned to the dominant one. */
  public static ObservedRating of(
      String person, String behaviour, Set<Constellation> present, int rating, LocalDate date) {
    return new ObservedRating(person, behaviour, Constellation.dominant(present), rating, date);
  }
}
