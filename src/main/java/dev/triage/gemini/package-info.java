/**
 * Google's Gemini API ({@code generateContent}, {@code streamGenerateContent}) as an upstream: Chat Completions
 * requests translated into it, its answers, streams and errors translated back. Knows only the OpenAI wire.
 */
package dev.triage.gemini;
