package dev.triage.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.OpenAiJson;

/**
 * A {@code chat.completion} as a {@code response}: the first choice's text as a message item with one
 * {@code output_text} part (a refusal as a {@code refusal} part), each tool call as a {@code function_call} item, the
 * usage in the Responses API's names, and a length or content-filter finish as an incomplete response.
 */
public final class ResponsesReply {

    private ResponsesReply() {}

    public static byte[] of(ResponsesRequest request, byte[] chatCompletion) {
        ObjectNode chat = OpenAiJson.upstreamObject(chatCompletion);
        String chatId = chat.path("id").asText("");
        ObjectNode response = ResponseObject.of(
                request,
                chatId,
                chat.path("created").asLong(0),
                chat.path("model").asText(""),
                "completed");
        JsonNode choice = chat.path("choices").path(0);
        JsonNode message = choice.path("message");
        ArrayNode output = (ArrayNode) response.get("output");
        if (message.path("refusal").isTextual()) {
            ObjectNode item = ResponseObject.messageItem(chatId, null, "completed");
            ((ArrayNode) item.get("content"))
                    .addObject()
                    .put("type", "refusal")
                    .put("refusal", message.get("refusal").asText());
            output.add(item);
        } else if (message.path("content").isTextual()) {
            output.add(ResponseObject.messageItem(chatId, message.get("content").asText(), "completed"));
        }
        for (JsonNode call : message.path("tool_calls")) {
            output.add(ResponseObject.functionCallItem(
                    call.path("id").asText(),
                    call.path("function").path("name").asText(),
                    call.path("function").path("arguments").asText(""),
                    "completed"));
        }
        ResponseObject.finish(response, choice.path("finish_reason").asText(null));
        response.set("usage", ResponseObject.usage(chat.path("usage")));
        return OpenAiJson.write(response);
    }
}
