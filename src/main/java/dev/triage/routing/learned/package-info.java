/**
 * The trained router's heads (matrix factorization, difficulty classifier), manifest and calibration.
 * Pure arithmetic on embeddings; no encoder, no I/O beyond reading the artifacts.
 */
package dev.triage.routing.learned;
