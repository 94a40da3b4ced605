/**
 * Upstream LLM providers: REST clients, retries, circuit breakers, bulkheads, fallback chains over models.
 * Knows nothing of routes, keys or the ledger.
 */
package dev.triage.providers;
