package nl.orgcoach.feedback;

/** How a rater relates to the person who asked for feedback. SELF is that person. */
public enum RaterGroup {
  SELF,
  MANAGER,
  PEER,
  DIRECT_REPORT,
  OTHER
}
