/**
 * OpenAI's wire format: request records, usage, the error envelope.
 * Depends on nothing of ours.
 */
package dev.triage.openai;
