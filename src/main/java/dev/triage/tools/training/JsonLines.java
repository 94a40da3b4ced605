package dev.triage.tools.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a JSON Lines file row by row, skipping blank lines; a row reader names the file and line it fails on. */
public final class JsonLines {

    /** Turns one row into a value; {@code number} is the 1-based line, {@code where} is {@code file:line}. */
    public interface RowReader<T> {
        T read(JsonNode row, int number, String where) throws IOException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {}

    public static <T> List<T> read(Path file, RowReader<T> reader) throws IOException {
        List<T> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    rows.add(reader.read(JSON.readTree(line), number, file + ":" + number));
                }
            }
        }
        return rows;
    }
}
