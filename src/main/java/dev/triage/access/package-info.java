/**
 * Who may call and what they may spend: API keys (configured and virtual), their limits, rates and budgets.
 * Knows no routing, providers or HTTP resources; reads spend from the ledger and starts when the database is ready.
 */
package dev.triage.access;
