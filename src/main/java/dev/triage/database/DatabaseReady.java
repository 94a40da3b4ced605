package dev.triage.database;

/**
 * Fired once, from a background thread, when the database answers and its schema is migrated: what writes or reads
 * rows starts then.
 */
public record DatabaseReady() {}
