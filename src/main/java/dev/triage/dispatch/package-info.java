/**
 * The one place that sees routing, providers and the ledger together: it decides, forwards along a fallback chain and meters.
 * Only the API calls it.
 */
package dev.triage.dispatch;
