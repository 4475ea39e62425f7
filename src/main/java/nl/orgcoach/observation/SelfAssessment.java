package nl.orgcoach.observation;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The person's own account in one engagement: per behaviour of its framework, "how often do I do
 * this?" on the frequency scale of the observations (ADR 0005), with an optional short comment. A
 * submission is kept whole and dated; a later one does not overwrite it (say–do compares the latest
 * by default). Made only by {@link #submit}, which checks the draft against the framework before
 * anything is written.
 */
record SelfAssessment(
    UUID id,
    UUID engagementId,
    UUID personId,
    OffsetDateTime submittedAt,
    Map<UUID, Answer> answers) {

  static final int COMMENT_MAX = 300;

  /** One behaviour answered. */
  record Answer(int rating, String comment) {}

  /** What the form or the API sends: the behaviours answered (the others are left out). */
  record Draft(List<AnswerDraft> answers) {}

  record AnswerDraft(UUID behaviourId, Integer rating, String comment) {}

  /** Checks the draft against the active behaviours; a user error for the first thing wrong. */
  static SelfAssessment submit(
      UUID id,
      UUID engagementId,
      UUID personId,
      Draft d,
      Set<UUID> activeBehaviours,
      OffsetDateTime now) {
    if (d == null || d.answers() == null || d.answers().isEmpty()) {
      throw Input.bad("answers", "selfAssessment.error.empty");
    }
    Map<UUID, Answer> answers = new LinkedHashMap<>();
    for (AnswerDraft a : d.answers()) {
      if (a == null || a.behaviourId() == null || !activeBehaviours.contains(a.behaviourId())) {
        throw Input.bad("answers", "selfAssessment.error.behaviour");
      }
      if (a.rating() == null
          || a.rating() < Observation.MIN_RATING
          || a.rating() > Observation.MAX_RATING) {
        throw Input.bad(
            "answers",
            "selfAssessment.error.rating",
            Observation.MIN_RATING,
            Observation.MAX_RATING);
      }
      String comment = a.comment() == null || a.comment().isBlank() ? null : a.comment().strip();
      if (comment != null && comment.length() > COMMENT_MAX) {
        throw Input.bad("answers", "selfAssessment.error.commentTooLong", COMMENT_MAX);
      }
      if (answers.put(a.behaviourId(), new Answer(a.rating(), comment)) != null) {
        throw Input.bad("answers", "selfAssessment.error.twice");
      }
    }
    return new SelfAssessment(id, engagementId, personId, now, answers);
  }
}
