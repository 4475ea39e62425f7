package nl.orgcoach.engagement;

/**
 * Where a question stands. MERGED, WITHDRAWN and ANSWERED are final; ANSWERED is reached through
 * interventions (a later slice), not through triage.
 */
public enum QuestionStatus {
  OPEN,
  TAKEN_UP,
  PARKED,
  MERGED,
  ASKED_BACK,
  WITHDRAWN,
  ANSWERED;

  public boolean isFinal() {
    return this == MERGED || this == WITHDRAWN || this == ANSWERED;
  }
}
