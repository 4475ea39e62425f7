package nl.orgcoach.engagement;

/** What a coach can do with a question in the inbox. */
public enum TriageAction {
  TAKE_UP,
  PARK,
  ASK_BACK,
  MERGE,
  WITHDRAW,
  REOPEN
}
