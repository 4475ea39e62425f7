package nl.orgcoach.engagement;

/** Where an agreement stands; its owner (the coachee) sets it. */
enum AgreementStatus {
  OPEN,
  KEPT,
  ADJUSTED,
  DROPPED
}
