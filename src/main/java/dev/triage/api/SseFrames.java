package dev.triage.api;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.triage.openai.OpenAiException;
import dev.triage.openai.OpenAiJson;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;

/**
 * Writes upstream events to the client as server-sent events, one frame per upstream event as soon as it arrives. A
 * stream never ends silently short: a failure after the first frame, or an upstream that stops without {@code [DONE]},
 * ends with an OpenAI error event. (The dispatcher hands over a stream only once its first event has arrived, so that a
 * failure before it can still get a real status or go to another model.)
 */
final class SseFrames {

    static final String CONTENT_TYPE = "text/event-stream; charset=utf-8";
    private static final String DONE = "[DONE]";

    private SseFrames() {}

    static Multi<Buffer> frame(Multi<String> events) {
        AtomicBoolean started = new AtomicBoolean();
        AtomicBoolean done = new AtomicBoolean();
        return events.onItem()
                .invoke(data -> {
                    started.set(true);
                    done.compareAndSet(false, DONE.equals(data.strip()));
                })
                .map(SseFrames::data)
                .onCompletion()
                .switchTo(
                        () -> done.get()
                                ? Multi.createFrom().empty()
                                : Multi.createFrom()
                                        .item(
                                                error(
                                                        new OpenAiException(
                                                                502,
                                                                "upstream_error",
                                                                "upstream_stream_truncated",
                                                                null,
                                                                "The upstream closed the stream before it finished; the answer is incomplete."))))
                .onFailure(failure -> started.get())
                .recoverWithItem(failure -> error(interrupted(failure)));
    }

    /** One event; data of several lines goes as one {@code data:} field per line, which parsers join back. */
    private static Buffer data(String data) {
        StringBuilder frame = new StringBuilder(data.length() + 16);
        data.lines().forEach(line -> frame.append("data: ").append(line).append('\n'));
        return Buffer.buffer(frame.append('\n').toString(), StandardCharsets.UTF_8.name());
    }

    /** A failure after the first frame, said as such: the client already holds part of an answer. */
    private static OpenAiException interrupted(Throwable failure) {
        String cause = failure.getMessage() != null ? " (" + failure.getMessage() + ")" : "";
        String code = failure instanceof OpenAiException known ? known.code() : "upstream_stream_failed";
        return new OpenAiException(
                502,
                "upstream_error",
                code,
                null,
                "The upstream stream broke off after it started" + cause + "; the answer is incomplete.");
    }

    private static Buffer error(OpenAiException error) {
        return data(new String(OpenAiJson.write(error.toError()), StandardCharsets.UTF_8));
    }
}
