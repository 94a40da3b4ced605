package dev.triage.openai;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * A request body exactly as the client sent it, with the byte span of its top-level {@code model} value, so that the
 * upstream receives the same bytes with only the model name swapped: no field, number format or escape is rewritten.
 */
public record RawBody(byte[] bytes, Span model, Span streamOptions) {

    /** Where a top-level field's value lies in the bytes; {@link #ABSENT} when the body has no such field. */
    public record Span(int start, int end) {

        static final Span ABSENT = new Span(-1, -1);

        boolean present() {
            return start >= 0;
        }
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    /** Finds the top-level {@code model} string (and {@code stream_options}) in a body known to be an object with one. */
    static RawBody of(byte[] bytes) {
        Span model = Span.ABSENT;
        Span streamOptions = Span.ABSENT;
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                int start = (int) parser.currentTokenLocation().getByteOffset();
                if ("model".equals(name) && value == JsonToken.VALUE_STRING) {
                    parser.getText(); // the end offset is known once the string has been read
                    model = new Span(start, (int) parser.currentLocation().getByteOffset());
                } else if ("stream_options".equals(name)) {
                    parser.skipChildren();
                    streamOptions =
                            new Span(start, (int) parser.currentLocation().getByteOffset());
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("body was parsed before, it cannot fail now", e);
        }
        if (!model.present()) {
            throw new IllegalStateException("body has no top-level model string");
        }
        return new RawBody(bytes, model, streamOptions);
    }

    /** The body with its {@code model} value replaced. */
    public byte[] withModel(String model) {
        return withModel(model, null);
    }

    /**
     * The body with its {@code model} value replaced and, when {@code streamOptions} (raw JSON) is given, that value
     * for {@code stream_options}: in place of the client's, or as a field added first; nothing else changes.
     */
    public byte[] withModel(String model, String streamOptions) {
        byte[] name = ('"' + new String(JsonStringEncoder.getInstance().quoteAsString(model)) + '"')
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + name.length + 64);
        int at = 0;
        if (streamOptions != null && !this.streamOptions.present()) {
            at = indexOfOpeningBrace() + 1;
            out.write(bytes, 0, at);
            out.writeBytes(("\"stream_options\":" + streamOptions + ",").getBytes(StandardCharsets.UTF_8));
        }
        Map<Span, byte[]> replacements = new TreeMap<>(Comparator.comparingInt(Span::start));
        replacements.put(this.model, name);
        if (streamOptions != null && this.streamOptions.present()) {
            replacements.put(this.streamOptions, streamOptions.getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<Span, byte[]> replacement : replacements.entrySet()) {
            at = replace(out, at, replacement.getKey(), replacement.getValue());
        }
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    /** Copies the bytes from {@code at} up to {@code span}, then {@code value} instead of it; where copying goes on. */
    private int replace(ByteArrayOutputStream out, int at, Span span, byte[] value) {
        out.write(bytes, at, span.start() - at);
        out.writeBytes(value);
        return span.end();
    }

    private int indexOfOpeningBrace() {
        int i = 0;
        while (bytes[i] != '{') {
            i++;
        }
        return i;
    }
}
