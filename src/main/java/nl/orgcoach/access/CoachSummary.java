package nl.orgcoach.access;

import java.util.UUID;

/** A coach as other modules see one: the user id and the name to show. */
public record CoachSummary(UUID id, String name) {}
