package dev.triage.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triage.openai.ModelList;
import dev.triage.openai.OpenAiException;
import dev.triage.providers.ProviderRegistry;
import dev.triage.providers.ProvidersConfig;
import dev.triage.routing.RouteTable;
import io.quarkus.runtime.Startup;

/** What a client may put in {@code model}: the usable models (owned by their provider) and the routes (owned by triage). */
@Startup
@ApplicationScoped
public class ModelCatalog {

    private final ModelList list;
    private final RouteTable routes;
    private final long created = Instant.now().getEpochSecond();

    ModelCatalog(ProvidersConfig models, ProviderRegistry providers, RouteTable routes) {
        refuseSharedNames(models.models().keySet(), routes.names());
        this.routes = routes;
        List<ModelList.Model> entries = new ArrayList<>();
        providers
                .models()
                .forEach(model -> entries.add(new ModelList.Model(
                        model.name(), created, model.provider().name())));
        routes.names().forEach(route -> entries.add(new ModelList.Model(route, created, "triage")));
        this.list = new ModelList(List.copyOf(entries));
    }

    /** A name that is both a model and a route would be ambiguous to every client; the configuration must pick one. */
    static void refuseSharedNames(Set<String> models, Set<String> routes) {
        Set<String> shared = new TreeSet<>(models);
        shared.retainAll(routes);
        if (!shared.isEmpty()) {
            throw new IllegalStateException("These names are both a model (triage.models) and a route (triage.routes): "
                    + String.join(", ", shared) + ". Rename one of each pair.");
        }
    }

    public ModelList list() {
        return list;
    }

    /**
     * The model or route {@code id} names, as chat completions would take it: a RouteLLM-style name
     * ({@code router-mf-0.11593}) is its route under that name; 404 when it names nothing, 400 for a threshold out of
     * range, as chat says.
     */
    public ModelList.Model find(String id) {
        return list.data().stream()
                .filter(model -> model.id().equals(id))
                .findFirst()
                .or(() -> routes.select(id).map(selection -> new ModelList.Model(id, created, "triage")))
                .orElseThrow(() -> OpenAiException.modelNotFound(id, ""));
    }
}
