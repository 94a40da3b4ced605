package dev.triage.api;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.triage.openai.StreamTranslation;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;

/**
 * Writes a Chat Completions stream as another API's named server-sent events, each frame as soon as its chunk arrives;
 * a stream that breaks off after it started ends with the translation's own error events. (The dispatcher hands over
 * a stream only once its first event has arrived, so a failure before it still gets a real status.)
 */
final class NamedEventFrames {

    private NamedEventFrames() {}

    static Multi<Buffer> frame(Multi<String> events, StreamTranslation translation) {
        AtomicBoolean started = new AtomicBoolean();
        return events.onItem()
                .transformToIterable(translation::onChunk)
                .onCompletion()
                .switchTo(() -> Multi.createFrom().iterable(translation.onEnd()))
                .onItem()
                .invoke(() -> started.set(true))
                .onFailure(failure -> started.get())
                .recoverWithMulti(failure ->
                        Multi.createFrom().iterable(translation.interrupted(String.valueOf(failure.getMessage()))))
                .map(event -> Buffer.buffer(event.frame()));
    }
}
