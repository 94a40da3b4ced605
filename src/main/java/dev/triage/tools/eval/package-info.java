/**
 * Evaluating a router the way RouteLLM does: APGR and CPT against random and prompt-length baselines.
 * Used by the command line only.
 */
package dev.triage.tools.eval;
