package dev.triage.testsupport;

import java.util.ArrayList;
import java.util.List;

/**
 * Bodies and events as Anthropic's Messages API and Google's Gemini API send them (their documented examples, with the
 * fields real answers carry), for the fake upstreams of those provider types and the translation tests.
 */
public final class ProviderPayloads {

    public static final String ANTHROPIC_MESSAGE = """
            {"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant",\
            "model":"claude-sonnet-4-5-20250929","content":[{"type":"text","text":"Hello! How can I help?"}],\
            "stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":1200,\
            "cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":300,"service_tier":"standard"}}""";

    public static final String ANTHROPIC_TOOL_USE = """
            {"id":"msg_01Aq9w938a90dw8q","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",\
            "content":[{"type":"text","text":"I'll check the weather."},{"type":"tool_use",\
            "id":"toolu_01A09q90qw90lq917835lq9","name":"get_weather","input":{"city":"Paris"}}],\
            "stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":380,\
            "cache_read_input_tokens":100,"output_tokens":65}}""";

    public static final String ANTHROPIC_OVERLOADED =
            "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";

    public static final String ANTHROPIC_RATE_LIMITED = "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\","
            + "\"message\":\"Number of request tokens has exceeded your per-minute rate limit\"}}";

    public static final String ANTHROPIC_BAD_REQUEST =
            "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                    + "\"message\":\"messages.0.content: Input should be a valid list\"}}";

    public static final String GEMINI_RESPONSE = """
            {"candidates":[{"content":{"parts":[{"text":"Hello! How can I help?"}],"role":"model"},\
            "finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":8,"candidatesTokenCount":7,\
            "totalTokenCount":35,"thoughtsTokenCount":20,"promptTokensDetails":[{"modality":"TEXT","tokenCount":8}]},\
            "modelVersion":"gemini-2.5-flash","responseId":"mfJbaI2QCcq3nvgP2_3NiAc"}""";

    public static final String GEMINI_FUNCTION_CALL = """
            {"candidates":[{"content":{"parts":[{"functionCall":{"name":"get_weather","args":{"city":"Paris"}},\
            "thoughtSignature":"CiQBVKhc7taR1dyUdF+Q0ZcU/w=="}],"role":"model"},"finishReason":"STOP","index":0}],\
            "usageMetadata":{"promptTokenCount":50,"candidatesTokenCount":5,"totalTokenCount":55},\
            "modelVersion":"gemini-2.5-flash","responseId":"Xx2aaPa4K8"}""";

    public static final String GEMINI_SAFETY_BLOCK = """
            {"candidates":[{"finishReason":"SAFETY","index":0,"safetyRatings":[{"category":\
            "HARM_CATEGORY_DANGEROUS_CONTENT","probability":"HIGH","blocked":true}]}],\
            "usageMetadata":{"promptTokenCount":9,"totalTokenCount":9},"modelVersion":"gemini-2.5-flash",\
            "responseId":"blk1"}""";

    public static final String GEMINI_RATE_LIMITED = """
            {"error":{"code":429,"message":"You exceeded your current quota, please check your plan and billing \
            details.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure",\
            "violations":[{"quotaMetric":"generativelanguage.googleapis.com/generate_content_free_tier_requests"}]},\
            {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"6.5s"}]}}""";

    public static final String OPENAI_COMPLETION = """
            {"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"chat.completion","created":1741569952,\
            "model":"gpt-4o-2024-08-06","choices":[{"index":0,"message":{"role":"assistant",\
            "content":"Hello! How can I help?","refusal":null},"finish_reason":"stop",\
            "content_filter_results":{"hate":{"filtered":false,"severity":"safe"}}}],\
            "usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29}}""";

    public static final String GEMINI_BAD_REQUEST = "{\"error\":{\"code\":400,"
            + "\"message\":\"Invalid JSON payload received. Unknown name \\\"foo\\\": Cannot find field.\","
            + "\"status\":\"INVALID_ARGUMENT\"}}";

    public static final String OPENAI_TOOL_CALL = """
            {"id":"chatcmpl-t1","object":"chat.completion","created":1741569952,"model":"gpt-4o-2024-08-06",\
            "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_abc",\
            "type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},\
            "finish_reason":"tool_calls"}],"usage":{"prompt_tokens":50,"completion_tokens":5,"total_tokens":55}}""";

    public static final String OPENAI_USAGE_CHUNK =
            "{\"id\":\"chatcmpl-9\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"upstream-model\","
                    + "\"choices\":[],\"usage\":{\"prompt_tokens\":8,\"completion_tokens\":2,\"total_tokens\":10}}";

    public static final String OPENAI_BAD_REQUEST = "{\"error\":{\"message\":\"Invalid 'messages[0].content'\","
            + "\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":null}}";

    public static final String OPENAI_RESPONSE = """
            {"id":"resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b","object":"response","created_at":1741476542,\
            "status":"completed","model":"gpt-4.1-2025-04-14","output":[{"type":"message",\
            "id":"msg_67ccd2bf17f0819081ff3bb2cf6508e60bb6a6b452d3795b","status":"completed","role":"assistant",\
            "content":[{"type":"output_text","text":"Hello!","annotations":[]}]}],"store":true,\
            "usage":{"input_tokens":36,"input_tokens_details":{"cached_tokens":0},"output_tokens":87,\
            "output_tokens_details":{"reasoning_tokens":0},"total_tokens":123}}""";

    private ProviderPayloads() {}

    /** A Responses API stream saying "Hi", to its {@code response.completed} only when {@code complete}. */
    public static List<String> responsesStream(boolean complete) {
        List<String> frames = new ArrayList<>(List.of(
                frame(
                        "response.created",
                        "{\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"resp_1\","
                                + "\"object\":\"response\",\"status\":\"in_progress\",\"output\":[],\"usage\":null}}"),
                frame(
                        "response.output_text.delta",
                        "{\"type\":\"response.output_text.delta\",\"sequence_number\":1,\"item_id\":\"msg_1\","
                                + "\"output_index\":0,\"content_index\":0,\"delta\":\"Hi\"}")));
        if (complete) {
            frames.add(frame(
                    "response.completed",
                    "{\"type\":\"response.completed\",\"sequence_number\":2,\"response\":{\"id\":\"resp_1\","
                            + "\"object\":\"response\",\"status\":\"completed\",\"output\":[],"
                            + "\"usage\":{\"input_tokens\":9,\"output_tokens\":3,\"total_tokens\":12}}}"));
        }
        return frames;
    }

    /** An Anthropic stream of {@code text} in pieces, as {@code event:}/{@code data:} frames, with a ping. */
    public static List<String> anthropicTextStream(String... pieces) {
        List<String> frames = new ArrayList<>();
        frames.add(frame(
                "message_start",
                "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY\","
                        + "\"type\":\"message\",\"role\":\"assistant\",\"content\":[],"
                        + "\"model\":\"claude-sonnet-4-5-20250929\",\"stop_reason\":null,\"stop_sequence\":null,"
                        + "\"usage\":{\"input_tokens\":25,\"cache_creation_input_tokens\":0,"
                        + "\"cache_read_input_tokens\":0,\"output_tokens\":1}}}"));
        frames.add(frame(
                "content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
        frames.add(frame("ping", "{\"type\": \"ping\"}"));
        for (String piece : pieces) {
            frames.add(frame(
                    "content_block_delta",
                    "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\""
                            + piece + "\"}}"));
        }
        frames.add(frame("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
        frames.add(frame(
                "message_delta",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},"
                        + "\"usage\":{\"output_tokens\":15}}"));
        frames.add(frame("message_stop", "{\"type\":\"message_stop\"}"));
        return frames;
    }

    /** An Anthropic stream that calls {@code get_weather} for Paris, its input in two fragments. */
    public static List<String> anthropicToolStream() {
        return List.of(
                frame(
                        "message_start",
                        "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_014p7gG3wDgGV9EUtLvnow3U\","
                                + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5-20250929\","
                                + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":472,\"output_tokens\":2},"
                                + "\"content\":[],\"stop_reason\":null}}"),
                frame(
                        "content_block_start",
                        "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\","
                                + "\"id\":\"toolu_01T1x1fJ34qAmk2tNTrN7Up6\",\"name\":\"get_weather\",\"input\":{}}}"),
                frame(
                        "content_block_delta",
                        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\","
                                + "\"partial_json\":\"{\\\"city\\\": \\\"Pa\"}}"),
                frame(
                        "content_block_delta",
                        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\","
                                + "\"partial_json\":\"ris\\\"}\"}}"),
                frame("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"),
                frame(
                        "message_delta",
                        "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\",\"stop_sequence\":null},"
                                + "\"usage\":{\"output_tokens\":89}}"),
                frame("message_stop", "{\"type\":\"message_stop\"}"));
    }

    /** Gemini's {@code alt=sse} stream of {@code text} in pieces, the last with the finish reason and full usage. */
    public static List<String> geminiTextStream(String... pieces) {
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < pieces.length; i++) {
            boolean last = i == pieces.length - 1;
            frames.add("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"" + pieces[i]
                    + "\"}],\"role\":\"model\"}" + (last ? ",\"finishReason\":\"STOP\"" : "") + ",\"index\":0}],"
                    + "\"usageMetadata\":{\"promptTokenCount\":8"
                    + (last ? ",\"candidatesTokenCount\":12,\"totalTokenCount\":20" : ",\"totalTokenCount\":8")
                    + "},\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"s7Bq\"}\r\n\r\n");
        }
        return frames;
    }

    private static String frame(String event, String data) {
        return "event: " + event + "\ndata: " + data + "\n\n";
    }
}
