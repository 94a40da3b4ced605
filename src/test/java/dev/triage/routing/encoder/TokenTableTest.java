package dev.triage.routing.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenTableTest {

    /** Three tokens of two dimensions. */
    private static final TokenTable TABLE = new TokenTable(FloatBuffer.wrap(new float[] {3, 0, 0, 4, 1, 1}), 2);

    @Test
    void aPromptIsTheUnitLengthMeanOfItsTokensRows() {
        assertThat(TABLE.embed(new long[] {0, 1})).containsExactly(0.6f, 0.8f);
        assertThat(TABLE.embed(new long[] {0, 0, 0})).containsExactly(1f, 0f);
    }

    @Test
    void theTableIsDistilledOnceThenReadFromItsFile(@TempDir Path cache) {
        Path file = cache.resolve("minilm.tokens");
        AtomicInteger distilled = new AtomicInteger();
        TokenTable first = TokenTable.cached(file, () -> {
            distilled.incrementAndGet();
            return TABLE;
        });
        TokenTable again = TokenTable.cached(file, () -> {
            distilled.incrementAndGet();
            return TABLE;
        });
        assertThat(distilled).hasValue(1);
        assertThat(again.embed(new long[] {1, 2})).containsExactly(first.embed(new long[] {1, 2}));
        assertThat(again.size()).isEqualTo(3);
    }

    @Test
    void aDamagedFileIsDistilledAgain(@TempDir Path cache) throws Exception {
        Path file = cache.resolve("minilm.tokens");
        Files.writeString(file, "not a table");
        AtomicInteger distilled = new AtomicInteger();
        TokenTable table = TokenTable.cached(file, () -> {
            distilled.incrementAndGet();
            return TABLE;
        });
        assertThat(distilled).hasValue(1);
        assertThat(table.embed(new long[] {0})).containsExactly(1f, 0f);
    }
}
