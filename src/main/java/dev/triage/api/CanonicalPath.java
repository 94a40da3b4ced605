package dev.triage.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

import dev.triage.openai.OpenAiException;

/**
 * A request path as the router will dispatch it, whatever its spelling: percent-escapes decoded, matrix parameters
 * ({@code ;x=1}) dropped, empty and {@code .} segments removed, {@code ..} applied. Access is decided on this form,
 * so that {@code //v1/models}, {@code /%76%31/models} or {@code /x/../v1/models} need a key like {@code /v1/models}.
 */
final class CanonicalPath {

    private CanonicalPath() {}

    /** The canonical form of a raw path; 400 when it cannot be decoded. */
    static String of(String raw) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : raw.split("/")) {
            String name = decode(segment.contains(";") ? segment.substring(0, segment.indexOf(';')) : segment);
            switch (name) {
                case "", "." -> {}
                case ".." -> segments.pollLast();
                default -> segments.addLast(name);
            }
        }
        return "/" + String.join("/", segments);
    }

    /** Whether {@code path} (canonical) is {@code area} itself or below it. */
    static boolean isUnder(String path, String area) {
        return path.equals(area) || path.startsWith(area + "/");
    }

    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OpenAiException.invalidRequest("The request path has a malformed percent-escape.", null);
        }
    }
}
