/**
 * Thin HTTP resources of the OpenAI-compatible API, the request filters and the one error mapper.
 * No logic of its own: it goes through dispatch and access, never to providers, the ledger or the database.
 */
package dev.triage.api;
