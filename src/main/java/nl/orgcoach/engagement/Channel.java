package nl.orgcoach.engagement;

/** How a question came in: put in the app by someone of the client, or registered by a coach. */
public enum Channel {
  APP,
  COACH
}
