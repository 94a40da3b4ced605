package dev.triage.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Requests the HTTP layer refuses before any resource sees them, sent over a raw socket as a hostile client would: the
 * answer is still the API's error envelope (OpenAI's, Anthropic's on /v1/messages) with the right status, never an empty body or the framework's page.
 */
@QuarkusTest
class HttpEdgeTest {

    @Test
    void hugeHeadersAre431InTheEnvelope() throws IOException {
        String reply =
                send("GET /v1/models HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(40_000) + "\r\n\r\n");
        assertThat(reply).startsWith("HTTP/1.1 431").contains("\"code\":\"headers_too_large\"");
    }

    @Test
    void aHugeUrlIs414InTheEnvelope() throws IOException {
        String reply = send("GET /v1/models?x=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(reply).startsWith("HTTP/1.1 414").contains("\"code\":\"url_too_long\"");
    }

    @Test
    void onTheMessagesApiTheyAreInAnthropicsEnvelope() throws IOException {
        String headers = send("POST /v1/messages HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\nX-Padding: "
                + "a".repeat(40_000) + "\r\n\r\n{}");
        assertThat(headers)
                .startsWith("HTTP/1.1 431")
                .contains("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\"");
        String url = send("POST /v1/messages?x=" + "a".repeat(10_000)
                + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\n{}");
        assertThat(url).startsWith("HTTP/1.1 414").contains("{\"type\":\"error\"");
    }

    @Test
    void aMissingHostIs400InTheEnvelope() throws IOException {
        String reply = send("GET /v1/models HTTP/1.1\r\n\r\n");
        assertThat(reply)
                .startsWith("HTTP/1.1 400")
                .contains("\"error\":{")
                .contains("no Host header")
                .doesNotContain("stack");
    }

    private static String send(String request) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return read(socket.getInputStream());
        }
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                reply.write(buffer, 0, n);
                if (reply.toString(StandardCharsets.UTF_8).contains("}}")) {
                    break;
                }
            }
        } catch (IOException reset) {
            // what was read before the server closed is the answer
        }
        return reply.toString(StandardCharsets.UTF_8);
    }
}
