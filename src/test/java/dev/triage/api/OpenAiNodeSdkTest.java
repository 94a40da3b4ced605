package dev.triage.api;

import static dev.triage.testsupport.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.triage.testsupport.FakeUpstream;
import dev.triage.testsupport.FakeUpstreamResource;
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
        FakeUpstream.get().script(rateLimited, new FakeUpstream.Respond(429, "application/json",
                "{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}",
                java.util.Map.of()));
        FakeUpstream.get().script(midStream, new FakeUpstream.Stream(List.of(
                "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}]}"),
                Duration.ZERO, false));

        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=tap", "sdk.test.mjs")
                .directory(new File("src/test/node"))
                .redirectErrorStream(true);
        node.environment().put("TRIAGE_BASE_URL", RestAssured.baseURI + ":" + RestAssured.port + "/v1");
        node.environment().put("RATE_LIMITED_ID", rateLimited);
        node.environment().put("MIDSTREAM_ID", midStream);
        Process process = node.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        System.out.println(output);

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("# pass 10").contains("# fail 0");
    }
}
