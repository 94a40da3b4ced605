package dev.triage.tools.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.triage.routing.encoder.BertEncoder;
import dev.triage.routing.encoder.EncoderSpec;
import dev.triage.tools.eval.Comparison;
import dev.triage.tools.eval.EvalRow;
import dev.triage.tools.eval.LeaveOneSourceOut;
import dev.triage.tools.eval.OutcomeSources;
import dev.triage.tools.eval.SourcePairs;
import dev.triage.tools.training.DifficultyHead;
import dev.triage.tools.training.PromptSplit;
import dev.triage.tools.training.TrainingData;

/**
 * {@code validate}: a router on every source it can be judged on, the way the product is judged (prompts of a kind it
 * may never have seen): per source, the strong/weak pair that source scored, the router's APGR and CPT, a ridge head
 * trained with that source left out ({@link LeaveOneSourceOut}), random and prompt length on the same rows, then the
 * mean per kind of task.
 */
final class ValidateCommand {

    private ValidateCommand() {}

    static void run(Args args) throws Exception {
        TrainingData data = TrainingData.read(args.path("data"));
        OutcomeSources outcomes = OutcomeSources.read(data, args.paths("battles"), args.paths("scores"));
        List<SourcePairs> judged = outcomes.judged();
        int mfEpochs = args.integer("mf-epochs", 0);
        long seed = args.integer("seed", 42);
        double lambda = args.decimal("ridge-lambda", 10);
        double lengthBlend = args.decimal("length-blend", 0);
        PromptSplit split = new PromptSplit(seed, 20, 0);
        System.out.println("| source | kind | pair | prompts | strong needed / tie / weak better | router APGR "
                + "| ridge, source left out | ridge, held-out 20% of the source | MF, source left out | random | length "
                + "| router CPT(50%) | length CPT(50%) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        Map<String, List<double[]>> byKind = new LinkedHashMap<>();
        try (LoadedRouter router = new LoadedRouter(args)) {
            List<String> allPrompts = judged.stream()
                    .flatMap(source -> source.rows().stream().map(EvalRow::prompt))
                    .toList();
            Map<String, float[]> embeddings = headEmbeddings(args, router, allPrompts);
            List<DifficultyHead> leftOut = LeaveOneSourceOut.folds(judged, embeddings, data, lambda);
            for (int s = 0; s < judged.size(); s++) {
                SourcePairs source = judged.get(s);
                List<String> prompts =
                        source.rows().stream().map(EvalRow::prompt).toList();
                List<Comparison.Metrics> metrics = Comparison.of("router", router.scores(prompts), source.rows());
                Comparison.Metrics ridge = Comparison.of(
                                "ridge",
                                LeaveOneSourceOut.scores(source, leftOut.get(s).classifier(lengthBlend), embeddings),
                                source.rows())
                        .getFirst();
                double inSource = inSourceApgr(source, judged, embeddings, data, lambda, lengthBlend, split);
                double mf = mfEpochs == 0
                        ? Double.NaN
                        : Comparison.of(
                                        "mf",
                                        LeaveOneSourceOut.mfScores(
                                                source, outcomes.battles(), embeddings, mfEpochs, seed),
                                        source.rows())
                                .getFirst()
                                .apgr();
                String kind = data.source(source.source()).kind();
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(new double[] {
                    metrics.get(0).apgr(),
                    ridge.apgr(),
                    inSource,
                    mf,
                    metrics.get(1).apgr(),
                    metrics.get(2).apgr()
                });
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.1f%% | %.1f%% |%n",
                        source.cells(kind),
                        metrics.get(0).apgr(),
                        ridge.apgr(),
                        inSource,
                        mf,
                        metrics.get(1).apgr(),
                        metrics.get(2).apgr(),
                        metrics.get(0).cpt50(),
                        metrics.get(2).cpt50());
            }
        }
        System.out.println();
        System.out.println("| kind | sources | router APGR | ridge, source left out | ridge, held-out 20% "
                + "| MF, source left out | random | length |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        byKind.forEach((kind, rows) -> System.out.println(summary(kind, rows)));
        System.out.println(
                summary("all", byKind.values().stream().flatMap(List::stream).toList()));
    }

    /**
     * The embeddings the retrained heads learn from: the router's encoder's, or with {@code --head-encoder} another
     * encoder's, or the same one's first {@code --head-layers} (its own {@code --head-embedding-cache}), to measure what
     * a different encoder would give.
     */
    private static Map<String, float[]> headEmbeddings(Args args, LoadedRouter router, List<String> prompts)
            throws Exception {
        String encoder = args.string("head-encoder", null);
        if (encoder == null) {
            return router.embeddings(prompts);
        }
        try (BertEncoder head = BertEncoder.load(
                EncoderSpec.byId(encoder), args.integer("max-tokens", 256), args.integer("head-layers", 0))) {
            String cache = args.string("head-embedding-cache", null);
            return EmbeddingStore.embed(head, prompts, cache == null ? null : Path.of(cache));
        }
    }

    private static String summary(String kind, List<double[]> rows) {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |",
                kind,
                rows.size(),
                mean(rows, 0),
                mean(rows, 1),
                mean(rows, 2),
                mean(rows, 3),
                mean(rows, 4),
                mean(rows, 5));
    }

    /** The ridge head trained on every source and 80% of this one's prompts, on the other 20%. */
    private static double inSourceApgr(
            SourcePairs source,
            List<SourcePairs> sources,
            Map<String, float[]> embeddings,
            TrainingData data,
            double lambda,
            double lengthBlend,
            PromptSplit split) {
        DifficultyHead head = LeaveOneSourceOut.fit(
                source, sources, embeddings, data, lambda, prompt -> split.of(prompt) != PromptSplit.Part.TEST);
        double[] scores = LeaveOneSourceOut.scores(source, head.classifier(lengthBlend), embeddings);
        List<EvalRow> test = new ArrayList<>();
        List<Double> testScores = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (split.of(source.rows().get(i).prompt()) == PromptSplit.Part.TEST) {
                test.add(source.rows().get(i));
                testScores.add(scores[i]);
            }
        }
        return Comparison.of(
                        "ridge",
                        testScores.stream().mapToDouble(Double::doubleValue).toArray(),
                        test)
                .getFirst()
                .apgr();
    }

    private static double mean(List<double[]> rows, int column) {
        return rows.stream().mapToDouble(row -> row[column]).average().orElse(Double.NaN);
    }
}
