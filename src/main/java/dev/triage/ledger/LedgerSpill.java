package dev.triage.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Rows the gateway could not write before it stopped (the database was down), kept in a local file, one JSON row per
 * line, and written to the database at the next start. Until they are, they stay in the file (and in it again at the
 * next shutdown, with whatever else is unwritten by then); inserts are idempotent on the row id, so a file replayed
 * twice writes nothing twice.
 */
final class LedgerSpill {

    private final Path file;
    private final ObjectMapper json;

    LedgerSpill(Path file, ObjectMapper json) {
        this.file = file;
        this.json = json;
    }

    Path file() {
        return file;
    }

    /** Replaces the file with these rows, on disk before it returns (written aside, then moved in one step). */
    void save(List<LedgerRow> rows) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path next = absolute.resolveSibling(absolute.getFileName() + ".next");
        try (FileChannel channel = FileChannel.open(
                next, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            StringBuilder lines = new StringBuilder();
            for (LedgerRow row : rows) {
                lines.append(json.writeValueAsString(row)).append('\n');
            }
            channel.write(ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        Files.move(next, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The rows left by an earlier run; a line that cannot be read (cut by a crash) is skipped. */
    List<LedgerRow> load() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<LedgerRow> rows = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    rows.add(json.readValue(line, LedgerRow.class));
                } catch (IOException unreadable) {
                    // a partial last line
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Once its rows are in the database. */
    void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
