package dev.triage.api;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;

import dev.triage.openai.OpenAiError;
import dev.triage.openai.OpenAiJson;
import io.quarkus.logging.Log;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Vert.x handlers that run before any resource, for every request. */
public class EdgeHandlers {

    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    void install(@Observes Router router, BodyLimit bodyLimit, ApiConfig limits) {
        router.route().order(Integer.MIN_VALUE).handler(EdgeHandlers::tagRequestId);
        router.route().order(Integer.MIN_VALUE).failureHandler(EdgeHandlers::failed);
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> rejectOversizedHead(context, limits));
        router.route().order(Integer.MIN_VALUE + 2).handler(context -> rejectOversized(context, bodyLimit));
        router.route().order(Integer.MIN_VALUE + 3).handler(EdgeHandlers::acceptAnything);
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

    /** Refuses a request line or headers over the gateway's limits, in the API's error envelope. */
    private static void rejectOversizedHead(RoutingContext context, ApiConfig limits) {
        HttpServerRequest request = context.request();
        long maxUrl = limits.maxUrlLength().asLongValue();
        long maxHeaders = limits.maxHeaderSize().asLongValue();
        if (request.uri().length() > maxUrl) {
            reject(context, 414, "url_too_long", "The request URL is longer than " + maxUrl + " characters.");
            return;
        }
        long headers = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headers += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headers > maxHeaders) {
            reject(
                    context,
                    431,
                    "headers_too_large",
                    "The request headers take " + headers + " bytes; this gateway accepts at most " + maxHeaders + ".");
            return;
        }
        context.next();
    }

    /**
     * A request the HTTP layer failed before any resource saw it (no {@code Host} on HTTP/1.1, ...): the client still
     * gets OpenAI's error format, not the framework's page.
     */
    private static void failed(RoutingContext context) {
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        int status = context.statusCode() < 400 ? 500 : context.statusCode();
        String message;
        if (status == 400 && context.request().host() == null) {
            message = "The request has no Host header, which HTTP/1.1 requires.";
        } else if (status < 500) {
            message = "The request could not be read (status " + status + ").";
        } else {
            Log.errorf(
                    context.failure(),
                    "request %s: unexpected failure before any resource",
                    context.request().getHeader(TriageHeaders.REQUEST_ID));
            message = "The gateway failed unexpectedly; the failure was logged.";
        }
        reject(context, status, status < 500 ? "invalid_request" : "internal_error", message);
    }

    private static void reject(RoutingContext context, int status, String code, String message) {
        respond(
                context,
                status,
                OpenAiError.of(status < 500 ? "invalid_request_error" : "server_error", code, null, message));
    }

    /**
     * Ends the request with {@code error} in its API's envelope, and the connection with it: what is left of the
     * request is not read.
     */
    private static void respond(RoutingContext context, int status, OpenAiError error) {
        context.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Buffer.buffer(OpenAiJson.write(
                        OpenAiErrorMapper.envelope(context.request().path(), status, error))));
    }

    /** Refuses a body that announces a length over the limit before reading a byte of it. */
    private static void rejectOversized(RoutingContext context, BodyLimit limit) {
        String header = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length = header != null && header.length() < 19 && header.chars().allMatch(Character::isDigit)
                ? Long.parseLong(header)
                : -1;
        if (limit.exceeds(length)) {
            respond(context, 413, limit.tooLarge(length).toError());
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
