package dev.triage.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.triage.testsupport.FakeUpstream;
import dev.triage.testsupport.FakeUpstreamResource;
import dev.triage.testsupport.NodeTests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Runs {@code src/test/node/sdk.test.mjs}: the official OpenAI Node SDK (installed by {@code npm ci} in the build)
 * against this running gateway. Skipped only with {@code -DskipNodeSdk=true}.
 */
@QuarkusTest
@WithTestResource(FakeUpstreamResource.class)
class OpenAiNodeSdkTest {

    @Test
    void theOfficialNodeSdkWorksUnmodified() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("skipNodeSdk"), "skipNodeSdk is set");
        String rateLimited = ChatCompletionsTest.newId();
        String midStream = ChatCompletionsTest.newId();
        FakeUpstream.get().script(rateLimited, FakeUpstream.rateLimited());
        FakeUpstream.get()
                .script(
                        midStream,
                        new FakeUpstream.Stream(
                                List.of(
                                        "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}]}"),
                                Duration.ZERO,
                                false));

        String output = NodeTests.run(
                "sdk.test.mjs",
                Map.of(
                        "TRIAGE_BASE_URL", RestAssured.baseURI + ":" + RestAssured.port + "/v1",
                        "RATE_LIMITED_ID", rateLimited,
                        "MIDSTREAM_ID", midStream));
        assertThat(output).contains("# pass 14");
    }
}
