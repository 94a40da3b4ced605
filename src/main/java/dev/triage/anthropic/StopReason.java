package dev.triage.anthropic;

/** Chat Completions' {@code finish_reason} as Anthropic's {@code stop_reason}. */
final class StopReason {

    private StopReason() {}

    static String of(String finishReason) {
        return switch (finishReason == null ? "" : finishReason) {
            case "length" -> "max_tokens";
            case "tool_calls", "function_call" -> "tool_use";
            case "content_filter" -> "refusal";
            default -> "end_turn";
        };
    }
}
