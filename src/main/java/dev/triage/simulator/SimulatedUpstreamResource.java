package dev.triage.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestMulti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.OpenAiException;
import dev.triage.openai.OpenAiJson;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

/**
 * A simulated OpenAI-compatible upstream served by the gateway itself under {@code /simulated/v1}, so that the demo
 * answers with no API key while still going through real HTTP, real SSE and the gateway's REST client. Every answer
 * says it is simulated.
 */
@Path("/simulated/v1")
public class SimulatedUpstreamResource {

    private static final String JSON = "application/json";
    private static final String SSE = "text/event-stream; charset=utf-8";

    /**
     * What one embeddings request may ask for (OpenAI's own dimension limit; fewer inputs than OpenAI's 2048): a small
     * body must not make the demo generate hundreds of megabytes.
     */
    static final int MOST_INPUTS = 256;

    static final int MOST_DIMENSIONS = 3072;

    private final SimulatorConfig config;

    SimulatedUpstreamResource(SimulatorConfig config) {
        this.config = config;
    }

    @GET
    @Path("models")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode models() {
        requireEnabled();
        ObjectNode list = OpenAiJson.newObject().put("object", "list");
        ArrayNode data = list.putArray("data");
        for (SimulatedModel model : SimulatedModel.values()) {
            data.addObject()
                    .put("id", model.id)
                    .put("object", "model")
                    .put("created", 0)
                    .put("owned_by", "simulated");
        }
        return list;
    }

    @POST
    @Path("chat/completions")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public RestMulti<Buffer> chat(byte[] body) {
        ObjectNode request = read(body);
        SimulatedModel model = model(request);
        JsonNode messages = request.path("messages");
        Map.Entry<String, String> turn = SimulatedAnswers.lastTurn(messages);
        boolean callTool = request.path("tools").isArray()
                && !request.path("tools").isEmpty()
                && !"none".equals(request.path("tool_choice").asText())
                && "user".equals(turn.getKey());
        ObjectNode toolCall = callTool ? SimulatedAnswers.toolCall(request.get("tools")) : null;
        String text =
                SimulatedAnswers.text(model, turn.getValue(), "tool".equals(turn.getKey()) ? turn.getValue() : null);
        int completionTokens = callTool ? 12 : SimulatedAnswers.countTokens(text);
        ObjectNode usage = SimulatedAnswers.usage(SimulatedAnswers.countPromptTokens(messages), completionTokens);
        SimulatedChunks chunks = new SimulatedChunks(
                "chatcmpl-sim-" + shortId(),
                stream(request) ? "chat.completion.chunk" : "chat.completion",
                model.id,
                Instant.now().getEpochSecond());
        if (stream(request)) {
            return sse(request, model, chunks.chat(SimulatedAnswers.tokens(text), toolCall), chunks.usage(usage));
        }
        ObjectNode completion = chunks.base();
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (callTool) {
            message.putNull("content");
            message.putArray("tool_calls").add(toolCall);
        } else {
            message.put("content", text);
        }
        message.putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", callTool ? "tool_calls" : "stop");
        completion.set("usage", usage);
        return json(completion, scaled(model.latency(completionTokens)));
    }

    @POST
    @Path("completions")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public RestMulti<Buffer> completions(byte[] body) {
        ObjectNode request = read(body);
        SimulatedModel model = model(request);
        String prompt = request.path("prompt").isTextual()
                ? request.path("prompt").asText()
                : request.path("prompt").toString();
        String text = SimulatedAnswers.text(model, prompt, null);
        SimulatedChunks chunks = new SimulatedChunks(
                "cmpl-sim-" + shortId(),
                "text_completion",
                model.id,
                Instant.now().getEpochSecond());
        ObjectNode usage =
                SimulatedAnswers.usage(SimulatedAnswers.countTokens(prompt), SimulatedAnswers.countTokens(text));
        if (stream(request)) {
            return sse(request, model, chunks.text(SimulatedAnswers.tokens(text)), chunks.usage(usage));
        }
        ObjectNode completion = chunks.base();
        completion
                .putArray("choices")
                .addObject()
                .put("text", text)
                .put("index", 0)
                .putNull("logprobs")
                .put("finish_reason", "stop");
        completion.set("usage", usage);
        return json(
                completion, scaled(model.latency(usage.get("completion_tokens").asInt())));
    }

    @POST
    @Path("embeddings")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public RestMulti<Buffer> embeddings(byte[] body) {
        ObjectNode request = read(body);
        SimulatedModel model = model(request);
        JsonNode input = request.path("input");
        if (input.isArray() && input.size() > MOST_INPUTS) {
            throw OpenAiException.invalidRequest(
                    "The simulated upstream embeds at most " + MOST_INPUTS + " inputs per request.", "input");
        }
        List<String> texts = new ArrayList<>();
        if (input.isArray()) {
            input.forEach(item -> texts.add(item.isTextual() ? item.asText() : item.toString()));
        } else {
            texts.add(input.asText());
        }
        int dimensions = request.path("dimensions").asInt(16);
        if (dimensions < 1 || dimensions > MOST_DIMENSIONS) {
            throw OpenAiException.invalidRequest(
                    "'dimensions' must be between 1 and " + MOST_DIMENSIONS + ".", "dimensions");
        }
        boolean base64 = "base64".equals(request.path("encoding_format").asText());
        ObjectNode list = OpenAiJson.newObject().put("object", "list");
        ArrayNode data = list.putArray("data");
        int tokens = 0;
        for (int i = 0; i < texts.size(); i++) {
            ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
            float[] vector = SimulatedEmbedding.of(texts.get(i), dimensions);
            if (base64) {
                item.put("embedding", SimulatedEmbedding.base64(vector));
            } else {
                ArrayNode values = item.putArray("embedding");
                for (float value : vector) {
                    values.add(value);
                }
            }
            tokens += SimulatedAnswers.countTokens(texts.get(i));
        }
        list.put("model", model.id);
        list.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
        return json(list, scaled(model.firstToken));
    }

    private ObjectNode read(byte[] body) {
        requireEnabled();
        return OpenAiJson.parseObject(body);
    }

    private void requireEnabled() {
        if (!config.enabled()) {
            throw new OpenAiException(
                    404,
                    "invalid_request_error",
                    "unknown_url",
                    null,
                    "The simulated upstream is disabled (triage.simulator.enabled=false).");
        }
    }

    private static SimulatedModel model(ObjectNode request) {
        String id = request.path("model").asText();
        return SimulatedModel.byId(id).orElseThrow(() -> OpenAiException.modelNotFound(id, ""));
    }

    private static boolean stream(ObjectNode request) {
        return request.path("stream").asBoolean(false);
    }

    private Duration scaled(Duration delay) {
        return Duration.ofNanos((long) (delay.toNanos() * config.latencyScale()));
    }

    /** {@code item} after {@code delay}; at once when the delay is zero (Mutiny refuses a zero delay). */
    private static <T> Uni<T> after(Duration delay, T item) {
        Uni<T> now = Uni.createFrom().item(item);
        return delay.isZero() || delay.isNegative()
                ? now
                : now.onItem().delayIt().by(delay);
    }

    private static RestMulti<Buffer> json(ObjectNode body, Duration latency) {
        return RestMulti.fromMultiData(
                        after(latency, Buffer.buffer(OpenAiJson.write(body))).toMulti())
                .header("Content-Type", JSON)
                .build();
    }

    /** Streams the events paced like the model, with the usage chunk last when the request asked for it. */
    private RestMulti<Buffer> sse(
            ObjectNode request, SimulatedModel model, List<ObjectNode> events, ObjectNode usageChunk) {
        if (request.path("stream_options").path("include_usage").asBoolean(false)) {
            events.add(usageChunk);
        }
        List<String> frames = new ArrayList<>();
        events.forEach(event -> frames.add(event.toString()));
        frames.add("[DONE]");
        Multi<Buffer> paced = Multi.createFrom()
                .range(0, frames.size())
                .onItem()
                .transformToUniAndConcatenate(i -> after(
                        scaled(i == 0 ? model.firstToken : model.perToken),
                        Buffer.buffer("data: " + frames.get(i) + "\n\n", StandardCharsets.UTF_8.name())));
        return RestMulti.fromMultiData(paced)
                .header("Content-Type", SSE)
                .header("Cache-Control", "no-cache")
                .build();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }
}
