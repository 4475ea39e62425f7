/**
 * The client system: units in a tree, people and their reporting lines, settings (gremia) and their
 * members, interdependencies between units; browsing, editing and CSV import. Every query takes a
 * {@link nl.orgcoach.access.ClientScope}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation")
package nl.orgcoach.organisation;
