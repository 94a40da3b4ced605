package dev.triage.openai;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * A request body exactly as the client sent it, with the byte span of its top-level {@code model} value, so that the
 * upstream receives the same bytes with only the model name swapped: no field, number format or escape is rewritten.
 */
public record RawBody(byte[] bytes, int modelStart, int modelEnd) {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** Finds the top-level {@code model} string in a body already known to be a JSON object with one. */
    static RawBody of(byte[] bytes) {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean model = "model".equals(parser.currentName());
                JsonToken value = parser.nextToken();
                if (model && value == JsonToken.VALUE_STRING) {
                    int start = (int) parser.currentTokenLocation().getByteOffset();
                    parser.getText(); // the end offset is known once the string has been read
                    return new RawBody(
                            bytes, start, (int) parser.currentLocation().getByteOffset());
                }
                parser.skipChildren();
            }
        } catch (IOException e) {
            throw new IllegalStateException("body was parsed before, it cannot fail now", e);
        }
        throw new IllegalStateException("body has no top-level model string");
    }

    /** The body with its {@code model} value replaced. */
    public byte[] withModel(String model) {
        return withModel(model, null);
    }

    /**
     * The body with its {@code model} value replaced and, when {@code leadingField} (raw JSON {@code "name":value}) is
     * given, that field added first; nothing else changes.
     */
    public byte[] withModel(String model, String leadingField) {
        byte[] name = ('"' + new String(JsonStringEncoder.getInstance().quoteAsString(model)) + '"')
                .getBytes(StandardCharsets.UTF_8);
        byte[] field = leadingField == null ? new byte[0] : (leadingField + ",").getBytes(StandardCharsets.UTF_8);
        int afterBrace = indexOfOpeningBrace() + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + name.length + field.length);
        out.write(bytes, 0, afterBrace);
        out.write(field, 0, field.length);
        out.write(bytes, afterBrace, modelStart - afterBrace);
        out.write(name, 0, name.length);
        out.write(bytes, modelEnd, bytes.length - modelEnd);
        return out.toByteArray();
    }

    private int indexOfOpeningBrace() {
        int i = 0;
        while (bytes[i] != '{') {
            i++;
        }
        return i;
    }
}
