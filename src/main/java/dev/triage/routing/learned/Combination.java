package dev.triage.routing.learned;

/**
 * How the two heads make one {@code P(strong needed)}. The trainer picks the one that recovers most of the quality gap
 * on validation prompts and records it in the manifest.
 */
public enum Combination {
    /** The win-rate model's {@code P(strong beats weak)} alone. */
    MF,
    /** The classifier's prompt difficulty alone. */
    CLASSIFIER,
    /** The mean of the two probabilities. */
    MEAN;

    public double combine(double mf, double classifier) {
        return switch (this) {
            case MF -> mf;
            case CLASSIFIER -> classifier;
            case MEAN -> (mf + classifier) / 2;
        };
    }
}
