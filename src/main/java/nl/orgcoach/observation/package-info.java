/**
 * On the job: observations by hierarchical constellation (issue 4). Per engagement a behaviour
 * framework (a default set that fits the method, edited by the coaches, linked to agreements);
 * meetings (an occurrence of a setting, or an ad-hoc moment) with their attendees; observations of
 * one person in one meeting, rated per behaviour on the frequency scale of ADR 0005. The
 * constellation is derived when an observation is saved, from the attendees and the reporting lines
 * of its date ({@link nl.orgcoach.organisation.ReportingLines}), and stored with it. Observations
 * are confidential like notes: {@code ObservationAccess} is the one place that says who reads them.
 * The root package's public API is {@link nl.orgcoach.observation.ObservationSeeding} (for start-up
 * data) and {@link nl.orgcoach.observation.FrameworkLookup} (the framework behaviours that feedback
 * rounds may ask about); everything else is package-private.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Observation",
    allowedDependencies = {"access", "organisation", "engagement", "platform", "stats"})
package nl.orgcoach.observation;
