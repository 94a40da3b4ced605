package dev.triage.api;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;

import dev.triage.openai.OpenAiJson;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Vert.x handlers that run before any resource, for every request. */
public class EdgeHandlers {

    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    void install(@Observes Router router, BodyLimit bodyLimit) {
        router.route().order(Integer.MIN_VALUE).handler(EdgeHandlers::tagRequestId);
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> rejectOversized(context, bodyLimit));
        router.route().order(Integer.MIN_VALUE + 2).handler(EdgeHandlers::acceptAnything);
    }

    /**
     * Gives every request an {@code x-request-id}: the client's own when it is sane, a new one otherwise. It is set on
     * the request (so resources and upstream calls carry it) and on every response, errors included.
     */
    private static void tagRequestId(RoutingContext context) {
        String id = context.request().getHeader(TriageHeaders.REQUEST_ID);
        if (id == null || !SANE_ID.matcher(id).matches()) {
            id = "req_" + UUID.randomUUID().toString().replace("-", "");
            context.request().headers().set(TriageHeaders.REQUEST_ID, id);
        }
        context.response().putHeader(TriageHeaders.REQUEST_ID, id);
        context.next();
    }

    /** Refuses a body that announces a length over the limit before reading a byte of it. */
    private static void rejectOversized(RoutingContext context, BodyLimit limit) {
        String header = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length = header != null && header.length() < 19 && header.chars().allMatch(Character::isDigit)
                ? Long.parseLong(header)
                : -1;
        if (limit.exceeds(length)) {
            context.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(Buffer.buffer(OpenAiJson.write(limit.tooLarge(length).toError())));
            return;
        }
        context.next();
    }

    /**
     * OpenAI answers JSON or server-sent events according to the body's {@code stream} flag and ignores {@code Accept};
     * clients rely on that (the SDKs send {@code Accept: application/json} for streams too), so neither do we let
     * content negotiation reject them.
     */
    private static void acceptAnything(RoutingContext context) {
        context.request().headers().set(HttpHeaders.ACCEPT, "*/*");
        context.next();
    }
}
