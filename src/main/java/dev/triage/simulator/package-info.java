/**
 * The built-in simulated OpenAI-compatible upstream of the demo, served on the gateway's own port.
 * Stands alone: speaks only the wire format.
 */
package dev.triage.simulator;
