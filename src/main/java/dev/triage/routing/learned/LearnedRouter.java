package dev.triage.routing.learned;

import java.util.Optional;

/**
 * {@code P(strong needed | prompt)} from a prompt's embedding and length: the win-rate model's {@code P(strong beats weak)} for the
 * route's two models and the classifier's prompt difficulty, combined as the trainer chose. Pure arithmetic on the
 * embedding (microseconds); the encoder is the expensive part.
 */
public final class LearnedRouter {

    private final MatrixFactorization mf;
    private final DifficultyClassifier classifier;
    private final RouterManifest manifest;
    private final FirstStage firstStage;
    private final ScoreRanks ranks;

    public LearnedRouter(MatrixFactorization mf, DifficultyClassifier classifier, RouterManifest manifest) {
        this(mf, classifier, manifest, null);
    }

    private LearnedRouter(
            MatrixFactorization mf, DifficultyClassifier classifier, RouterManifest manifest, FirstStage firstStage) {
        this.mf = mf;
        this.classifier = classifier;
        this.manifest = manifest;
        this.firstStage = firstStage;
        this.ranks = manifest.percentiles() == null ? null : new ScoreRanks(manifest.percentiles());
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
        return new LearnedRouter(mf, classifier, otherManifest, firstStage);
    }

    /** This router with {@code stage} deciding first, on the token table. */
    public LearnedRouter with(FirstStage stage) {
        return new LearnedRouter(mf, classifier, manifest, stage);
    }

    public Optional<FirstStage> firstStage() {
        return Optional.ofNullable(firstStage);
    }

    /**
     * Where scores fall among this router's training prompts' scores.
     *
     * @throws IllegalStateException when the manifest has no percentiles (a router trained before they were kept)
     */
    public ScoreRanks ranks() {
        if (ranks == null) {
            throw new IllegalStateException("router " + manifest.version() + " keeps no percentiles of its scores");
        }
        return ranks;
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
