package dev.triage.api;

import static dev.triage.api.ChatCompletionsTest.newId;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.triage.testsupport.FakeUpstream;
import dev.triage.testsupport.FakeUpstreamResource;
import dev.triage.testsupport.Sse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Upstream server-sent events as real providers send them: comment lines (keep-alives), {@code retry:} and {@code id:}
 * fields, {@code event:} names and multi-line {@code data:}. The client gets only complete events, each framed so that
 * any SSE parser reads back the upstream's data.
 */
@QuarkusTest
@WithTestResource(FakeUpstreamResource.class)
class UpstreamSseTest {

    private static final String STREAM =
            "{\"model\":\"fake-model\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String CHUNK =
            "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}";

    @Test
    void commentsAndBareFieldsAreNeverForwardedAsEmptyEvents() throws Exception {
        String id = newId();
        FakeUpstream.get()
                .script(
                        id,
                        FakeUpstream.rawSse(
                                ": keep-alive\n\n",
                                ": OPENROUTER PROCESSING\n\n",
                                "retry: 3000\n\n",
                                "id: 7\n\n",
                                "data: " + CHUNK + "\n\n",
                                ": keep-alive\n\n",
                                "data: [DONE]\n\n"));
        Sse.Reply reply = Sse.post("/v1/chat/completions", id, STREAM);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.data()).containsExactly(CHUNK, "[DONE]");
        assertThat(reply.rawBody().lines())
                .noneMatch(line -> line.startsWith(":") || line.strip().equals("data:"));
    }

    @Test
    void multiLineDataIsReframedLineByLine() throws Exception {
        String id = newId();
        FakeUpstream.get()
                .script(
                        id,
                        FakeUpstream.rawSse(
                                "event: message\ndata: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\n",
                                "data: \"choices\":[]}\n\n",
                                "data: [DONE]\n\n"));
        Sse.Reply reply = Sse.post("/v1/chat/completions", id, STREAM);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.rawBody())
                .isEqualTo("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\n"
                        + "data: \"choices\":[]}\n\n"
                        + "data: [DONE]\n\n");
    }

    @Test
    void aStreamOfOnlyKeepAlivesIsAnEmptyStreamNotAStartedOne() throws Exception {
        String id = newId();
        FakeUpstream.get().script(id, FakeUpstream.rawSse(": keep-alive\n\n", ": keep-alive\n\n"));
        Sse.Reply reply = Sse.post("/v1/chat/completions", id, STREAM);
        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.rawBody()).contains("\"upstream_empty_stream\"");
    }
}
