package dev.triage.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The spill file keeps rows exactly, and survives a line cut by a crash. */
class LedgerSpillTest {

    static LedgerRow row(String requestId) {
        return new LedgerRow(
                UUID.randomUUID(),
                Instant.parse("2026-12-03T10:15:30.123456Z"),
                requestId,
                null,
                "auto",
                "weak",
                0.25,
                0.5,
                "sim-weak",
                null,
                "sim-weak;tries=1;ok",
                12L,
                3L,
                new BigDecimal("0.0000042"),
                new BigDecimal("0.00021"),
                12.5,
                200,
                "ok",
                true,
                false);
    }

    @Test
    void rowsComeBackAsTheyWereSavedAndACutLineIsSkipped(@TempDir Path dir) throws IOException {
        LedgerSpill spill = new LedgerSpill(dir.resolve("spill.jsonl"), new ObjectMapper().findAndRegisterModules());
        List<LedgerRow> rows = List.of(row("a"), row("b"));
        spill.save(rows);
        assertThat(spill.load()).isEqualTo(rows);

        Files.writeString(spill.file(), "{\"id\":\"cut", java.nio.file.StandardOpenOption.APPEND);
        assertThat(spill.load()).isEqualTo(rows);
        spill.delete();
        assertThat(spill.load()).isEmpty();
    }
}
