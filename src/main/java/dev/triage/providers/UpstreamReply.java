package dev.triage.providers;

/** A successful upstream answer, its body exactly as the upstream sent it. */
public record UpstreamReply(int status, String contentType, byte[] body) {
}
