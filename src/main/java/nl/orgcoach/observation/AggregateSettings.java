package nl.orgcoach.observation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the observation aggregates ({@code orgcoach.observation.aggregates.*}). The threshold
 * (the fewest people a shown cell rests on) may only be raised: below 3 the application refuses to
 * start ({@link nl.orgcoach.stats.AnonymityRule}). A quarter is shown from {@code graceDays} days
 * after its last day, with the observations recorded until then: a coach may still record a meeting
 * of the last days of the quarter, and after that the quarter's cells never change.
 */
@ConfigurationProperties("orgcoach.observation.aggregates")
record AggregateSettings(@DefaultValue("3") int threshold, @DefaultValue("14") int graceDays) {

  AggregateSettings {
    if (graceDays < 0) {
      throw new IllegalArgumentException("grace-days is never negative, was " + graceDays);
    }
  }
}
