package dev.triage.telemetry;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The attributes of the gateway's spans: OpenTelemetry's GenAI semantic conventions where they have a name, and
 * {@code triage.*} for the routing decision and the fallback path. Never prompts, answers or keys.
 */
public final class SpanAttributes {

    public static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    public static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
    public static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    public static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
    public static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    public static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");

    public static final AttributeKey<String> ROUTE = AttributeKey.stringKey("triage.route");
    public static final AttributeKey<String> TIER = AttributeKey.stringKey("triage.decision.tier");
    public static final AttributeKey<String> POLICY = AttributeKey.stringKey("triage.decision.policy");
    public static final AttributeKey<Double> STRONG_PROBABILITY = AttributeKey.doubleKey("triage.decision.p_strong");
    public static final AttributeKey<Double> THRESHOLD = AttributeKey.doubleKey("triage.decision.threshold");
    public static final AttributeKey<Double> DECISION_MS = AttributeKey.doubleKey("triage.decision.ms");
    public static final AttributeKey<String> ROUTER_VERSION = AttributeKey.stringKey("triage.router.version");
    public static final AttributeKey<String> CANDIDATES = AttributeKey.stringKey("triage.candidates");
    public static final AttributeKey<String> FALLBACK = AttributeKey.stringKey("triage.fallback");
    public static final AttributeKey<String> ATTEMPTS = AttributeKey.stringKey("triage.attempts");
    public static final AttributeKey<Boolean> USAGE_ESTIMATED = AttributeKey.booleanKey("triage.usage.estimated");
    public static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("triage.outcome");
    public static final AttributeKey<Double> COST = AttributeKey.doubleKey("triage.cost_usd");
    public static final AttributeKey<Double> STRONG_COST = AttributeKey.doubleKey("triage.strong_cost_usd");

    private SpanAttributes() {}
}
