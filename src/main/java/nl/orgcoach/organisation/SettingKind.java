package nl.orgcoach.organisation;

/** The kinds of settings (gremia) a coach sits in on. */
public enum SettingKind {
  MANAGEMENT_TEAM,
  TEAM_MEETING,
  WORKS_COUNCIL,
  PROJECT_BOARD,
  CLIENT_MEETING,
  OTHER
}
