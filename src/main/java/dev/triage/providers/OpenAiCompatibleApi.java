package dev.triage.providers;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.client.SseEvent;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The REST client of one OpenAI-compatible upstream. Bodies travel as bytes both ways so that nothing the gateway does
 * not interpret is re-encoded. Only {@link OpenAiCompatibleProvider} may use it.
 */
@Path("")
@Consumes(MediaType.APPLICATION_JSON)
interface OpenAiCompatibleApi {

    @POST
    @Path("{endpoint}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> post(
            @Encoded @PathParam("endpoint") String endpoint,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("x-request-id") String requestId,
            byte[] body);

    @POST
    @Path("{endpoint}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> stream(
            @Encoded @PathParam("endpoint") String endpoint,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("x-request-id") String requestId,
            byte[] body);
}
