/**
 * Anthropic's Messages API in front of the gateway: its requests translated into Chat Completions (what dispatch,
 * routing and every provider speak), and Chat Completions answers and streams translated back into Anthropic's
 * messages, events and error envelope. Knows only the OpenAI wire records.
 */
package dev.triage.anthropic;
