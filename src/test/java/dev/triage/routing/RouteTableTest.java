package dev.triage.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import dev.triage.openai.ChatCompletionRequest;
import dev.triage.openai.OpenAiException;

class RouteTableTest {

    private final RouteTable table = new RouteTable(
            config(Map.of("auto", fixed("big"), "cheap", fixed("small"))),
            () -> {
                throw new AssertionError("fixed routes need no learned router");
            },
            model -> Optional.empty(),
            (model, tokens) -> OptionalDouble.empty());

    @Test
    void selectsARouteByName() {
        assertThat(table.select("cheap"))
                .get()
                .extracting(RouteSelection::route, RouteSelection::threshold)
                .containsExactly("cheap", null);
    }

    @Test
    void readsRouteLlmNamesAsTheirRouteWithAThreshold() {
        assertThat(table.select("router-mf-0.11593"))
                .get()
                .extracting(RouteSelection::route, RouteSelection::threshold)
                .containsExactly("auto", 0.11593);
        assertThat(table.select("router-bert-1").get().threshold()).isEqualTo(1.0);
        assertThat(table.select("router-causal_llm-.5").get().threshold()).isEqualTo(0.5);
    }

    @Test
    void rejectsAThresholdOutsideZeroToOne() {
        assertThatThrownBy(() -> table.select("router-mf-1.2"))
                .isInstanceOf(OpenAiException.class)
                .hasMessageContaining("between 0 and 1");
    }

    @Test
    void namesThatAreNotRoutesSelectNothing() {
        assertThat(table.select("gpt-4o")).isEmpty();
        assertThat(table.select("router-mf-")).isEmpty();
        assertThat(table.select("router-MF-0.1")).isEmpty();
    }

    @Test
    void aFixedRouteDecidesItsModelAndKeepsTheAskedThreshold() {
        ChatCompletionRequest request = ChatCompletionRequest.parse(
                "{\"model\":\"router-mf-0.3\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}".getBytes());
        Decision decision = table.select("router-mf-0.3")
                .orElseThrow()
                .decide(request)
                .await()
                .indefinitely();
        assertThat(decision)
                .extracting(Decision::route, Decision::model, Decision::tier, Decision::threshold)
                .containsExactly("auto", "big", Tier.FIXED, 0.3);
    }

    @Test
    void aFixedRouteWithoutModelFailsAtStartup() {
        assertThatThrownBy(() -> new RouteTable(
                        config(Map.of("broken", route(Optional.empty()))),
                        () -> null,
                        model -> Optional.empty(),
                        (model, tokens) -> OptionalDouble.empty()))
                .hasMessageContaining("triage.routes.broken.model");
    }

    static RoutingConfig config(Map<String, RoutingConfig.Route> routes) {
        return new RoutingConfig() {
            @Override
            public Map<String, Route> routes() {
                return routes;
            }

            @Override
            public String routellmRoute() {
                return "auto";
            }
        };
    }

    private static RoutingConfig.Route fixed(String model) {
        return route(Optional.of(model));
    }

    private static RoutingConfig.Route route(Optional<String> model) {
        return ConfiguredRoute.fixed(model);
    }
}
