package dev.triage.providers;

/** An upstream's error status with its body and {@code Retry-After}, read before any event of a stream. */
final class UpstreamStatus extends RuntimeException {

    private final int status;
    private final byte[] body;
    private final String retryAfter;

    UpstreamStatus(int status, byte[] body, String retryAfter) {
        super("upstream status " + status, null, false, false);
        this.status = status;
        this.body = body;
        this.retryAfter = retryAfter;
    }

    int status() {
        return status;
    }

    byte[] body() {
        return body;
    }

    String retryAfter() {
        return retryAfter;
    }
}
