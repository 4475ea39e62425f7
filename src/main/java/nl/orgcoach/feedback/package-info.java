/**
 * Feedback rounds: a person asks raters (manager, peers, direct reports, anyone by e-mail) for
 * feedback on one to six behaviours they chose, and rates themself. Raters answer through a
 * personal link without an account. Results appear when the round closes, and only through {@link
 * nl.orgcoach.feedback.FeedbackAnonymity}, the one place that applies product invariant 4.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Feedback",
    allowedDependencies = {
      "access",
      "engagement",
      "observation",
      "organisation",
      "platform",
      "stats"
    })
package nl.orgcoach.feedback;
