/**
 * bin/router: the router's command line (train, calibrate, score, evaluate), a second entry point over routing.
 * Not on the server's path: no server class depends on the tools.
 */
package dev.triage.tools.cli;
