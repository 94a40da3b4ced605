package dev.triage.tools.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.triage.tools.training.JsonLines;

/** A prompt with the quality of both models' answers: {@code {"id","benchmark","prompt","strong_score","weak_score"}}. */
public record EvalRow(String id, String benchmark, String prompt, double strongScore, double weakScore) {

    public static List<EvalRow> read(Path file) throws IOException {
        return JsonLines.read(file, (row, number, where) -> {
            if (!row.path("prompt").isTextual()
                    || !row.path("strong_score").isNumber()
                    || !row.path("weak_score").isNumber()) {
                throw new IOException(where + ": needs prompt, strong_score and weak_score");
            }
            return new EvalRow(
                    row.path("id").asText(String.valueOf(number)),
                    row.path("benchmark").asText("all"),
                    row.get("prompt").asText(),
                    row.get("strong_score").asDouble(),
                    row.get("weak_score").asDouble());
        });
    }
}
