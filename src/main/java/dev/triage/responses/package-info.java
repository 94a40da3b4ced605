/**
 * OpenAI's Responses API in front of the gateway: its requests translated into Chat Completions (what dispatch,
 * routing and every provider speak), and Chat Completions answers and streams translated back into response objects
 * and the Responses API's typed events. Stateless: nothing is stored, so {@code previous_response_id} is refused with a
 * clear error. Knows only the OpenAI wire records.
 */
package dev.triage.responses;
