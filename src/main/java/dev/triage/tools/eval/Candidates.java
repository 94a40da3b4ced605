package dev.triage.tools.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.triage.routing.learned.Combination;
import dev.triage.tools.training.DifficultyHead;
import dev.triage.tools.training.MfTrainer;
import dev.triage.tools.training.TrainingData;

/**
 * The routers the trainer chooses among, each scored on every judged source by heads that never saw it: the classifier
 * head at each blend of prompt length, the win-rate model, and their mean. The choice is the best mean APGR over the
 * sources; nothing else decides it.
 */
public final class Candidates {

    /** One candidate: how the heads combine, and the classifier head's blend of prompt length. */
    public record Choice(Combination combination, double lengthBlend) {

        @Override
        public String toString() {
            return combination == Combination.MF
                    ? "MF"
                    : String.format(Locale.ROOT, "%s, length blend %.2f", combination, lengthBlend);
        }
    }

    private final List<SourcePairs> sources;
    private final Map<Choice, List<double[]>> scores = new LinkedHashMap<>();

    private Candidates(List<SourcePairs> sources) {
        this.sources = sources;
    }

    public static Candidates leftOut(
            List<SourcePairs> sources,
            OutcomeSources outcomes,
            Map<String, float[]> embeddings,
            TrainingData data,
            double lambda,
            double[] lengthBlends,
            MfTrainer.Options mf) {
        Candidates candidates = new Candidates(sources);
        List<DifficultyHead> folds = LeaveOneSourceOut.folds(sources, embeddings, data, lambda);
        for (double blend : lengthBlends) {
            List<double[]> perSource = new ArrayList<>();
            for (int s = 0; s < sources.size(); s++) {
                perSource.add(
                        LeaveOneSourceOut.scores(sources.get(s), folds.get(s).classifier(blend), embeddings));
            }
            candidates.scores.put(new Choice(Combination.CLASSIFIER, blend), perSource);
        }
        Choice bestClassifier = candidates.best();
        List<double[]> mfScores = sources.stream()
                .map(source ->
                        LeaveOneSourceOut.mfScores(source, outcomes.battles(), embeddings, mf.epochs(), mf.seed()))
                .toList();
        candidates.scores.put(new Choice(Combination.MF, 0), mfScores);
        List<double[]> means = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            double[] classifier = candidates.scores.get(bestClassifier).get(s);
            double[] mean = new double[classifier.length];
            for (int i = 0; i < mean.length; i++) {
                mean[i] = Combination.MEAN.combine(mfScores.get(s)[i], classifier[i]);
            }
            means.add(mean);
        }
        candidates.scores.put(new Choice(Combination.MEAN, bestClassifier.lengthBlend()), means);
        return candidates;
    }

    /** The candidate with the best mean APGR; a source a candidate cannot score (NaN) counts as random, 0.5. */
    public Choice best() {
        Choice best = null;
        double bestApgr = Double.NEGATIVE_INFINITY;
        for (Choice choice : scores.keySet()) {
            double apgr = meanApgr(choice);
            if (apgr > bestApgr) {
                bestApgr = apgr;
                best = choice;
            }
        }
        return best;
    }

    /** The scores of {@code choice}'s heads on each source, by the fold that left it out. */
    public List<double[]> scores(Choice choice) {
        return scores.get(choice);
    }

    public void print() {
        scores.keySet().forEach(choice -> System.out.printf(Locale.ROOT, "  %-34s %.3f%n", choice, meanApgr(choice)));
    }

    /**
     * Prints the chosen candidate's table, per source and per kind of task, next to random and prompt length on the
     * same rows, and returns it for the manifest.
     */
    public Map<String, Object> table(Choice choice, TrainingData data) {
        System.out.println("| source | kind | pair | prompts | strong needed / tie / weak better | APGR | CPT(50%) "
                + "| CPT(80%) | random APGR | length APGR | length CPT(50%) | length CPT(80%) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        Map<String, List<List<Comparison.Metrics>>> byKind = new LinkedHashMap<>();
        Map<String, Object> perSource = new LinkedHashMap<>();
        for (int s = 0; s < sources.size(); s++) {
            SourcePairs source = sources.get(s);
            List<Comparison.Metrics> metrics =
                    Comparison.of("triage", scores.get(choice).get(s), source.rows());
            String kind = data.source(source.source()).kind();
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(metrics);
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.3f | %.1f%% | %.1f%% | %.3f | %.3f | %.1f%% | %.1f%% |%n",
                    source.cells(kind),
                    metrics.get(0).apgr(),
                    metrics.get(0).cpt50(),
                    metrics.get(0).cpt80(),
                    metrics.get(1).apgr(),
                    metrics.get(2).apgr(),
                    metrics.get(2).cpt50(),
                    metrics.get(2).cpt80());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", kind);
            entry.put("pair", source.strong() + " vs " + source.weak());
            metrics.forEach(m -> entry.put(m.router(), m.asMap()));
            perSource.put(source.source(), entry);
        }
        System.out.println();
        System.out.println(
                "| kind | sources | APGR | CPT(50%) | CPT(80%) | random APGR | length APGR | length CPT(50%) "
                        + "| length CPT(80%) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        Map<String, Object> perKind = new LinkedHashMap<>();
        byKind.forEach((kind, rows) -> perKind.put(kind, summary(kind, rows)));
        perKind.put(
                "all",
                summary("all", byKind.values().stream().flatMap(List::stream).toList()));
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("sources", perSource);
        table.put("kinds", perKind);
        return table;
    }

    private static Map<String, Object> summary(String kind, List<List<Comparison.Metrics>> rows) {
        double apgr = mean(rows, 0, Comparison.Metrics::apgr);
        double cpt50 = mean(rows, 0, Comparison.Metrics::cpt50);
        double cpt80 = mean(rows, 0, Comparison.Metrics::cpt80);
        double random = mean(rows, 1, Comparison.Metrics::apgr);
        double length = mean(rows, 2, Comparison.Metrics::apgr);
        double length50 = mean(rows, 2, Comparison.Metrics::cpt50);
        double length80 = mean(rows, 2, Comparison.Metrics::cpt80);
        System.out.printf(
                Locale.ROOT,
                "| %s | %d | %.3f | %.1f%% | %.1f%% | %.3f | %.3f | %.1f%% | %.1f%% |%n",
                kind,
                rows.size(),
                apgr,
                cpt50,
                cpt80,
                random,
                length,
                length50,
                length80);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("sources", rows.size());
        summary.put("apgr", Math.round(apgr * 10000) / 10000.0);
        summary.put("randomApgr", Math.round(random * 10000) / 10000.0);
        summary.put("lengthApgr", Math.round(length * 10000) / 10000.0);
        return summary;
    }

    private static double mean(
            List<List<Comparison.Metrics>> rows,
            int router,
            java.util.function.ToDoubleFunction<Comparison.Metrics> f) {
        return rows.stream()
                .mapToDouble(row -> f.applyAsDouble(row.get(router)))
                .average()
                .orElse(Double.NaN);
    }

    private double meanApgr(Choice choice) {
        double sum = 0;
        for (int s = 0; s < sources.size(); s++) {
            List<EvalRow> rows = sources.get(s).rows();
            double apgr = RouterCurve.of(
                            scores.get(choice).get(s),
                            rows.stream().mapToDouble(EvalRow::strongScore).toArray(),
                            rows.stream().mapToDouble(EvalRow::weakScore).toArray())
                    .apgr();
            sum += Double.isNaN(apgr) ? 0.5 : apgr;
        }
        return sum / sources.size();
    }
}
