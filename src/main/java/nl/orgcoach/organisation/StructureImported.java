package nl.orgcoach.organisation;

import nl.orgcoach.access.ClientId;

/** Published after an import has committed. */
public record StructureImported(ClientId client, String actor, ImportResult result) {}
