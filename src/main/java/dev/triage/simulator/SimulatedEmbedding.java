package dev.triage.simulator;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.SplittableRandom;

/** A deterministic unit vector for a text: equal texts get equal vectors, nothing more is promised. */
final class SimulatedEmbedding {

    private SimulatedEmbedding() {}

    static float[] of(String text, int dimensions) {
        SplittableRandom random = new SplittableRandom(text.hashCode());
        double[] values = new double[dimensions];
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            values[i] = random.nextGaussian();
            norm += values[i] * values[i];
        }
        float[] vector = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
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
