/**
 * Names of the gateway's metrics and span attributes, and the histogram configuration.
 * Depends on nothing of ours.
 */
package dev.triage.telemetry;
