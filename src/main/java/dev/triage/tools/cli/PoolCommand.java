package dev.triage.tools.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.triage.routing.encoder.BertEncoder;
import dev.triage.routing.encoder.EncoderSpec;
import dev.triage.routing.learned.MatrixFactorization;
import dev.triage.tools.eval.OutcomeSources;
import dev.triage.tools.eval.PoolCurve;
import dev.triage.tools.training.Battle;
import dev.triage.tools.training.MfTrainer;
import dev.triage.tools.training.ScoreFile;
import dev.triage.tools.training.TrainingData;

/**
 * {@code pool}: routing among N models on a source the win-rate model never saw. The model is fitted on every other
 * source (none of the held source's prompts, wherever they appear), then each held prompt scored by all the pool goes
 * to one model by its prediction; the quality-vs-cost curves of cost-first, hybrid and the two-model router are printed
 * beside random mixes and single models, at the pool's list prices.
 */
final class PoolCommand {

    private static final double[] BUDGETS = {0.05, 0.1, 0.2, 0.3, 0.4, 0.6, 0.8};
    private static final int CHARS_PER_TOKEN = 4;

    private PoolCommand() {}

    static void run(Args args) throws Exception {
        Path dataFile = Path.of(args.string("data", "models/training-data.json"));
        String aliases = args.string("aliases", null);
        TrainingData data =
                aliases == null ? TrainingData.read(dataFile) : TrainingData.read(dataFile, Path.of(aliases));
        DataFiles files = DataFiles.of(args);
        String held = args.string("held", "routerbench_arc_mbpp_winogrande");
        List<String> pool = Arrays.stream(args.string("pool", "").split(","))
                .filter(name -> !name.isBlank())
                .map(data::canonical)
                .toList();
        if (pool.size() < 2) {
            throw new IllegalArgumentException("--pool must name two or more models");
        }
        Map<String, double[]> prices = prices(Path.of(args.string("prices", "benchmarks/pool/prices.json")), pool);
        int outputTokens = args.integer("output-tokens", 200);

        Path heldFile = files.scores().stream()
                .filter(file -> file.getFileName().toString().equals(held + ".scores.jsonl"))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scores file for --held " + held));
        Map<String, Map<String, Double>> heldScores = new LinkedHashMap<>();
        ScoreFile.read(heldFile, data).forEach(source -> heldScores.putAll(source.scores()));
        Set<String> heldPrompts = heldScores.keySet();

        OutcomeSources outcomes = OutcomeSources.read(data, files.battles(), files.scores());
        List<Battle> training = new ArrayList<>();
        outcomes.battles().forEach((source, battles) -> {
            if (!source.equals(held) && !source.startsWith(held + "/")) {
                battles.stream()
                        .filter(battle -> !heldPrompts.contains(battle.prompt()))
                        .forEach(training::add);
            }
        });
        Set<String> prompts = new HashSet<>(heldPrompts);
        training.forEach(battle -> prompts.add(battle.prompt()));
        Map<String, float[]> embeddings;
        String cache = args.string("embedding-cache", null);
        try (BertEncoder encoder = BertEncoder.load(
                EncoderSpec.byId(args.string("encoder", EncoderSpec.ALL_MINILM_L6_V2.id())),
                args.integer("max-tokens", 128),
                args.integer("layers", 3))) {
            embeddings = EmbeddingStore.embed(encoder, List.copyOf(prompts), cache == null ? null : Path.of(cache));
        }
        MatrixFactorization mf =
                MfTrainer.train(training, embeddings, TrainCommand.mfOptions(args, args.integer("seed", 42)));
        List<String> unknown = pool.stream().filter(model -> !mf.knows(model)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the win-rate model fitted without " + held + " does not know " + unknown
                    + "; give their names in other sources with --aliases");
        }

        List<PoolCurve.Prompt> scored = new ArrayList<>();
        heldScores.forEach((prompt, byModel) -> {
            if (!byModel.keySet().containsAll(pool)) {
                return;
            }
            Map<String, Double> score = new LinkedHashMap<>();
            Map<String, Double> cost = new LinkedHashMap<>();
            Map<String, Double> logit = new LinkedHashMap<>();
            long inputTokens = prompt.length() / CHARS_PER_TOKEN + 1;
            for (String model : pool) {
                score.put(model, byModel.get(model));
                double[] price = prices.get(model);
                cost.put(model, (inputTokens * price[0] + outputTokens * price[1]) / 1e6);
                double p = mf.winProbability(model, pool.getFirst(), embeddings.get(prompt));
                logit.put(model, Math.log(p / (1 - p)));
            }
            scored.add(new PoolCurve.Prompt(score, cost, logit));
        });
        String strong = data.canonical(args.string("strong", "gpt-4-turbo"));
        String weak = data.canonical(args.string("weak", "mixtral-8x7b"));
        if (!pool.contains(strong) || !pool.contains(weak)) {
            throw new IllegalArgumentException(
                    "the two-model router's --strong " + strong + " and --weak " + weak + " must be in the pool");
        }
        PoolCurve curve = new PoolCurve(scored, pool);
        System.out.printf(
                "held out: %s, %d prompts scored for every model of the pool; win-rate model fitted on %d battles of "
                        + "the other sources; cost: prompt at %d characters a token, %d output tokens%n%n",
                held, scored.size(), training.size(), CHARS_PER_TOKEN, outputTokens);
        print(curve, pool, prices, strong, weak);
    }

    private static Map<String, double[]> prices(Path file, List<String> pool) throws Exception {
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        Map<String, double[]> prices = new LinkedHashMap<>();
        for (String model : pool) {
            JsonNode price = json.get(model);
            if (price == null || price.size() != 2) {
                throw new IllegalArgumentException(file + " has no [input, output] price for " + model);
            }
            prices.put(
                    model, new double[] {price.get(0).asDouble(), price.get(1).asDouble()});
        }
        return prices;
    }

    private static void print(
            PoolCurve curve, List<String> pool, Map<String, double[]> prices, String strong, String weak) {
        String best = pool.stream()
                .max((a, b) -> Double.compare(
                        curve.always(a).quality(), curve.always(b).quality()))
                .orElseThrow();
        String cheapest = pool.stream()
                .min((a, b) ->
                        Double.compare(curve.always(a).cost(), curve.always(b).cost()))
                .orElseThrow();
        PoolCurve.Point top = curve.always(best);
        System.out.println(
                "| model | USD in / out per M | quality | USD per 1k requests | share of " + best + "'s cost |");
        System.out.println("|---|---|---|---|---|");
        for (String model : pool) {
            PoolCurve.Point point = curve.always(model);
            System.out.printf(
                    Locale.ROOT,
                    "| always %s | %.2f / %.2f | %.3f | %.3f | %.1f%% |%n",
                    model,
                    prices.get(model)[0],
                    prices.get(model)[1],
                    point.quality(),
                    point.cost() * 1000,
                    100 * point.cost() / top.cost());
        }
        PoolCurve.Point oracle = curve.oracle();
        System.out.printf(
                Locale.ROOT,
                "| oracle (cheapest right model) | | %.3f | %.3f | %.1f%% |%n%n",
                oracle.quality(),
                oracle.cost() * 1000,
                100 * oracle.cost() / top.cost());

        List<PoolCurve.Curve> curves = List.of(
                curve.costFirst(),
                curve.hybrid(),
                curve.twoModel(strong, weak),
                curve.randomMix(best, cheapest),
                curve.randomAmongAll());
        StringBuilder header = new StringBuilder("| cost at most (share of " + best + "'s) |");
        StringBuilder rule = new StringBuilder("|---|");
        curves.forEach(c -> {
            header.append(' ').append(c.label()).append(" |");
            rule.append("---|");
        });
        System.out.println(header);
        System.out.println(rule);
        for (double budget : BUDGETS) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %.0f%% |", 100 * budget));
            curves.forEach(c -> row.append(String.format(
                    Locale.ROOT, " %.1f%% |", 100 * c.qualityWithin(budget * top.cost()) / top.quality())));
            System.out.println(row);
        }
        StringBuilder reach = new StringBuilder("| **cost to reach 95% of " + best + "'s quality** |");
        curves.forEach(c -> reach.append(
                String.format(Locale.ROOT, " %.1f%% |", 100 * c.costToReach(0.95 * top.quality()) / top.cost())));
        System.out.println(reach);
        System.out.println();
        System.out.println("Cells: the best quality each router reaches within the cost, as a share of always-" + best
                + "'s quality; last row: the least cost at which it reaches 95% of that quality (NaN: never).");
    }
}
