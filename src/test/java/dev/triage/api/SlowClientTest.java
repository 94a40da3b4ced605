package dev.triage.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triage.testsupport.FakeUpstream;
import dev.triage.testsupport.FakeUpstreamResource;
import dev.triage.testsupport.Sse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * A client that never finishes its request is cut off by the idle timeout (2 s here; 90 s by default, see
 * {@code ChatCompletionsTest}, where Quarkus's own default is 30 minutes); a stream that keeps talking is not.
 */
@QuarkusTest
@WithTestResource(FakeUpstreamResource.class)
@TestProfile(SlowClientTest.ShortIdleTimeout.class)
class SlowClientTest {

    public static class ShortIdleTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.idle-timeout", "2s");
        }
    }

    @Test
    void unfinishedHeadersAreClosedAfterTheIdleTimeout() throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // whatever the server says before it closes
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void aStreamLongerThanTheIdleTimeoutIsNotCut() throws Exception {
        String id = ChatCompletionsTest.newId();
        String chunk =
                "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]}";
        FakeUpstream.get().script(id, new FakeUpstream.Stream(events(chunk), Duration.ofMillis(1000), true));
        Sse.Reply reply = Sse.post(
                "/v1/chat/completions",
                id,
                "{\"model\":\"fake-model\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(reply.data()).hasSize(6).endsWith("[DONE]");
    }

    /** Five chunks and the end, a second apart: five seconds of a stream against an idle timeout of two. */
    private static List<String> events(String chunk) {
        List<String> events = new ArrayList<>(Collections.nCopies(5, chunk));
        events.add("[DONE]");
        return events;
    }
}
