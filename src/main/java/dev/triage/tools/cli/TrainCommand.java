package dev.triage.tools.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import dev.triage.routing.encoder.BertEncoder;
import dev.triage.routing.encoder.EncoderSpec;
import dev.triage.routing.encoder.TokenEmbedder;
import dev.triage.routing.learned.FirstStage;
import dev.triage.routing.learned.LearnedRouter;
import dev.triage.routing.learned.RouterArtifacts;
import dev.triage.routing.learned.RouterManifest;
import dev.triage.routing.learned.ScoreRanks;
import dev.triage.tools.eval.Candidates;
import dev.triage.tools.eval.FirstStageMargins;
import dev.triage.tools.eval.OutcomeSources;
import dev.triage.tools.eval.SourcePairs;
import dev.triage.tools.training.MfTrainer;
import dev.triage.tools.training.TrainingData;

/**
 * {@code train}: learns from every outcome in the data (judged battles, per-prompt scores), chooses the head's blend of
 * prompt length and how the heads combine by leave-one-source-out APGR (each source scored by heads that never saw
 * it, the way the router is judged), prints that table, then fits the chosen router on everything, calibrates it on
 * every training prompt and writes it with its manifest.
 */
final class TrainCommand {

    private static final String DEFAULT_BLENDS = "0,0.5,1,2";

    private TrainCommand() {}

    static void run(Args args) throws Exception {
        TrainingData data = TrainingData.read(Path.of(args.string("data", "models/training-data.json")));
        DataFiles files = DataFiles.of(args);
        List<Path> battleFiles = files.battles();
        List<Path> scoreFiles = files.scores();
        long seed = args.integer("seed", 42);
        double lambda = args.decimal("ridge-lambda", 10);
        double[] blends = Arrays.stream(
                        args.string("length-blends", DEFAULT_BLENDS).split(","))
                .mapToDouble(Double::parseDouble)
                .toArray();
        EncoderSpec spec = EncoderSpec.byId(args.string("encoder", EncoderSpec.ALL_MINILM_L6_V2.id()));
        // chosen on the validation: 128 tokens transfer better than 256 (mean APGR left out 0.545 against 0.541) and
        // halve
        // the cost of long prompts; 64 lose 0.010 (benchmarks/README.md)
        int maxTokens = args.integer("max-tokens", 128);
        int layers = args.integer("layers", 3);
        MfTrainer.Options mfOptions = mfOptions(args, seed);

        OutcomeSources outcomes = OutcomeSources.read(data, battleFiles, scoreFiles);
        List<SourcePairs> judged = outcomes.judged();
        List<String> prompts = outcomes.prompts();
        long battles = outcomes.allBattles().count();
        System.out.printf(
                "%d sources, %d battles for the win-rate model, %d sources with a strong and a weak model to judge by%n",
                outcomes.battles().size(), battles, judged.size());
        long start = System.nanoTime();
        Map<String, float[]> embeddings;
        Map<String, float[]> tokenEmbeddings;
        try (BertEncoder encoder = BertEncoder.load(spec, maxTokens, layers)) {
            String cache = args.string("embedding-cache", null);
            embeddings = EmbeddingStore.embed(encoder, prompts, cache == null ? null : Path.of(cache));
            TokenEmbedder tokens = encoder.tokenEmbedder();
            tokenEmbeddings = new HashMap<>();
            prompts.forEach(prompt -> tokenEmbeddings.put(prompt, tokens.embed(prompt)));
        }
        System.out.printf(
                "embedded %d prompts with %s (%d layers) and its token table in %.1f s%n",
                prompts.size(), spec.id(), layers, (System.nanoTime() - start) / 1e9);

        Candidates candidates = Candidates.leftOut(judged, outcomes, embeddings, data, lambda, blends, mfOptions);
        Candidates.Choice choice = chosen("", candidates);
        Map<String, Object> leftOut = candidates.table(choice, data);
        Candidates firstCandidates =
                Candidates.leftOut(judged, outcomes, tokenEmbeddings, data, lambda, blends, mfOptions);
        Candidates.Choice firstChoice = chosen("first stage (the token table): ", firstCandidates);
        Map<String, Object> firstLeftOut = firstCandidates.table(firstChoice, data);
        FirstStageMargins margins =
                FirstStageMargins.leftOut(judged, firstCandidates.scores(firstChoice), candidates.scores(choice));
        double margin = margins.best().margin();
        System.out.println("\nthe two stages together, by the first stage's margin:");
        margins.print();
        System.out.printf(Locale.ROOT, "%nchosen margin: %.2f%n", margin);

        String strong = data.canonical(args.string("strong", "gpt-4-turbo"));
        String weak = data.canonical(args.string("weak", "mixtral-8x7b"));
        Map<String, Object> training = new LinkedHashMap<>();
        training.put(
                "data",
                Stream.concat(battleFiles.stream(), scoreFiles.stream())
                        .map(Path::toString)
                        .toList());
        training.put("license", "per source: models/README.md; AlpacaEval judgments CC BY-NC 4.0, non-commercial");
        training.put(
                "prompts",
                judged.stream()
                        .flatMap(source -> source.rows().stream().map(row -> row.prompt()))
                        .distinct()
                        .count());
        training.put("battles", battles);
        training.put("seed", seed);
        training.put("ridgeLambda", lambda);
        training.put("lengthBlend", choice.lengthBlend());
        training.put("mf", mfOptions);
        training.put("date", LocalDate.now().toString());
        String version = "triage-router-" + LocalDate.now() + "-l" + layers + "-w" + maxTokens;
        RouterFit fit = new RouterFit(judged, outcomes, data, lambda, mfOptions, strong, weak);
        LearnedRouter first = fit.fit(
                firstChoice,
                tokenEmbeddings,
                new RouterManifest(
                        version + "-first-stage",
                        spec.id(),
                        maxTokens,
                        layers,
                        strong,
                        weak,
                        firstChoice.combination(),
                        null,
                        null,
                        null,
                        ordered("lengthBlend", firstChoice.lengthBlend(), "embedding", "token table"),
                        Map.of("leaveOneSourceOut", firstLeftOut)));
        LearnedRouter router = fit.fit(
                        choice,
                        embeddings,
                        new RouterManifest(
                                version,
                                spec.id(),
                                maxTokens,
                                layers,
                                strong,
                                weak,
                                choice.combination(),
                                null,
                                null,
                                margin,
                                training,
                                ordered("leaveOneSourceOut", leftOut, "firstStageMargins", margins.asList())))
                .with(new FirstStage(first, new ScoreRanks(first.manifest().percentiles()), margin));
        Path out = Path.of(args.string("out", "models/router"));
        RouterArtifacts.save(router, out);
        System.out.println(
                "\nwrote " + out + " (" + choice + "; first stage " + firstChoice + ", margin " + margin + ")");
    }

    /** Two entries in this order: the manifest's JSON must not depend on {@code Map.of}'s iteration order. */
    private static Map<String, Object> ordered(String key, Object value, String otherKey, Object otherValue) {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put(key, value);
        entries.put(otherKey, otherValue);
        return entries;
    }

    private static Candidates.Choice chosen(String title, Candidates candidates) {
        Candidates.Choice choice = candidates.best();
        System.out.println("\n" + title + "mean APGR with each source left out, by candidate:");
        candidates.print();
        System.out.println("\nchosen: " + choice + "\n");
        return choice;
    }

    /** The win-rate model's training options: the trainer's, which the other commands that fit one share. */
    static MfTrainer.Options mfOptions(Args args, long seed) {
        return new MfTrainer.Options(
                args.integer("mf-dimensions", 16),
                args.integer("epochs", 10),
                args.decimal("learning-rate", 0.005),
                args.decimal("l2", 1e-3),
                seed);
    }
}
