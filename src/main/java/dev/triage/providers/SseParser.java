package dev.triage.providers;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads a server-sent event stream as its bytes arrive, in pieces cut anywhere (inside a line, a CRLF or a UTF-8
 * character), and hands on the {@code data} of each event as the SSE specification dispatches it: {@code data:} lines
 * joined by newlines, at a blank line; comments, other fields and events without data are not events. Not
 * thread-safe: one per response, fed in order.
 */
final class SseParser {

    private final Consumer<String> onData;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private boolean afterCr;

    SseParser(Consumer<String> onData) {
        this.onData = onData;
    }

    void feed(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\n' && afterCr) {
                afterCr = false;
                continue; // the LF of a CRLF
            }
            afterCr = b == '\r';
            if (b == '\n' || b == '\r') {
                endLine();
            } else {
                line.write(b);
            }
        }
    }

    /** The stream ended: an event not closed by a blank line is not dispatched (the spec's rule). */
    void end() {
        line.reset();
        data.setLength(0);
        hasData = false;
    }

    private void endLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.isEmpty()) {
            if (hasData) {
                String event = data.toString();
                data.setLength(0);
                hasData = false;
                if (!event.isEmpty()) {
                    onData.accept(event);
                }
            }
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        if (!field.equals("data")) {
            return; // a comment (":..."), event, id, retry or unknown field
        }
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (hasData) {
            data.append('\n');
        }
        data.append(value);
        hasData = true;
    }
}
