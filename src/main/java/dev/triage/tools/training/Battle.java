package dev.triage.tools.training;

/**
 * One judged comparison on a prompt: {@code aWins} is the probability that model a's answer was preferred (1, 0 or
 * 0.5 for a tie; a judge's continuous preference where it gave one).
 */
public record Battle(String prompt, String modelA, String modelB, double aWins, String subset) {}
