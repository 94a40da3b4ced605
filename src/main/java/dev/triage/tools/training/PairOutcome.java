package dev.triage.tools.training;

/**
 * What one prompt says about a strong/weak pair, from both models' scores on it: the strong model was needed (it scored
 * higher), a tie (equal scores: the weak model suffices, the most common case on real traffic, and a label too), or the
 * weak model did better.
 */
public enum PairOutcome {
    STRONG_NEEDED,
    TIE,
    WEAK_BETTER;

    public static PairOutcome of(double strongScore, double weakScore) {
        int order = Double.compare(strongScore, weakScore);
        return order > 0 ? STRONG_NEEDED : order == 0 ? TIE : WEAK_BETTER;
    }
}
