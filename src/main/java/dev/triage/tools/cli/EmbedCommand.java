package dev.triage.tools.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.triage.routing.encoder.BertEncoder;
import dev.triage.routing.encoder.EncoderSpec;
import dev.triage.tools.training.JsonLines;

/**
 * {@code embed}: fills an embedding cache with the prompts of any number of JSON-lines files (battles, scores, prompts:
 * every row's {@code prompt}), so that training and validation runs over the same prompts never encode them again.
 */
final class EmbedCommand {

    private EmbedCommand() {}

    static void run(Args args) throws Exception {
        EncoderSpec spec = EncoderSpec.byId(args.string("encoder", EncoderSpec.ALL_MINILM_L6_V2.id()));
        List<String> prompts = new ArrayList<>();
        for (String file : args.required("input").split(",")) {
            prompts.addAll(JsonLines.read(
                    Path.of(file.strip()),
                    (row, number, where) -> row.path("prompt").asText()));
        }
        long start = System.nanoTime();
        try (BertEncoder encoder = BertEncoder.load(spec, args.integer("max-tokens", 256), args.integer("layers", 0))) {
            var embeddings = EmbeddingStore.embed(encoder, prompts, args.path("embedding-cache"));
            System.out.printf(
                    "%d distinct prompts of %d rows in %s (%s), %.1f s%n",
                    embeddings.size(),
                    prompts.size(),
                    args.required("embedding-cache"),
                    spec.id(),
                    (System.nanoTime() - start) / 1e9);
        }
    }
}
