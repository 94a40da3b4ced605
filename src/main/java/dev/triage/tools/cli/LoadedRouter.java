package dev.triage.tools.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.triage.routing.encoder.BertEncoder;
import dev.triage.routing.encoder.EncoderSpec;
import dev.triage.routing.encoder.TokenEmbedder;
import dev.triage.routing.learned.FirstStage;
import dev.triage.routing.learned.LearnedRouter;
import dev.triage.routing.learned.RouterArtifacts;
import dev.triage.routing.learned.RouterManifest;
import dev.triage.routing.learned.ScoreRanks;

/**
 * A trained router with the encoder its manifest names, scoring prompts for one strong/weak pair: by both stages, as
 * the gateway decides, when the router has a first stage (unless {@code --first-stage false}).
 */
final class LoadedRouter implements AutoCloseable {

    private final LearnedRouter router;
    private final BertEncoder encoder;
    private final String strong;
    private final String weak;
    private final Path embeddingCache;
    private final boolean firstStage;

    LoadedRouter(Args args) throws IOException {
        Path folder = args.routerFolder();
        this.router = RouterArtifacts.load(folder);
        RouterManifest manifest = router.manifest();
        this.strong = args.string("strong", manifest.defaultStrong());
        this.weak = args.string("weak", manifest.defaultWeak());
        String cache = args.string("embedding-cache", null);
        this.embeddingCache = cache == null ? null : Path.of(cache);
        this.firstStage = router.firstStage().isPresent() && Boolean.parseBoolean(args.string("first-stage", "true"));
        for (String model : List.of(strong, weak)) {
            if (!router.mf().knows(model)) {
                throw new IllegalArgumentException("'" + model + "' is unknown to this router; known: "
                        + router.mf().models());
            }
        }
        this.encoder = BertEncoder.load(EncoderSpec.byId(manifest.encoder()), manifest.maxTokens(), manifest.layers());
    }

    /** The prompts' embeddings by the router's encoder (read from {@code --embedding-cache} where it has them). */
    Map<String, float[]> embeddings(List<String> prompts) throws Exception {
        return EmbeddingStore.embed(encoder, prompts, embeddingCache);
    }

    double[] scores(List<String> prompts) throws Exception {
        Map<String, float[]> embeddings = embeddings(prompts);
        if (!firstStage) {
            return prompts.stream()
                    .mapToDouble(prompt -> router.strongNeeded(embeddings.get(prompt), prompt, strong, weak))
                    .toArray();
        }
        FirstStage stage = router.firstStage().orElseThrow();
        ScoreRanks ranks = router.ranks();
        TokenEmbedder tokens = encoder.tokenEmbedder();
        return prompts.stream()
                .mapToDouble(prompt -> {
                    double first = stage.router().strongNeeded(tokens.embed(prompt), prompt, strong, weak);
                    double rank = ranks.rank(router.strongNeeded(embeddings.get(prompt), prompt, strong, weak));
                    return ranks.score(stage.combinedRank(first, rank));
                })
                .toArray();
    }

    String pair() {
        return strong + " vs " + weak;
    }

    @Override
    public void close() {
        encoder.close();
    }
}
