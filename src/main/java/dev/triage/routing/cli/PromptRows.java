package dev.triage.routing.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Rows of {@code {"id": ..., "prompt": ...}} (other fields ignored), the input of {@code score} and {@code calibrate}. */
record PromptRows(List<JsonNode> ids, List<String> prompts) {

    static PromptRows read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> ids = new ArrayList<>();
        List<String> prompts = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = json.readTree(line);
                if (!row.path("prompt").isTextual()) {
                    throw new IOException(file + ":" + number + ": each row needs a string \"prompt\"");
                }
                ids.add(row.has("id") ? row.get("id") : json.getNodeFactory().numberNode(number));
                prompts.add(row.get("prompt").asText());
            }
        }
        return new PromptRows(ids, prompts);
    }
}
