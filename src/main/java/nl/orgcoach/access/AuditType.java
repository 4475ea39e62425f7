package nl.orgcoach.access;

/**
 * The kinds of events kept in the audit log: security events, and the changes to a client's
 * coaching record that its people must be able to trace (who triaged, recorded, updated what).
 */
public enum AuditType {
  LOGIN_SUCCEEDED,
  LOGIN_FAILED,
  LOGIN_THROTTLED,
  LOGOUT,
  ACCESS_DENIED,
  CLIENT_CREATED,
  USER_CREATED,
  USER_CHANGED,
  ROLE_CHANGED,
  PASSWORD_RESET,
  COACH_ASSIGNED,
  COACH_UNASSIGNED,
  TOKEN_CREATED,
  TOKEN_REVOKED,
  TOKEN_REJECTED,
  IMPORT_SUCCEEDED,
  IMPORT_FAILED,
  STRUCTURE_CHANGED,
  NOTE_READ,
  NOTE_SHARED,
  ENGAGEMENT_OPENED,
  DECISION_RECORDED,
  QUESTION_TRIAGED,
  INTERVENTION_RECORDED,
  AGREEMENT_UPDATED
}
