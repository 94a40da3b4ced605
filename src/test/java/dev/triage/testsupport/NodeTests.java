package dev.triage.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one of the Node test files in {@code src/test/node} with {@code node --test} and fails on any failure. */
public final class NodeTests {

    private NodeTests() {}

    /** Runs {@code script} with {@code environment}; returns its TAP output once every test passed. */
    public static String run(String script, Map<String, String> environment) throws Exception {
        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=tap", script)
                .directory(new File("src/test/node"))
                .redirectErrorStream(true);
        node.environment().putAll(environment);
        Process process = node.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        System.out.println(output);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("# fail 0");
        return output;
    }
}
