package dev.triage.simulator;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.SplittableRandom;

/** A deterministic unit vector for a text: equal texts get equal vectors, nothing more is promised. */
final class SimulatedEmbedding {

    private static final int MAX_DIMENSIONS = 4096;

    private SimulatedEmbedding() {}

    static float[] of(String text, int dimensions) {
        int size = Math.max(1, Math.min(dimensions, MAX_DIMENSIONS));
        SplittableRandom random = new SplittableRandom(text.hashCode());
        double[] values = new double[size];
        double norm = 0;
        for (int i = 0; i < size; i++) {
            values[i] = random.nextGaussian();
            norm += values[i] * values[i];
        }
        float[] vector = new float[size];
        for (int i = 0; i < size; i++) {
            vector[i] = (float) (values[i] / Math.sqrt(norm));
        }
        return vector;
    }

    /** OpenAI's {@code encoding_format: base64}: little-endian float32 values, base64-encoded. */
    static String base64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : vector) {
            bytes.putFloat(value);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
