package dev.triage.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triage.openai.ModelList;
import dev.triage.providers.ProviderRegistry;
import dev.triage.providers.ProvidersConfig;
import dev.triage.routing.RouteTable;
import io.quarkus.runtime.Startup;

/** What a client may put in {@code model}: the usable models (owned by their provider) and the routes (owned by triage). */
@Startup
@ApplicationScoped
public class ModelCatalog {

    private final ModelList list;

    ModelCatalog(ProvidersConfig models, ProviderRegistry providers, RouteTable routes) {
        refuseSharedNames(models.models().keySet(), routes.names());
        long created = Instant.now().getEpochSecond();
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
}
