package dev.triage.routing.learned;

/**
 * {@code P(strong needed | prompt)} from a prompt's embedding and length: the win-rate model's {@code P(strong beats weak)} for the
 * route's two models and the classifier's prompt difficulty, combined as the trainer chose. Pure arithmetic on the
 * embedding (microseconds); the encoder is the expensive part.
 */
public final class LearnedRouter {

    private final MatrixFactorization mf;
    private final DifficultyClassifier classifier;
    private final RouterManifest manifest;

    public LearnedRouter(MatrixFactorization mf, DifficultyClassifier classifier, RouterManifest manifest) {
        this.mf = mf;
        this.classifier = classifier;
        this.manifest = manifest;
    }

    /**
     * @param prompt the text that was embedded
     * @param strong the win-rate model's id for the strong model (one of {@link MatrixFactorization#models()})
     * @param weak the win-rate model's id for the weak model
     */
    public double strongNeeded(float[] embedding, String prompt, String strong, String weak) {
        return manifest.combination()
                .combine(
                        mf.winProbability(strong, weak, embedding), classifier.strongWinProbability(embedding, prompt));
    }

    /** The same router with another combination of its heads (the trainer compares them). */
    public LearnedRouter with(RouterManifest otherManifest) {
        return new LearnedRouter(mf, classifier, otherManifest);
    }

    public MatrixFactorization mf() {
        return mf;
    }

    public RouterManifest manifest() {
        return manifest;
    }

    DifficultyClassifier classifier() {
        return classifier;
    }
}
