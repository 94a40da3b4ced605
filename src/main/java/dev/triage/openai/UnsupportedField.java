package dev.triage.openai;

/** A Chat Completions field an upstream's API has no way to carry, and why. */
public record UnsupportedField(String name, String reason) {

    @Override
    public String toString() {
        return name + " (" + reason + ")";
    }
}
