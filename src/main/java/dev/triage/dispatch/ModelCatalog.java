package dev.triage.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

import dev.triage.openai.ModelList;
import dev.triage.providers.ProviderRegistry;
import dev.triage.routing.RouteTable;

/** What a client may put in {@code model}: the usable models (owned by their provider) and the routes (owned by triage). */
@Startup
@ApplicationScoped
public class ModelCatalog {

    private final ModelList list;

    ModelCatalog(ProviderRegistry providers, RouteTable routes) {
        long created = Instant.now().getEpochSecond();
        List<ModelList.Model> entries = new ArrayList<>();
        providers.models().forEach(model -> entries.add(new ModelList.Model(model.name(), created,
                model.provider().name())));
        routes.names().forEach(route -> entries.add(new ModelList.Model(route, created, "triage")));
        this.list = new ModelList(List.copyOf(entries));
    }

    public ModelList list() {
        return list;
    }
}
