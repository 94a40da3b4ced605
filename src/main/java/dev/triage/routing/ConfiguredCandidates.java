package dev.triage.routing;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pool or cascade route's {@code candidates} as its configuration lists them: 2 to {@link #MAX} distinct models of
 * {@code triage.models}, in order, each with its prices. A list the route cannot use fails the start, naming the key.
 */
final class ConfiguredCandidates {

    static final int MAX = 10;

    private ConfiguredCandidates() {}

    /** @param key the route's key with its trailing dot, {@code triage.routes.NAME.} */
    static Map<String, ModelPrices.Price> priced(String key, RoutingConfig.Route route, ModelPrices prices) {
        List<String> models = route.candidates().orElse(List.of());
        if (models.size() < 2 || models.size() > MAX) {
            throw new IllegalStateException(key + "candidates must list 2 to " + MAX + " models for "
                    + route.policy().label() + "; it lists " + models.size());
        }
        if (new HashSet<>(models).size() < models.size()) {
            throw new IllegalStateException(key + "candidates lists a model twice: " + models);
        }
        Map<String, ModelPrices.Price> priced = new LinkedHashMap<>();
        models.forEach(model -> priced.put(
                model,
                prices.of(model)
                        .orElseThrow(() -> new IllegalStateException(
                                key + "candidates names '" + model + "', which is not a model of triage.models"))));
        return priced;
    }
}
