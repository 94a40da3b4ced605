package dev.triage.routing.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A prompt with the quality of both models' answers: {@code {"id","benchmark","prompt","strong_score","weak_score"}}. */
public record EvalRow(String id, String benchmark, String prompt, double strongScore, double weakScore) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static List<EvalRow> read(Path file) throws IOException {
        List<EvalRow> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = JSON.readTree(line);
                if (!row.path("prompt").isTextual() || !row.path("strong_score").isNumber()
                        || !row.path("weak_score").isNumber()) {
                    throw new IOException(file + ":" + number + ": needs prompt, strong_score and weak_score");
                }
                rows.add(new EvalRow(row.path("id").asText(String.valueOf(number)), row.path("benchmark").asText("all"),
                        row.get("prompt").asText(), row.get("strong_score").asDouble(), row.get("weak_score").asDouble()));
            }
        }
        return rows;
    }
}
