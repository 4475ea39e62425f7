package nl.orgcoach.engagement;

/**
 * What a coach can do with a question in the inbox. MARK_ANSWERED closes a question that at least
 * one intervention answers; nothing else reaches ANSWERED.
 */
public enum TriageAction {
  TAKE_UP,
  PARK,
  ASK_BACK,
  MERGE,
  WITHDRAW,
  REOPEN,
  MARK_ANSWERED
}
