package dev.triage.providers;

/** Where a call goes below a provider's base URL: its path, and the query parameters its API wants, or {@code null}. */
record UpstreamPath(String path, String apiVersion, String alt) {

    static UpstreamPath of(String path) {
        return new UpstreamPath(path, null, null);
    }
}
