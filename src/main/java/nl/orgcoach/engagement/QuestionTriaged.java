package nl.orgcoach.engagement;

import nl.orgcoach.access.ClientId;

/** Published after a coach changed a question's status in the inbox. */
public record QuestionTriaged(
    ClientId client,
    EngagementId engagement,
    QuestionId question,
    TriageAction action,
    QuestionStatus from,
    QuestionStatus to,
    String actor) {}
