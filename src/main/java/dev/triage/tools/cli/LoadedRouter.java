package dev.triage.tools.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.triage.routing.encoder.BertEncoder;
import dev.triage.routing.encoder.EncoderSpec;
import dev.triage.routing.learned.LearnedRouter;
import dev.triage.routing.learned.RouterArtifacts;
import dev.triage.routing.learned.RouterManifest;

/** A trained router with the encoder its manifest names, scoring prompts for one strong/weak pair. */
final class LoadedRouter implements AutoCloseable {

    private final LearnedRouter router;
    private final BertEncoder encoder;
    private final String strong;
    private final String weak;
    private final Path embeddingCache;

    LoadedRouter(Args args) throws IOException {
        Path folder = args.routerFolder();
        this.router = RouterArtifacts.load(folder);
        RouterManifest manifest = router.manifest();
        this.strong = args.string("strong", manifest.defaultStrong());
        this.weak = args.string("weak", manifest.defaultWeak());
        String cache = args.string("embedding-cache", null);
        this.embeddingCache = cache == null ? null : Path.of(cache);
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
        return prompts.stream()
                .mapToDouble(prompt -> router.strongNeeded(embeddings.get(prompt), prompt, strong, weak))
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
