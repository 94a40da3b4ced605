package dev.triage.openai;

import java.util.List;

/**
 * Turns one Chat Completions stream into another API's named events, chunk by chunk: what each chunk's {@code data}
 * becomes, how the stream ends, and what a client is told when it breaks off after it started. One instance per stream.
 */
public interface StreamTranslation {

    List<NamedEvent> onChunk(String data);

    /** The upstream's stream ended: the closing events, or an error if it never said it had finished. */
    List<NamedEvent> onEnd();

    /** The stream broke off after it started. */
    List<NamedEvent> interrupted(String why);
}
