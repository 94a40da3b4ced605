package dev.triage.tools.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The trainer's view of its data ({@code models/training-data.json}): one naming for the models of every source (the
 * GPT-4 family, Mixtral, Llama ... each under one canonical name, with its tier), and per source the kind of task it
 * is and its weight. The strong and weak models of a source are the first of each tier, in the file's order, that it
 * scored.
 */
public final class TrainingData {

    public enum Tier {
        STRONG,
        WEAK,
        OTHER
    }

    /** A source's kind of task (chat, multiple-choice, maths, code, knowledge) and its weight in training. */
    public record Source(String kind, double weight) {}

    private final Map<String, String> canonical = new HashMap<>();
    private final Map<String, Tier> tiers = new LinkedHashMap<>();
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Map<String, String> sourceOfFile = new HashMap<>();

    public static TrainingData read(Path file) throws IOException {
        return new TrainingData(new ObjectMapper().readTree(file.toFile()));
    }

    /**
     * The file, with more names from {@code aliases} ({@code {"model": ["alias", ...]}}): more aliases of its models,
     * or models of their own (tier other). For an evaluation that needs the same model recognised across sources
     * without changing what the trainer reproduces.
     */
    public static TrainingData read(Path file, Path aliases) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode data = (ObjectNode) json.readTree(file.toFile());
        ObjectNode models = (ObjectNode) data.get("models");
        json.readTree(aliases.toFile()).properties().forEach(entry -> {
            ObjectNode model = models.has(entry.getKey())
                    ? (ObjectNode) models.get(entry.getKey())
                    : models.putObject(entry.getKey());
            ArrayNode names = model.has("aliases") ? (ArrayNode) model.get("aliases") : model.putArray("aliases");
            entry.getValue().forEach(names::add);
        });
        return new TrainingData(data);
    }

    TrainingData(JsonNode json) {
        json.path("models").properties().forEach(model -> {
            String name = model.getKey();
            tiers.put(
                    name,
                    Tier.valueOf(model.getValue().path("tier").asText("other").toUpperCase()));
            canonical.put(name, name);
            model.getValue().path("aliases").forEach(alias -> canonical.put(alias.asText(), name));
        });
        json.path("sources")
                .properties()
                .forEach(source -> sources.put(
                        source.getKey(),
                        new Source(
                                source.getValue().path("kind").asText("other"),
                                source.getValue().path("weight").asDouble(1))));
        json.path("sources").properties().forEach(source -> {
            if (source.getValue().path("file").isTextual()) {
                sourceOfFile.put(source.getValue().get("file").asText(), source.getKey());
            }
        });
    }

    /**
     * The source a battles file holds: the one whose {@code file} names the file's stem ({@code battles} for
     * {@code battles.jsonl}), or the stem itself.
     */
    public String sourceOfFile(Path file) {
        String stem = file.getFileName()
                .toString()
                .replaceFirst("\\.battles\\.jsonl$", "")
                .replaceFirst("\\.jsonl$", "");
        return sourceOfFile.getOrDefault(stem, stem);
    }

    /** The one name of {@code model}; a name the file does not know stays as it is. */
    public String canonical(String model) {
        return canonical.getOrDefault(model, model);
    }

    public Tier tier(String model) {
        return tiers.getOrDefault(canonical(model), Tier.OTHER);
    }

    /** The source's kind and weight; a source the file does not list is {@code other}, weight 1. */
    public Source source(String key) {
        return sources.getOrDefault(key, new Source("other", 1));
    }

    /** The strong/weak pair a source is judged on: the first model of each tier, in the file's order, among those it scored. */
    public Optional<List<String>> pairAmong(java.util.Collection<String> scored) {
        String strong = first(Tier.STRONG, scored);
        String weak = first(Tier.WEAK, scored);
        return strong == null || weak == null ? Optional.empty() : Optional.of(List.of(strong, weak));
    }

    private String first(Tier tier, java.util.Collection<String> scored) {
        List<String> candidates = new ArrayList<>();
        tiers.forEach((model, modelTier) -> {
            if (modelTier == tier && scored.contains(model)) {
                candidates.add(model);
            }
        });
        return candidates.isEmpty() ? null : candidates.getFirst();
    }
}
