package dev.triage.tools.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.triage.routing.encoder.BertEncoder;

/**
 * Prompt embeddings kept on disk between training runs ({@code --embedding-cache FILE}), tagged with the encoder set-up
 * that made them so that a cache of another encoder is never reused.
 */
final class EmbeddingStore {

    private EmbeddingStore() {}

    static Map<String, float[]> embed(BertEncoder encoder, List<String> prompts, Path file) throws Exception {
        String tag = encoder.spec().id() + "/" + encoder.maxTokens() + "/" + encoder.layers();
        Map<String, float[]> cached = file != null && Files.exists(file) ? read(file, tag) : new HashMap<>();
        List<String> missing = prompts.stream()
                .distinct()
                .filter(prompt -> !cached.containsKey(prompt))
                .toList();
        if (!missing.isEmpty()) {
            cached.putAll(Embeddings.of(encoder, missing));
            if (file != null) {
                write(file, tag, cached);
            }
        }
        return cached;
    }

    private static Map<String, float[]> read(Path file, String tag) throws IOException {
        Map<String, float[]> embeddings = new HashMap<>();
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            if (!in.readUTF().equals(tag)) {
                return embeddings;
            }
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String prompt = new String(in.readNBytes(in.readInt()), java.nio.charset.StandardCharsets.UTF_8);
                float[] vector = new float[in.readInt()];
                for (int j = 0; j < vector.length; j++) {
                    vector[j] = in.readFloat();
                }
                embeddings.put(prompt, vector);
            }
        }
        return embeddings;
    }

    private static void write(Path file, String tag, Map<String, float[]> embeddings) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (DataOutputStream out =
                new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeUTF(tag);
            out.writeInt(embeddings.size());
            for (Map.Entry<String, float[]> entry : embeddings.entrySet()) {
                byte[] prompt = entry.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.writeInt(prompt.length);
                out.write(prompt);
                out.writeInt(entry.getValue().length);
                for (float value : entry.getValue()) {
                    out.writeFloat(value);
                }
            }
        }
    }
}
