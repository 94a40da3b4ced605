package dev.triage.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import dev.triage.openai.ChatCompletionRequest;

class PoolPolicyTest {

    private static final List<String> CANDIDATES = List.of("big", "mid", "small");
    private static final Map<String, Double> QUALITY = Map.of("big", 0.88, "mid", 0.80, "small", 0.70);
    private static final Map<String, ModelPrices.Price> PRICES = Map.of(
            "big", new ModelPrices.Price(10, 30),
            "mid", new ModelPrices.Price(1, 2),
            "small", new ModelPrices.Price(0.2, 0.2),
            "twin", new ModelPrices.Price(1, 2));
    private static final ModelPrices CONFIGURED = model -> Optional.ofNullable(PRICES.get(model));
    /** big and mid have answered (mid slower), small never has. */
    private static final ModelLatencies LATENCIES = (model, outputTokens) -> switch (model) {
        case "big" -> OptionalDouble.of(900);
        case "mid" -> OptionalDouble.of(1500);
        default -> OptionalDouble.empty();
    };

    @Test
    void qualityFirstTakesTheBestCandidate() {
        Decision decision = decide(pool(PolicyKind.QUALITY_FIRST));
        assertThat(decision)
                .extracting(Decision::model, Decision::tier, Decision::reason)
                .containsExactly("big", Tier.CANDIDATE, Reason.QUALITY_FIRST);
    }

    @Test
    void costFirstTakesTheCheapestWithinTheToleranceOfTheBest() {
        assertThat(decide(pool(PolicyKind.COST_FIRST)).model()).isEqualTo("big"); // 0.05: only big is >= 0.83
        assertThat(decide(pool(PolicyKind.COST_FIRST).withTolerance(0.1)).model())
                .isEqualTo("mid");
        assertThat(decide(pool(PolicyKind.COST_FIRST).withTolerance(0.2)).model())
                .isEqualTo("small");
    }

    @Test
    void costFirstWithAFloorTakesTheCheapestAboveItOrTheBestWhenNoneIs() {
        assertThat(decide(pool(PolicyKind.COST_FIRST).withFloor(0.75)).model()).isEqualTo("mid");
        Decision none = decide(pool(PolicyKind.COST_FIRST).withFloor(0.95));
        assertThat(none.model()).isEqualTo("big");
        assertThat(none.explanation()).contains("no candidate reaches the floor 0.950");
    }

    @Test
    void hybridTradesQualityAgainstTheCostShare() {
        // big 0.88 - 0.5 x 1 = 0.38; mid 0.80 - 0.5 x 0.07 = 0.765; small 0.70 - 0.5 x 0.008 = 0.696
        assertThat(decide(pool(PolicyKind.HYBRID)).model()).isEqualTo("mid");
        assertThat(decide(pool(PolicyKind.HYBRID).withCostWeight(0)).model()).isEqualTo("big");
        assertThat(decide(pool(PolicyKind.HYBRID).withCostWeight(10)).model()).isEqualTo("small");
    }

    @Test
    void latencyFirstTakesTheFastestGoodEnoughCandidateAndTimesTheUntimedFirst() {
        assertThat(decide(pool(PolicyKind.LATENCY_FIRST).withTolerance(0.1)).model())
                .isEqualTo("big"); // 900 < 1500
        Decision untimed = decide(pool(PolicyKind.LATENCY_FIRST).withFloor(0.6));
        assertThat(untimed.model()).isEqualTo("small");
        assertThat(untimed.explanation()).contains("small is the first not yet timed with quality >= 0.600");
        assertThat(untimed.text(DecisionField.CANDIDATES)).contains("big;q=0.880;usd=0.008690;ms=900");
        assertThat(untimed.reason()).isEqualTo(Reason.LATENCY_FIRST);
    }

    @Test
    void equalCandidatesGoToTheOneListedFirst() {
        Map<String, Double> same = Map.of("mid", 0.8, "twin", 0.8);
        assertThat(decide(ConfiguredRoute.pool(PolicyKind.QUALITY_FIRST, List.of("twin", "mid"), same))
                        .model())
                .isEqualTo("twin");
        assertThat(decide(ConfiguredRoute.pool(PolicyKind.COST_FIRST, List.of("mid", "twin"), same))
                        .model())
                .isEqualTo("mid");
        assertThat(decide(ConfiguredRoute.pool(PolicyKind.HYBRID, List.of("twin", "mid"), same))
                        .model())
                .isEqualTo("twin");
    }

    @Test
    void theCandidatesAreExplainedWithTheirQualityAndCostChosenFirst() {
        Decision decision = decide(pool(PolicyKind.COST_FIRST).withTolerance(0.1));
        // 400 characters: 101 input tokens, 256 output tokens
        assertThat(decision.text(DecisionField.CANDIDATES))
                .isEqualTo(
                        "mid;q=0.800;usd=0.000613;ms=1500, big;q=0.880;usd=0.008690;ms=900, small;q=0.700;usd=0.000071");
        assertThat(decision.text(DecisionField.POLICY)).isEqualTo("cost-first");
        assertThat(decision.text(DecisionField.TIER)).isEqualTo("candidate");
        assertThat(decision.explanation()).contains("mid is the cheapest with quality >= 0.780");
    }

    @Test
    void aRequestsMaxTokensBoundsTheExpectedAnswer() {
        Decision decision = decide(pool(PolicyKind.QUALITY_FIRST), ",\"max_tokens\":10");
        assertThat(decision.text(DecisionField.CANDIDATES)).startsWith("big;q=0.880;usd=0.001310");
    }

    @Test
    void aFailingCandidateEscalatesToTheNearestBetterOneThenDegrades() {
        RouteTable table = table(pool(PolicyKind.COST_FIRST).withTolerance(0.1));
        Decision decision = decide(table);
        assertThat(table.candidates(decision))
                .containsExactly(
                        new FallbackPlan.Candidate("mid", FallbackRole.PRIMARY),
                        new FallbackPlan.Candidate("big", FallbackRole.ESCALATED),
                        new FallbackPlan.Candidate("small", FallbackRole.DEGRADED));
        assertThat(table.strongModel("pool")).isEqualTo("big");
    }

    @Test
    void aSpentSoftBudgetTakesTheLeastCandidate() {
        RouteTable table = table(pool(PolicyKind.QUALITY_FIRST));
        Decision downgraded = table.downgraded(decide(table));
        assertThat(downgraded)
                .extracting(Decision::model, Decision::tier, Decision::reason)
                .containsExactly("small", Tier.CANDIDATE, Reason.BUDGET);
        assertThat(table.downgraded(downgraded)).isSameAs(downgraded);
    }

    @Test
    void aConfigurationThePolicyCannotFollowFailsTheStartNamingTheKey() {
        assertFails(
                ConfiguredRoute.pool(PolicyKind.COST_FIRST, List.of("big", "gone"), Map.of("big", 0.9, "gone", 0.5)),
                "triage.routes.pool.candidates names 'gone', which is not a model of triage.models");
        assertFails(
                ConfiguredRoute.pool(PolicyKind.HYBRID, List.of("big", "mid"), Map.of("big", 0.9)),
                "triage.routes.pool.quality.mid must be a number from 0 to 1");
        assertFails(
                ConfiguredRoute.pool(PolicyKind.HYBRID, List.of("big", "mid"), Map.of("big", 0.9, "mid", 1.5)),
                "triage.routes.pool.quality.mid must be a number from 0 to 1");
        assertFails(
                ConfiguredRoute.pool(PolicyKind.QUALITY_FIRST, List.of("big"), Map.of("big", 0.9)),
                "triage.routes.pool.candidates must list 2 to 10 models for quality-first; it lists 1");
        assertFails(
                ConfiguredRoute.pool(PolicyKind.QUALITY_FIRST, List.of("big", "big"), Map.of("big", 0.9)),
                "triage.routes.pool.candidates lists a model twice");
        assertFails(
                ConfiguredRoute.pool(PolicyKind.QUALITY_FIRST, List.of("big", "mid"), QUALITY),
                "triage.routes.pool.quality names models that are not candidates: [small]");
        assertFails(
                pool(PolicyKind.COST_FIRST).withTolerance(0.1).withFloor(0.5),
                "triage.routes.pool.floor and triage.routes.pool.tolerance exclude each other");
        assertFails(
                pool(PolicyKind.COST_FIRST).withTolerance(-0.1),
                "triage.routes.pool.tolerance must be a number from 0 to 1");
        assertFails(pool(PolicyKind.COST_FIRST).withFloor(2), "triage.routes.pool.floor must be a number from 0 to 1");
        assertFails(pool(PolicyKind.HYBRID).withCostWeight(-1), "triage.routes.pool.cost-weight must be from 0 to 100");
    }

    @Test
    void aCascadeStartsWithItsFirstCandidateAndGoesOnWhenAnAnswerFailsACheck() {
        RouteTable table = table(ConfiguredRoute.pool(PolicyKind.CASCADE, List.of("small", "mid", "big"), Map.of()));
        Decision first = decide(table);
        assertThat(first)
                .extracting(Decision::model, Decision::reason, Decision::candidates)
                .containsExactly("small", Reason.CASCADE, "small, mid, big");
        ChatCompletionRequest request = ChatCompletionRequest.parse(
                "{\"model\":\"pool\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}".getBytes());
        byte[] cut = "{\"choices\":[{\"message\":{\"content\":\"Once\"},\"finish_reason\":\"length\"}]}".getBytes();
        Escalation second = table.escalated(first, request, cut).orElseThrow();
        assertThat(second.failed()).isEqualTo(AnswerCheck.LENGTH);
        assertThat(second.next())
                .extracting(Decision::model, Decision::candidates)
                .containsExactly("mid", "small;failed=length, mid, big");
        Decision third =
                table.escalated(second.next(), request, cut).orElseThrow().next();
        assertThat(third.candidates()).isEqualTo("small;failed=length, mid;failed=length, big");
        assertThat(table.escalated(third, request, cut)).isEmpty(); // the last candidate's answer stands
        byte[] good = "{\"choices\":[{\"message\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}".getBytes();
        assertThat(table.escalated(first, request, good)).isEmpty();
        assertThat(table.candidates(first))
                .extracting(FallbackPlan.Candidate::model)
                .containsExactly("small", "mid", "big");
        assertThat(table.strongModel("pool")).isEqualTo("big");
    }

    @Test
    void aStreamedCascadeRequestGoesToTheFirstCandidateUnchecked() {
        RouteTable table = table(ConfiguredRoute.pool(PolicyKind.CASCADE, List.of("small", "big"), Map.of()));
        ChatCompletionRequest streamed = ChatCompletionRequest.parse(
                "{\"model\":\"pool\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
                        .getBytes());
        Decision decision =
                table.select("pool").orElseThrow().decide(streamed).await().indefinitely();
        assertThat(decision.explanation()).contains("streamed, so small answers unchecked");
        assertThat(table.escalated(decision, streamed, "{\"choices\":[{\"message\":{}}]}".getBytes()))
                .isEmpty();
    }

    private static ConfiguredRoute pool(PolicyKind policy) {
        return ConfiguredRoute.pool(policy, CANDIDATES, QUALITY);
    }

    private static void assertFails(ConfiguredRoute route, String message) {
        assertThatThrownBy(() -> table(route))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(message);
    }

    private static RouteTable table(ConfiguredRoute route) {
        return new RouteTable(
                RouteTableTest.config(Map.of("pool", route)),
                () -> {
                    throw new AssertionError("pool routes need no learned router");
                },
                CONFIGURED,
                LATENCIES);
    }

    private static Decision decide(ConfiguredRoute route) {
        return decide(table(route));
    }

    private static Decision decide(ConfiguredRoute route, String extra) {
        return decide(table(route), extra);
    }

    private static Decision decide(RouteTable table) {
        return decide(table, "");
    }

    private static Decision decide(RouteTable table, String extra) {
        String body = "{\"model\":\"pool\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(400) + "\"}]"
                + extra + "}";
        return table.select("pool")
                .orElseThrow()
                .decide(ChatCompletionRequest.parse(body.getBytes()))
                .await()
                .indefinitely();
    }
}
