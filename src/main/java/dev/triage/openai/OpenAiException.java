package dev.triage.openai;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure that the client sees as OpenAI's error envelope {@code {"error":{"message","type","param","code"}}} with
 * {@link #status()}. {@code upstreamBody}, when present, is an upstream's own error envelope passed through verbatim.
 */
public class OpenAiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String param;
    private final String code;
    private final byte[] upstreamBody;
    private final Map<String, String> headers = Collections.synchronizedMap(new LinkedHashMap<>());

    public OpenAiException(int status, String type, String code, String param, String message) {
        this(status, type, code, param, message, null, null);
    }

    public OpenAiException(
            int status, String type, String code, String param, String message, byte[] upstreamBody, Throwable cause) {
        super(message, cause, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
        this.upstreamBody = upstreamBody;
    }

    public static OpenAiException invalidRequest(String message, String param) {
        return new OpenAiException(400, "invalid_request_error", "invalid_request", param, message);
    }

    public static OpenAiException modelNotFound(String model, String hint) {
        return new OpenAiException(
                404,
                "invalid_request_error",
                "model_not_found",
                "model",
                "The model '" + ClientText.bounded(model) + "' does not exist or you do not have access to it." + hint);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String param() {
        return param;
    }

    public String code() {
        return code;
    }

    /** The upstream's error body to send unchanged, or {@code null} to render {@link #toError()}. */
    public byte[] upstreamBody() {
        return upstreamBody;
    }

    /** Adds a response header to send with the error (e.g. {@code Retry-After}). */
    public OpenAiException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    public OpenAiError toError() {
        return OpenAiError.of(type, code, param, getMessage());
    }
}
