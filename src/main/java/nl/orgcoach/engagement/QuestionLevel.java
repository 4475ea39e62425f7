package nl.orgcoach.engagement;

/** The level a question is about. */
public enum QuestionLevel {
  INDIVIDUAL,
  TEAM,
  ORGANISATION
}
