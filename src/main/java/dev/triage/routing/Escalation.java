package dev.triage.routing;

/** A cascade's next step: the next candidate's decision, and the check the answer before it failed. */
public record Escalation(Decision next, AnswerCheck failed) {}
