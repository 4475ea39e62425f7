package nl.orgcoach.engagement;

/**
 * Where a question stands. MERGED, WITHDRAWN and ANSWERED are final; ANSWERED is reached only when
 * at least one intervention answers the question (TriageAction.MARK_ANSWERED, refused otherwise by
 * the aggregate).
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
