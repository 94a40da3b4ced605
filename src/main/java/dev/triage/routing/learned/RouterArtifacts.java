package dev.triage.routing.learned;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A trained router on disk: {@code manifest.json}, {@code mf.json} and {@code classifier.json} in one folder (the
 * shipped one is {@code models/router}, on the classpath as {@code router/}), and the same three files of its first
 * stage, when it has one, in its folder {@code first-stage}.
 */
public final class RouterArtifacts {

    public static final String CLASSPATH_FOLDER = "router";
    private static final String FIRST_STAGE = "first-stage/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private RouterArtifacts() {}

    /** Reads a router from {@code folder}, or from the classpath when {@code folder} is {@code null}. */
    public static LearnedRouter load(Path folder) throws IOException {
        LearnedRouter router = load(folder, "");
        if (!router.manifest().hasFirstStage()) {
            return router;
        }
        LearnedRouter first = load(folder, FIRST_STAGE);
        return router.with(new FirstStage(
                first,
                new ScoreRanks(first.manifest().percentiles()),
                router.manifest().firstStageMargin()));
    }

    private static LearnedRouter load(Path folder, String stage) throws IOException {
        RouterManifest manifest = JSON.treeToValue(read(folder, stage + "manifest.json"), RouterManifest.class);
        JsonNode mf = read(folder, stage + "mf.json");
        JsonNode classifier = read(folder, stage + "classifier.json");
        Map<String, float[]> vectors = new TreeMap<>();
        Map<String, Float> biases = new TreeMap<>();
        mf.get("models").properties().forEach(model -> {
            vectors.put(model.getKey(), floats(model.getValue().get("vector")));
            biases.put(model.getKey(), (float) model.getValue().get("bias").asDouble());
        });
        JsonNode rows = mf.get("projection");
        float[][] projection = new float[rows.size()][];
        for (int i = 0; i < projection.length; i++) {
            projection[i] = floats(rows.get(i));
        }
        return new LearnedRouter(
                new MatrixFactorization(projection, vectors, biases),
                new DifficultyClassifier(
                        floats(classifier.get("weights")),
                        (float) classifier.get("bias").asDouble(),
                        (float) classifier.path("lengthWeight").asDouble(0)),
                manifest);
    }

    public static void save(LearnedRouter router, Path folder) throws IOException {
        saveHeads(router, folder);
        if (router.firstStage().isPresent()) {
            saveHeads(router.firstStage().get().router(), folder.resolve(FIRST_STAGE));
        }
    }

    private static void saveHeads(LearnedRouter router, Path folder) throws IOException {
        Files.createDirectories(folder);
        PRETTY.writeValue(folder.resolve("manifest.json").toFile(), router.manifest());
        ObjectNode mf = JSON.createObjectNode();
        mf.set("projection", JSON.valueToTree(router.mf().projection()));
        ObjectNode models = mf.putObject("models");
        new TreeMap<>(router.mf().modelVectors()).forEach((model, vector) -> {
            ObjectNode entry = models.putObject(model);
            entry.set("vector", JSON.valueToTree(vector));
            entry.put("bias", router.mf().modelBiases().get(model));
        });
        JSON.writeValue(folder.resolve("mf.json").toFile(), mf);
        Map<String, Object> classifier = new LinkedHashMap<>();
        classifier.put("weights", router.classifier().weights());
        classifier.put("bias", router.classifier().bias());
        classifier.put("lengthWeight", router.classifier().lengthWeight());
        JSON.writeValue(folder.resolve("classifier.json").toFile(), classifier);
    }

    private static JsonNode read(Path folder, String file) throws IOException {
        if (folder != null) {
            return JSON.readTree(folder.resolve(file).toFile());
        }
        try (InputStream in =
                RouterArtifacts.class.getClassLoader().getResourceAsStream(CLASSPATH_FOLDER + "/" + file)) {
            if (in == null) {
                throw new IOException("router artifact " + CLASSPATH_FOLDER + "/" + file + " is not on the classpath");
            }
            return JSON.readTree(in);
        }
    }

    private static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.get(i).asDouble();
        }
        return values;
    }
}
