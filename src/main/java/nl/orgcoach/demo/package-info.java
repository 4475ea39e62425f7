/**
 * Fictional Dutch client organisations: a deterministic generator of the four import CSV files
 * ({@link nl.orgcoach.demo.OrganisationGenerator}), small for the default run and large for the
 * import benchmark, and the start-up loader of the demo clients and their users.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package nl.orgcoach.demo;
