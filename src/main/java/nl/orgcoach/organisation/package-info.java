/**
 * The client system: units in a tree, people and their reporting lines (also as they were on a past
 * date, see {@link nl.orgcoach.organisation.ReportingLines}), settings (gremia) and their members,
 * interdependencies between units; browsing, editing and CSV import. Every query takes a {@link
 * nl.orgcoach.access.ClientScope}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation")
package nl.orgcoach.organisation;
