/**
 * The PostgreSQL the ledger and the keys live in: the embedded server, schema migration, startup and status.
 * Knows none of its users; they observe DatabaseReady.
 */
package dev.triage.database;
