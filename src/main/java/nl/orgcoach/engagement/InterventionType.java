package nl.orgcoach.engagement;

/** What kind of intervention a coach did. */
enum InterventionType {
  INDIVIDUAL_COACHING,
  TEAM_COACHING,
  SITTING_IN,
  CONFRONTING_CONVERSATION,
  SUGGESTION,
  LEARNING_INTERVENTION,
  FEEDBACK_CONVERSATION,
  OTHER
}
