package dev.triage.api;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Runs {@code src/test/node/anthropic.test.mjs}: the official Anthropic TypeScript SDK (installed by {@code npm ci} in
 * the build) against this running gateway's Messages API. Skipped only with {@code -DskipNodeSdk=true}.
 */
@QuarkusTest
@WithTestResource(FakeUpstreamResource.class)
class AnthropicSdkTest {

    @Test
    void theOfficialAnthropicSdkWorksUnmodified() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("skipNodeSdk"), "skipNodeSdk is set");
        String rateLimited = ChatCompletionsTest.newId();
        FakeUpstream.get().script(rateLimited, FakeUpstream.rateLimited());

        String output = NodeTests.run(
                "anthropic.test.mjs",
                Map.of(
                        "TRIAGE_BASE_URL",
                        RestAssured.baseURI + ":" + RestAssured.port,
                        "RATE_LIMITED_ID",
                        rateLimited));
        assertThat(output).contains("# pass 7");
    }
}
