package dev.triage.routing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded least-recently-used map from a prompt (by its SHA-256, so long prompts cost no memory) to its embedding. */
final class EmbeddingCache {

    private final Map<String, float[]> entries;

    EmbeddingCache(int capacity) {
        this.entries = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        });
    }

    float[] get(String key) {
        return entries.get(key);
    }

    void put(String key, float[] embedding) {
        entries.put(key, embedding);
    }

    static String keyOf(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
