package dev.triage.tools.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The battles and scores files a command reads: {@code --battles} and {@code --scores}, and with {@code --data-dir} the
 * data folder's judge battles and every file of its {@code outcomes/}.
 */
record DataFiles(List<Path> battles, List<Path> scores) {

    static DataFiles of(Args args) throws IOException {
        List<Path> battles = new ArrayList<>(args.paths("battles"));
        List<Path> scores = new ArrayList<>(args.paths("scores"));
        String dataDir = args.string("data-dir", null);
        if (dataDir != null) {
            battles.addAll(outcomes(Path.of(dataDir), ".battles.jsonl"));
            battles.addFirst(Path.of(dataDir, "battles.jsonl"));
            scores.addAll(outcomes(Path.of(dataDir), ".scores.jsonl"));
        }
        if (battles.isEmpty() && scores.isEmpty()) {
            throw new IllegalArgumentException("no data: give --data-dir, or --battles and/or --scores");
        }
        return new DataFiles(List.copyOf(battles), List.copyOf(scores));
    }

    private static List<Path> outcomes(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("outcomes"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }
}
