package dev.triage.tools.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.triage.routing.learned.Calibration;
import dev.triage.routing.learned.DifficultyClassifier;
import dev.triage.routing.learned.LearnedRouter;
import dev.triage.routing.learned.MatrixFactorization;
import dev.triage.routing.learned.RouterManifest;
import dev.triage.routing.learned.ScoreRanks;
import dev.triage.tools.eval.Candidates;
import dev.triage.tools.eval.LeaveOneSourceOut;
import dev.triage.tools.eval.OutcomeSources;
import dev.triage.tools.eval.SourcePairs;
import dev.triage.tools.training.MfTrainer;
import dev.triage.tools.training.TrainingData;

/**
 * Fits a chosen candidate's heads on every source and calibrates it on every training prompt: the shipped router and
 * its first stage are fitted the same way, each on its own embeddings.
 */
record RouterFit(
        List<SourcePairs> judged,
        OutcomeSources outcomes,
        TrainingData data,
        double lambda,
        MfTrainer.Options mfOptions,
        String strong,
        String weak) {

    /** {@code manifest} with the calibration and percentiles of the fitted heads' scores on the training prompts. */
    LearnedRouter fit(Candidates.Choice choice, Map<String, float[]> embeddings, RouterManifest manifest) {
        DifficultyClassifier classifier =
                LeaveOneSourceOut.fitAll(judged, embeddings, data, lambda).classifier(choice.lengthBlend());
        MatrixFactorization mf = MfTrainer.train(
                outcomes.allBattles()
                        .filter(battle -> embeddings.containsKey(battle.prompt()))
                        .toList(),
                embeddings,
                mfOptions);
        LearnedRouter fitted = new LearnedRouter(mf, classifier, manifest);
        double[] scores = judged.stream()
                .flatMap(source -> source.rows().stream().map(row -> row.prompt()))
                .distinct()
                .mapToDouble(prompt -> fitted.strongNeeded(embeddings.get(prompt), prompt, strong, weak))
                .toArray();
        Map<String, Double> calibration = new TreeMap<>();
        for (int pct = 10; pct <= 90; pct += 10) {
            calibration.put(
                    String.format(Locale.ROOT, "%.1f", pct / 100.0), Calibration.threshold(scores, pct / 100.0));
        }
        return fitted.with(manifest.calibrated(calibration, ScoreRanks.percentilesOf(scores)));
    }
}
