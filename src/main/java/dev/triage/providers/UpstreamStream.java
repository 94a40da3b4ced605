package dev.triage.providers;

import java.util.Map;

import io.smallrye.mutiny.Multi;

/**
 * A started upstream stream: the {@code data} of its events from the first on, and the upstream's headers a client may
 * act on (see {@link UpstreamReply#passedOn}).
 */
public record UpstreamStream(Multi<String> events, Map<String, String> headers) {}
