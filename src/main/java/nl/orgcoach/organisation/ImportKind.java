package nl.orgcoach.organisation;

/** The CSV files OrgCoach imports; their columns are documented in docs/import-format.md. */
public enum ImportKind {
  UNITS,
  PEOPLE,
  SETTINGS,
  INTERDEPENDENCIES
}
