/**
 * Usage rows (written in batches after the response), pricing, and the reports read back from them.
 * Knows no routing, providers, keys or HTTP: what it records comes to it as RequestFinished.
 */
package dev.triage.ledger;
