package nl.orgcoach.engagement;

/** Who owns a question: always someone of the client, never a coach. */
public enum OwnerKind {
  PERSON,
  TEAM,
  MANAGEMENT
}
