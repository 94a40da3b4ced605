package dev.triage.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.triage.dispatch.ModelCatalog;
import dev.triage.openai.ModelList;

/** {@code GET /v1/models}: every usable model and every route, in OpenAI's list format. */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    private final ModelCatalog catalog;

    ModelsResource(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    public ModelList list() {
        return catalog.list();
    }

    @GET
    @Path("{id}")
    public ModelList.Model get(@PathParam("id") String id) {
        return catalog.find(id);
    }
}
