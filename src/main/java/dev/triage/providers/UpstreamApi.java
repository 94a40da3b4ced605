package dev.triage.providers;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

/**
 * The REST client of one upstream for whole answers (streams go through {@link SseClient}), whatever API it speaks: a
 * POST to a path below its base URL, with the query
 * parameters its API wants (a {@code null} one is left out) and its credentials added by a {@link WireHeaders} filter.
 * Bodies travel as bytes both ways so that nothing the gateway does not interpret is re-encoded. Only {@link Provider}
 * may use it.
 */
@Path("")
@Consumes(MediaType.APPLICATION_JSON)
interface UpstreamApi {

    @POST
    @Path("{path}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> post(
            @Encoded @PathParam("path") String path,
            @QueryParam("api-version") String apiVersion,
            @QueryParam("alt") String alt,
            @HeaderParam("x-request-id") String requestId,
            byte[] body);
}
