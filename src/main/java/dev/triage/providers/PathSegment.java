package dev.triage.providers;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A model id or deployment name as one segment of an upstream's URL path. */
final class PathSegment {

    private PathSegment() {}

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
