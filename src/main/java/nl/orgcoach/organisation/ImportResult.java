package nl.orgcoach.organisation;

/** The outcome of a successful import: how many rows were read and what they did. */
public record ImportResult(ImportKind kind, int rows, int created, int updated, int unchanged) {}
