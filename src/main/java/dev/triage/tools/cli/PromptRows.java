package dev.triage.tools.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.triage.tools.training.JsonLines;

/** Rows of {@code {"id": ..., "prompt": ...}} (other fields ignored), the input of {@code score} and {@code calibrate}. */
record PromptRows(List<JsonNode> ids, List<String> prompts) {

    static PromptRows read(Path file) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        List<JsonNode[]> rows = JsonLines.read(file, (row, number, where) -> {
            if (!row.path("prompt").isTextual()) {
                throw new IOException(where + ": each row needs a string \"prompt\"");
            }
            return new JsonNode[] {row.has("id") ? row.get("id") : nodes.numberNode(number), row.get("prompt")};
        });
        return new PromptRows(
                rows.stream().map(row -> row[0]).toList(),
                rows.stream().map(row -> row[1].asText()).toList());
    }
}
