package nl.orgcoach.engagement;

import nl.orgcoach.access.ClientId;

/** Published after a question has been stored. */
public record QuestionAsked(
    ClientId client,
    EngagementId engagement,
    QuestionId question,
    OwnerKind ownerKind,
    Channel channel,
    String actor) {}
