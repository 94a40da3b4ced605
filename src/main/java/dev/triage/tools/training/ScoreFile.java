package dev.triage.tools.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-(prompt, model) scores ({@code {"prompt","model","score","task",...}}, 1 = right), grouped by source: the file's
 * name without {@code .scores.jsonl}, then {@code /task} when the row names one. Models are read under their canonical
 * names.
 */
public final class ScoreFile {

    /** One source's scores: prompt, then model, then score (the mean when a model was scored more than once). */
    public record Source(String key, Map<String, Map<String, Double>> scores) {}

    private ScoreFile() {}

    public static List<Source> read(Path file, TrainingData data) throws IOException {
        String stem = file.getFileName()
                .toString()
                .replaceFirst("\\.scores\\.jsonl$", "")
                .replaceFirst("\\.jsonl$", "");
        Map<String, Map<String, Map<String, double[]>>> tallies = new LinkedHashMap<>();
        JsonLines.read(file, (row, number, where) -> {
            if (!row.path("prompt").isTextual()
                    || !row.path("model").isTextual()
                    || !row.path("score").isNumber()) {
                throw new IOException(where + ": needs prompt, model and a numeric score");
            }
            String task = row.path("task").asText("");
            String key = task.isEmpty() ? stem : stem + "/" + task;
            double[] tally = tallies.computeIfAbsent(key, k -> new LinkedHashMap<>())
                    .computeIfAbsent(row.get("prompt").asText(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(data.canonical(row.get("model").asText()), k -> new double[2]);
            tally[0] += row.get("score").asDouble();
            tally[1]++;
            return null;
        });
        return tallies.entrySet().stream()
                .map(source -> {
                    Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
                    source.getValue().forEach((prompt, models) -> {
                        Map<String, Double> means = new LinkedHashMap<>();
                        models.forEach((model, tally) -> means.put(model, tally[0] / tally[1]));
                        scores.put(prompt, means);
                    });
                    return new Source(source.getKey(), scores);
                })
                .toList();
    }
}
