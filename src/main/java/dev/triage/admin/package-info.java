/**
 * The operators' side: the admin API (keys, spend), the dashboard's data and the router's readiness.
 * Reads every feature, and nothing depends on it.
 */
package dev.triage.admin;
