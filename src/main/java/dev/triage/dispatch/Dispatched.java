package dev.triage.dispatch;

import java.util.Map;

import dev.triage.routing.Decision;
import dev.triage.routing.FallbackRole;
import io.smallrye.mutiny.Multi;

/** The answer to a forwarded request: a whole upstream body, or the upstream's server-sent events as they come. */
public sealed interface Dispatched {

    /** The response header listing every model tried, in order: {@code model;tries=N;ok|error=code, ...}. */
    String ATTEMPTS_HEADER = "x-triage-attempts";

    /** The model that answered (the gateway's name for it). */
    String model();

    /** The route's decision, or {@link Decision#direct} when the request named a model. */
    Decision decision();

    /** The answering model's place in its chain: {@link FallbackRole#PRIMARY} unless another model failed first. */
    FallbackRole role();

    /** Every model tried, as in {@link #ATTEMPTS_HEADER}. */
    String attempts();

    /**
     * Whether the answer is in the client's own API, its request having gone as it was to a provider that speaks it
     * (see {@link NativeBody}); otherwise it is a Chat Completions answer.
     */
    boolean passedThrough();

    /**
     * {@code body} is exactly what the upstream answered; {@code upstreamHeaders} those of its headers the client gets
     * too (rate limits, processing time).
     */
    record Complete(
            String model,
            Decision decision,
            FallbackRole role,
            String attempts,
            String contentType,
            byte[] body,
            Map<String, String> upstreamHeaders,
            boolean passedThrough)
            implements Dispatched {

        /** This answer after the attempts {@code earlier} that a cascade did not let through. */
        Complete after(String earlier) {
            return new Complete(
                    model,
                    decision,
                    role,
                    earlier + ", " + attempts,
                    contentType,
                    body,
                    upstreamHeaders,
                    passedThrough);
        }
    }

    /** {@code events} are the {@code data} payloads of the upstream's events, {@code [DONE]} included if it sent it. */
    record Streaming(
            String model,
            Decision decision,
            FallbackRole role,
            String attempts,
            Multi<String> events,
            boolean passedThrough)
            implements Dispatched {}
}
