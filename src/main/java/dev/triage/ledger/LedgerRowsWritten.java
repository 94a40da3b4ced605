package dev.triage.ledger;

import java.util.List;
import java.util.UUID;

/**
 * Rows the ledger is done with: written to the database (or, rarely, refused by it or dropped on overflow, and so never
 * to be there). Whoever counts a row before it is in the database (a key's spend) stops counting it on its own.
 */
public record LedgerRowsWritten(List<UUID> rowIds) {}
