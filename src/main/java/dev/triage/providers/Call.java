package dev.triage.providers;

import io.opentelemetry.context.Context;

/**
 * One call to a provider: the endpoint, the body for the upstream, the client's request id (forwarded), the upstream's
 * model id, the trace the tries' spans belong to, and what to run before each try.
 */
public record Call(Endpoint endpoint, byte[] body, String requestId, String model, Context trace, Runnable onTry) {}
