package dev.triage.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.triage.routing.encoder.BertEncoder;
import dev.triage.routing.encoder.EncoderSpec;
import dev.triage.routing.encoder.TokenEmbedder;
import dev.triage.routing.learned.RouterArtifacts;
import dev.triage.routing.learned.RouterManifest;

class EncoderLoadingTest {

    private static final String PROMPT = "Prove that there are infinitely many primes.";

    @Test
    void aTokenTableCachedByAnEarlierStartMakesTheFirstStageReadyBeforeTheEncoder() throws Exception {
        RouterManifest manifest = RouterArtifacts.load(null).manifest();
        float[] expected;
        try (BertEncoder earlierStart =
                BertEncoder.load(EncoderSpec.byId(manifest.encoder()), manifest.maxTokens(), manifest.layers())) {
            expected = earlierStart.tokenEmbedder().embed(PROMPT);
        }

        EncoderLoading loading = new EncoderLoading(manifest, true);
        // runs on the loader thread as it completes the first stage, unless that happened before this line
        CompletableFuture<Boolean> encoderDoneThen =
                loading.firstStage().thenApply(ready -> loading.encoder().isDone());
        try {
            TokenEmbedder firstStage = loading.firstStage().get(30, TimeUnit.SECONDS);
            assertThat(encoderDoneThen.join()).isFalse();
            assertThat(firstStage.embed(PROMPT)).containsExactly(expected);
            assertThat(loading.encoder().get(60, TimeUnit.SECONDS).encode(PROMPT))
                    .hasSize(expected.length);
            assertThat(loading.firstStageState()).isEqualTo("ready");
        } finally {
            loading.close();
        }
    }
}
