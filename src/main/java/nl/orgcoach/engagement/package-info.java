/**
 * Demand-driven coaching: engagements at a client and the questions of its people. An engagement
 * has no programme; its content is the questions that come, owned by the client (a person, a team
 * or management), never by a coach. The root package holds the API (ids, enums, events); the
 * aggregates, persistence and controllers are package-private.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Engagement",
    allowedDependencies = {"access", "organisation", "platform"})
package nl.orgcoach.engagement;
