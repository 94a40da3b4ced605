package dev.triage.tools.cli;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.routing.learned.Calibration;
import dev.triage.tools.eval.Comparison;
import dev.triage.tools.eval.EvalRow;
import dev.triage.tools.eval.RouterCurve;

/**
 * The router's command line, over the same routing code as the gateway and without its HTTP server:
 * {@code train}, {@code calibrate}, {@code score} and {@code evaluate}. Run it with {@code bin/router}.
 */
public final class RouterCommand {

    private static final String USAGE = """
            usage: bin/router <command> [--option value]...
              train     --data-dir ../shared/data | --battles a.jsonl,... --scores a.scores.jsonl,...
                        [--data models/training-data.json] [--out models/router] [--seed 42] [--embedding-cache FILE]
                        [--encoder all-minilm-l6-v2] [--layers 3] [--max-tokens 128] [--ridge-lambda 10]
                        [--length-blends 0,0.5,1,2] [--epochs 10] [--strong gpt-4-turbo --weak mixtral-8x7b]
              embed     --input a.jsonl,b.jsonl,... --embedding-cache FILE [--encoder all-minilm-l6-v2]
              validate  --data models/training-data.json --scores a.scores.jsonl,... [--battles a.jsonl,...]
                        [--router DIR] [--embedding-cache FILE] [--mf-epochs 10] [--ridge-lambda 10] [--length-blend 0]
                        [--head-encoder bge-small-en-v1.5 --head-embedding-cache FILE] [--head-layers 3]
              pool      --data-dir ../shared/data --pool gpt-4-turbo,mixtral-8x7b,... [--held SOURCE]
                        [--aliases benchmarks/pool/aliases.json] [--prices benchmarks/pool/prices.json]
                        [--output-tokens 200] [--embedding-cache FILE] [--strong M --weak M]
              calibrate --input prompts.jsonl --strong-pct 0.3 [--router DIR] [--strong M --weak M]
              score     --input prompts.jsonl --output scores.jsonl [--router DIR] [--strong M --weak M]
              evaluate  --input eval.jsonl [--router DIR] [--strong M --weak M]
            calibrate, score and evaluate use both stages, as the gateway does, unless --first-stage false.
            """;

    private RouterCommand() {}

    public static void main(String[] argv) {
        if (argv.length == 0) {
            System.err.print(USAGE);
            System.exit(2);
        }
        try {
            Args args = new Args(argv, 1);
            switch (argv[0]) {
                case "train" -> TrainCommand.run(args);
                case "embed" -> EmbedCommand.run(args);
                case "validate" -> ValidateCommand.run(args);
                case "pool" -> PoolCommand.run(args);
                case "calibrate" -> calibrate(args);
                case "score" -> score(args);
                case "evaluate" -> evaluate(args);
                default -> throw new IllegalArgumentException("unknown command '" + argv[0] + "'");
            }
            System.exit(0);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        } catch (Exception e) {
            System.err.println("error: " + e);
            System.exit(1);
        }
    }

    private static void calibrate(Args args) throws Exception {
        double share = args.decimal("strong-pct", Double.NaN);
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("--strong-pct must be a share between 0 and 1, e.g. 0.3");
        }
        PromptRows rows = PromptRows.read(args.path("input"));
        try (LoadedRouter router = new LoadedRouter(args)) {
            double threshold = Calibration.threshold(router.scores(rows.prompts()), share);
            System.out.printf(
                    Locale.ROOT,
                    "threshold %.5f sends %.0f%% of %d prompts to the strong model (%s)%n",
                    threshold,
                    share * 100,
                    rows.prompts().size(),
                    router.pair());
        }
    }

    private static void score(Args args) throws Exception {
        PromptRows rows = PromptRows.read(args.path("input"));
        Path output = args.path("output");
        ObjectMapper json = new ObjectMapper();
        try (LoadedRouter router = new LoadedRouter(args);
                Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            double[] scores = router.scores(rows.prompts());
            for (int i = 0; i < scores.length; i++) {
                ObjectNode row = json.createObjectNode();
                row.set("id", rows.ids().get(i));
                row.put("score", scores[i]);
                writer.write(json.writeValueAsString(row));
                writer.write('\n');
            }
        }
        System.out.printf("scored %d prompts into %s%n", rows.prompts().size(), output);
    }

    private static void evaluate(Args args) throws Exception {
        List<EvalRow> rows = EvalRow.read(args.path("input"));
        Map<String, List<EvalRow>> byBenchmark = new TreeMap<>();
        rows.forEach(row -> byBenchmark
                .computeIfAbsent(row.benchmark(), key -> new ArrayList<>())
                .add(row));
        if (byBenchmark.size() > 1) {
            byBenchmark.put("(all)", rows);
        }
        try (LoadedRouter router = new LoadedRouter(args)) {
            double[] all = router.scores(rows.stream().map(EvalRow::prompt).toList());
            Map<EvalRow, Double> scores = new LinkedHashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                scores.put(rows.get(i), all[i]);
            }
            System.out.println("router pair: " + router.pair());
            for (Map.Entry<String, List<EvalRow>> benchmark : byBenchmark.entrySet()) {
                List<EvalRow> part = benchmark.getValue();
                double[] partScores = part.stream().mapToDouble(scores::get).toArray();
                RouterCurve curve = RouterCurve.of(
                        partScores,
                        part.stream().mapToDouble(EvalRow::strongScore).toArray(),
                        part.stream().mapToDouble(EvalRow::weakScore).toArray());
                System.out.printf(
                        Locale.ROOT,
                        "%n## %s: weak %.3f, strong %.3f%n",
                        benchmark.getKey(),
                        curve.weakQuality(),
                        curve.strongQuality());
                System.out.println("curve (%strong -> quality): "
                        + curve.points().stream()
                                .map(p -> String.format(Locale.ROOT, "%.0f%%:%.3f", p.strongPercent(), p.quality()))
                                .toList());
                System.out.println(Comparison.HEADER);
                Comparison.of("triage", partScores, part).forEach(metrics -> System.out.println(metrics.line()));
            }
        }
    }
}
