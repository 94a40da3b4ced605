package dev.triage.tools.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads pairwise preference rows ({@code battles.jsonl} style): {@code prompt}, {@code model_a}, {@code model_b},
 * {@code winner} ({@code model_a}, {@code model_b} or {@code tie}) and optionally AlpacaEval's {@code preference} in
 * [1, 2] (1 prefers a), which when continuous gives a soft label. An operator's own feedback in this shape retrains the
 * router.
 */
public final class BattleFile {

    private BattleFile() {}

    public static List<Battle> read(Path file) throws IOException {
        return JsonLines.read(file, (row, number, where) -> {
            if (!row.path("prompt").isTextual()
                    || !row.path("model_a").isTextual()
                    || !row.path("model_b").isTextual()) {
                throw new IOException(where + ": a battle needs prompt, model_a and model_b");
            }
            return new Battle(
                    row.get("prompt").asText(),
                    row.get("model_a").asText(),
                    row.get("model_b").asText(),
                    aWins(row, where),
                    row.path("subset").asText("all"));
        });
    }

    private static double aWins(JsonNode row, String where) throws IOException {
        JsonNode preference = row.get("preference");
        if (preference != null && preference.isNumber() && preference.asDouble() >= 1 && preference.asDouble() <= 2) {
            return 2 - preference.asDouble();
        }
        return switch (row.path("winner").asText()) {
            case "model_a" -> 1;
            case "model_b" -> 0;
            case "tie", "tie (bothbad)" -> 0.5;
            default -> throw new IOException(where + ": winner must be model_a, model_b or tie");
        };
    }
}
