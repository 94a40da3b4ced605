package dev.triage.routing.encoder;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import ai.djl.util.Utils;
import io.quarkus.logging.Log;

/**
 * A static embedding per vocabulary token, distilled from an encoder: a prompt's embedding is the unit-length mean of
 * its tokens' rows, a few microseconds instead of the encoder's milliseconds. The learned router's first stage decides
 * on it and leaves the prompts it is unsure of to the encoder.
 */
public final class TokenTable {

    private static final String TENSOR = "tokens";

    private final FloatBuffer rows;
    private final int hidden;

    TokenTable(FloatBuffer rows, int hidden) {
        this.rows = rows;
        this.hidden = hidden;
    }

    /**
     * Where the table distilled from {@code spec}'s first {@code layers} layers (0: all) is cached: beside the converted
     * weights, named by the ONNX's size like them.
     */
    static Path file(EncoderSpec spec, int layers) throws IOException {
        return Utils.getCacheDir()
                .resolve(ConvertedWeights.DIRECTORY)
                .resolve(spec.id() + "-" + ConvertedWeights.sizeOf(spec.resource(spec.onnxResource)) + "-l"
                        + (layers > 0 ? String.valueOf(layers) : "all") + ".tokens");
    }

    /** The table in {@code file}, if there is a readable one. */
    static Optional<TokenTable> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            OnnxWeights.Tensor tensor = ConvertedWeights.read(file).get(TENSOR);
            return Optional.of(new TokenTable(tensor.values(), Math.toIntExact(tensor.shape()[1])));
        } catch (IOException | RuntimeException e) {
            Log.warnf("Token table %s is unreadable (%s); distilling it again", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** The table in {@code file}, or {@code distil}'s, then written there for the next start (like the weights). */
    static TokenTable cached(Path file, Supplier<TokenTable> distil) {
        return read(file).orElseGet(() -> {
            TokenTable table = distil.get();
            try {
                ConvertedWeights.write(
                        Map.of(TENSOR, new OnnxWeights.Tensor(new long[] {table.size(), table.hidden}, table.rows)),
                        file);
            } catch (IOException e) {
                Log.infof(
                        "Token table not cached in %s (%s): it will be distilled at each start", file, e.getMessage());
            }
            return table;
        });
    }

    /** The unit-length mean of the rows of {@code ids}. */
    public float[] embed(long[] ids) {
        float[] sum = new float[hidden];
        for (long id : ids) {
            int row = Math.toIntExact(id) * hidden;
            for (int h = 0; h < hidden; h++) {
                sum[h] += rows.get(row + h);
            }
        }
        double norm = 0;
        for (float value : sum) {
            norm += value * value;
        }
        float scale = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
        for (int h = 0; h < hidden; h++) {
            sum[h] *= scale;
        }
        return sum;
    }

    int size() {
        return rows.limit() / hidden;
    }
}
