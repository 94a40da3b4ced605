package dev.triage.tools.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.triage.routing.encoder.BertEncoder;
import dev.triage.routing.encoder.EncoderSpec;
import dev.triage.routing.learned.Calibration;
import dev.triage.routing.learned.Combination;
import dev.triage.routing.learned.DifficultyClassifier;
import dev.triage.routing.learned.LearnedRouter;
import dev.triage.routing.learned.MatrixFactorization;
import dev.triage.routing.learned.RouterArtifacts;
import dev.triage.routing.learned.RouterManifest;
import dev.triage.tools.eval.Comparison;
import dev.triage.tools.eval.EvalRow;
import dev.triage.tools.eval.PairRows;
import dev.triage.tools.training.Battle;
import dev.triage.tools.training.BattleFile;
import dev.triage.tools.training.ClassifierTrainer;
import dev.triage.tools.training.MfTrainer;
import dev.triage.tools.training.PromptSplit;

/**
 * {@code train}: embeds every prompt, fits both heads on the training prompts, picks how to combine them on the
 * validation prompts, reports on the held-out prompts (never trained on, never used to choose), calibrates on the
 * training prompts and writes the router.
 */
final class TrainCommand {

    private TrainCommand() {}

    static void run(Args args) throws Exception {
        long seed = args.integer("seed", 42);
        String strong = args.string("strong", "gpt-4-1106-preview");
        String weak = args.string("weak", "mixtral-8x7b-instruct-v0.1");
        EncoderSpec spec = EncoderSpec.byId(args.string("encoder", EncoderSpec.ALL_MINILM_L6_V2.id()));
        int maxTokens = args.integer("max-tokens", 256);
        int layers = args.integer("layers", 0);
        PromptSplit split =
                new PromptSplit(seed, args.integer("test-percent", 20), args.integer("validation-percent", 10));
        List<Battle> battles = BattleFile.read(args.path("battles"));
        List<Battle> train = battles.stream()
                .filter(b -> split.of(b.prompt()) == PromptSplit.Part.TRAIN)
                .toList();
        System.out.printf(
                "%d battles on %d prompts; %d training battles%n",
                battles.size(), battles.stream().map(Battle::prompt).distinct().count(), train.size());

        long start = System.nanoTime();
        Map<String, float[]> embeddings;
        try (BertEncoder encoder = BertEncoder.load(spec, maxTokens, layers)) {
            String cache = args.string("embedding-cache", null);
            embeddings = EmbeddingStore.embed(
                    encoder, battles.stream().map(Battle::prompt).toList(), cache == null ? null : Path.of(cache));
        }
        System.out.printf(
                "embedded %d prompts with %s in %.1f s%n",
                embeddings.size(), spec.id(), (System.nanoTime() - start) / 1e9);

        MfTrainer.Options mfOptions = new MfTrainer.Options(
                args.integer("mf-dimensions", 16),
                args.integer("epochs", 30),
                args.decimal("learning-rate", 0.005),
                args.decimal("l2", 1e-3),
                seed);
        MatrixFactorization mf = MfTrainer.train(train, embeddings, mfOptions);
        ClassifierTrainer.Options classifierOptions = new ClassifierTrainer.Options(
                strong,
                args.integer("iterations", 400),
                args.decimal("classifier-learning-rate", 0.01),
                args.decimal("classifier-l2", 1e-3));
        DifficultyClassifier classifier = ClassifierTrainer.train(train, embeddings, classifierOptions);
        requireKnown(mf, strong, weak);

        List<EvalRow> validation = PairRows.of(battles, strong, weak, p -> split.of(p) == PromptSplit.Part.VALIDATION);
        List<EvalRow> test = PairRows.of(battles, strong, weak, p -> split.of(p) == PromptSplit.Part.TEST);
        Combination best = null;
        double bestApgr = Double.NEGATIVE_INFINITY;
        System.out.println("\nvalidation (" + validation.size() + " prompts), " + strong + " vs " + weak + ":");
        System.out.println(Comparison.HEADER);
        System.out.println("(choosing by the mean APGR of " + strong + " against every model on validation prompts)");
        for (Combination combination : Combination.values()) {
            LearnedRouter candidate = new LearnedRouter(
                    mf,
                    classifier,
                    manifest(spec, maxTokens, layers, strong, weak, combination, Map.of(), Map.of(), Map.of()));
            Comparison.Metrics metrics = Comparison.of(
                            combination.name().toLowerCase(Locale.ROOT),
                            scores(candidate, validation, embeddings, strong, weak),
                            validation)
                    .getFirst();
            double broad = meanApgrAgainstAll(
                    candidate, battles, strong, embeddings, p -> split.of(p) == PromptSplit.Part.VALIDATION);
            System.out.println(metrics.line() + String.format(Locale.ROOT, " mean APGR vs every model: %.3f", broad));
            if (broad > bestApgr) {
                bestApgr = broad;
                best = combination;
            }
        }

        LearnedRouter chosen = new LearnedRouter(
                mf, classifier, manifest(spec, maxTokens, layers, strong, weak, best, Map.of(), Map.of(), Map.of()));
        List<Comparison.Metrics> held = Comparison.of(
                "triage-" + best.name().toLowerCase(Locale.ROOT), scores(chosen, test, embeddings, strong, weak), test);
        System.out.println(
                "\nheld-out test (" + test.size() + " prompts never trained on), " + strong + " vs " + weak + ":");
        System.out.println(Comparison.HEADER);
        held.forEach(metrics -> System.out.println(metrics.line()));

        double[] trainScores = train.stream()
                .map(Battle::prompt)
                .distinct()
                .mapToDouble(prompt -> chosen.strongNeeded(embeddings.get(prompt), strong, weak))
                .toArray();
        Map<String, Double> calibration = new TreeMap<>();
        for (int pct = 10; pct <= 90; pct += 10) {
            calibration.put(
                    String.format(Locale.ROOT, "%.1f", pct / 100.0), Calibration.threshold(trainScores, pct / 100.0));
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("pair", strong + " vs " + weak);
        metrics.put(
                "heldout",
                held.stream().collect(LinkedHashMap::new, (m, r) -> m.put(r.router(), r.asMap()), Map::putAll));
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("data", args.required("battles"));
        training.put("license", "CC BY-NC 4.0 (AlpacaEval judgments); non-commercial research use");
        training.put("battles", train.size());
        training.put("seed", seed);
        training.put(
                "split",
                Map.of(
                        "testPercent",
                        split.testPercent(),
                        "validationPercent",
                        split.validationPercent(),
                        "by",
                        "SHA-256 of seed:prompt"));
        training.put("mf", mfOptions);
        training.put("classifier", classifierOptions);
        training.put("date", LocalDate.now().toString());
        LearnedRouter router =
                chosen.with(manifest(spec, maxTokens, layers, strong, weak, best, calibration, training, metrics));
        Path out = Path.of(args.string("out", "models/router"));
        RouterArtifacts.save(router, out);
        System.out.println("\nwrote " + out + " (combination " + best + ")");
        String heldoutOut = args.string("heldout-out", null);
        if (heldoutOut != null) {
            writeRows(Path.of(heldoutOut), test);
            System.out.println("wrote " + test.size() + " held-out rows to " + heldoutOut);
        }
    }

    /**
     * The mean APGR of {@code strong} against each other model it has battles with, on the given prompts: a far steadier
     * signal for choosing than the one pair's few prompts.
     */
    private static double meanApgrAgainstAll(
            LearnedRouter router,
            List<Battle> battles,
            String strong,
            Map<String, float[]> embeddings,
            java.util.function.Predicate<String> prompts) {
        Set<String> opponents = new java.util.TreeSet<>();
        battles.stream().filter(b -> b.modelA().equals(strong)).forEach(b -> opponents.add(b.modelB()));
        opponents.retainAll(router.mf().models());
        double sum = 0;
        int pairs = 0;
        for (String weak : opponents) {
            List<EvalRow> rows = PairRows.of(battles, strong, weak, prompts);
            if (rows.size() < 20) {
                continue;
            }
            sum += Comparison.of("", scores(router, rows, embeddings, strong, weak), rows)
                    .getFirst()
                    .apgr();
            pairs++;
        }
        return pairs == 0 ? Double.NaN : sum / pairs;
    }

    private static RouterManifest manifest(
            EncoderSpec spec,
            int maxTokens,
            int layers,
            String strong,
            String weak,
            Combination combination,
            Map<String, Double> calibration,
            Map<String, Object> training,
            Map<String, Object> metrics) {
        return new RouterManifest(
                "triage-router-" + LocalDate.now(),
                spec.id(),
                maxTokens,
                layers,
                strong,
                weak,
                combination,
                calibration,
                training,
                metrics);
    }

    static double[] scores(
            LearnedRouter router, List<EvalRow> rows, Map<String, float[]> embeddings, String strong, String weak) {
        return rows.stream()
                .mapToDouble(row -> router.strongNeeded(embeddings.get(row.prompt()), strong, weak))
                .toArray();
    }

    private static void requireKnown(MatrixFactorization mf, String strong, String weak) {
        Set<String> missing = new HashSet<>(List.of(strong, weak));
        missing.removeAll(mf.models());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no battles for " + missing + " in the training data");
        }
    }

    private static void writeRows(Path file, List<EvalRow> rows) throws IOException {
        ObjectMapper json = new ObjectMapper();
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (EvalRow row : rows) {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("id", row.id());
                map.put("benchmark", row.benchmark());
                map.put("prompt", row.prompt());
                map.put("strong_score", row.strongScore());
                map.put("weak_score", row.weakScore());
                writer.write(json.writeValueAsString(map));
                writer.write('\n');
            }
        }
    }
}
