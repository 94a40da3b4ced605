/**
 * Routes and their decisions: fixed and learned policies, fallback plans, the learned router in the gateway.
 * The only DJL code (in routing.encoder); no HTTP, no database, no providers.
 */
package dev.triage.routing;
