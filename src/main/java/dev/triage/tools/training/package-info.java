/**
 * Training the router's heads from battles: the MF trainer, the classifier trainer, the prompt split.
 * Used by the command line only.
 */
package dev.triage.tools.training;
