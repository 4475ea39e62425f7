package nl.orgcoach.engagement;

/**
 * How a question came in: put in the app by someone of the client, registered by a coach, or put
 * through a public intake link by someone without an account.
 */
public enum Channel {
  APP,
  COACH,
  INTAKE
}
