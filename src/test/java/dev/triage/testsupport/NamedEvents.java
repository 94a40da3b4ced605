package dev.triage.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a stream of named events (Responses API, Anthropic), checking that each names itself as its data's type. */
public final class NamedEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FRAME = Pattern.compile("event: (\\S+)\ndata: (.*)\n\n");

    private NamedEvents() {}

    public static List<JsonNode> parse(String raw) throws Exception {
        Matcher frames = FRAME.matcher(raw);
        List<JsonNode> events = new ArrayList<>();
        while (frames.find()) {
            JsonNode data = JSON.readTree(frames.group(2));
            assertThat(data.path("type").asText()).isEqualTo(frames.group(1));
            events.add(data);
        }
        assertThat(FRAME.matcher(raw).replaceAll(""))
                .as("nothing but event frames")
                .isEmpty();
        return events;
    }
}
