package dev.triage.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Server-sent events as the specification dispatches them, whatever pieces the bytes arrive in. */
class SseParserTest {

    private static final String STREAM = ": keep-alive\r\n\r\n"
            + "event: message_start\r\ndata: {\"a\":\"é中\"}\r\n\r\n"
            + "retry: 1000\n\n"
            + "data: first line\ndata:second line\n\n"
            + "id: 7\rdata: cr only\r\r"
            + "data: [DONE]\n\n"
            + "data: never closed";

    @Test
    void eventsAreTheSameInOnePieceAndCutAtEveryByte() {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        List<String> whole = parse(List.of(bytes));
        assertThat(whole).containsExactly("{\"a\":\"é中\"}", "first line\nsecond line", "cr only", "[DONE]");
        List<byte[]> single = new ArrayList<>();
        for (byte b : bytes) {
            single.add(new byte[] {b});
        }
        assertThat(parse(single)).isEqualTo(whole);
        for (int cut = 1; cut < bytes.length; cut++) {
            assertThat(parse(List.of(Arrays.copyOfRange(bytes, 0, cut), Arrays.copyOfRange(bytes, cut, bytes.length))))
                    .as("cut at %d", cut)
                    .isEqualTo(whole);
        }
    }

    private static List<String> parse(List<byte[]> pieces) {
        List<String> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        pieces.forEach(parser::feed);
        parser.end();
        return events;
    }
}
