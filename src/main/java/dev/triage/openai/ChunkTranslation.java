package dev.triage.openai;

import java.util.List;

/**
 * Turns one upstream stream in another API's format into Chat Completions chunks (the {@code data} of each, ending
 * with {@link ChatChunks#DONE}): what each upstream event's {@code data} becomes, and what the end of the upstream's
 * stream adds. One instance per stream; not thread-safe (Mutiny delivers items one at a time).
 */
public interface ChunkTranslation {

    List<String> onEvent(String data);

    /** The upstream closed its stream: the closing chunks, or none when it never said it had finished. */
    List<String> onEnd();
}
