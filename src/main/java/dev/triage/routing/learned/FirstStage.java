package dev.triage.routing.learned;

/**
 * The learned router's first stage: the same heads trained on the token table's embeddings (microseconds, no
 * encoder), trusted where its score ranks further than {@code margin} from the threshold's rank among the training
 * prompts; in between, the encoder decides. On the leave-one-source-out validation this pair recovers at least as much
 * of the quality gap as the encoder alone while running the encoder on a fraction of the prompts
 * (benchmarks/README.md).
 */
public final class FirstStage {

    /** What the first stage says of a prompt. */
    public enum Verdict {
        STRONG,
        WEAK,
        /** Too close to the threshold: the encoder decides. */
        UNSURE
    }

    private final LearnedRouter router;
    private final ScoreRanks ranks;
    private final double margin;

    public FirstStage(LearnedRouter router, ScoreRanks ranks, double margin) {
        if (margin < 0 || margin > 1) {
            throw new IllegalArgumentException("the first stage's margin is a share of prompts, 0-1, not " + margin);
        }
        this.router = router;
        this.ranks = ranks;
        this.margin = margin;
    }

    public LearnedRouter router() {
        return router;
    }

    public double margin() {
        return margin;
    }

    public FirstStage withMargin(double other) {
        return new FirstStage(router, ranks, other);
    }

    /**
     * @param score the first stage's {@code P(strong needed)}
     * @param cut the rank (0-1) of the route's threshold among the encoder router's training scores
     */
    public Verdict judge(double score, double cut) {
        double rank = ranks.rank(score);
        if (rank >= cut + margin) {
            return Verdict.STRONG;
        }
        return rank < cut - margin ? Verdict.WEAK : Verdict.UNSURE;
    }

    /**
     * The two stages as one score on the rank scale (0-1): the encoder's rank held within the margin of the first
     * stage's. At any threshold rank it routes a prompt as {@link #judge} and then the encoder would, so scoring with it
     * measures exactly the two stages the gateway runs.
     */
    public double combinedRank(double score, double encoderRank) {
        double rank = ranks.rank(score);
        return Math.clamp(encoderRank, rank - margin, rank + margin);
    }

    /** The first stage's rank of {@code score} (0-1). */
    public double rank(double score) {
        return ranks.rank(score);
    }
}
