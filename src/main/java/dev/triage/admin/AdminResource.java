package dev.triage.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.ResponseStatus;

import dev.triage.access.KeyStore;
import dev.triage.database.DatabaseStatus;
import dev.triage.ledger.SpendReport;
import dev.triage.openai.OpenAiException;
import dev.triage.openai.OpenAiJson;
import io.smallrye.mutiny.Uni;

/**
 * Operator endpoints, behind the admin token (checked before the request is read, by the API's access check): virtual
 * keys (create, list, revoke), spend over a time window, and the dashboard's data.
 */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final KeyStore keys;
    private final SpendReport spend;
    private final OperatorView view;
    private final DatabaseStatus ledger;

    AdminResource(KeyStore keys, SpendReport spend, OperatorView view, DatabaseStatus ledger) {
        this.ledger = ledger;
        this.keys = keys;
        this.spend = spend;
        this.view = view;
    }

    /** The dashboard's data (/dashboard/ shows it): the last {@code hours} (default 24) of traffic, live state. */
    @GET
    @Path("/dashboard")
    public Uni<OperatorView.Snapshot> dashboard(@QueryParam("hours") String hours) {
        int window = hours == null || hours.isBlank() ? 24 : hoursOf(hours);
        return fromLedger(() -> view.last(Duration.ofHours(window)));
    }

    /** Read here rather than by the framework, whose answer to {@code hours=abc} is a 404. */
    private static int hoursOf(String hours) {
        int value = hours.length() <= 4 && hours.chars().allMatch(Character::isDigit) ? Integer.parseInt(hours) : -1;
        if (value < 1 || value > 24 * 90) {
            throw OpenAiException.invalidRequest("'hours' must be a whole number between 1 and 2160.", "hours");
        }
        return value;
    }

    /** Creates a key; the answer is the only place its secret ever appears. */
    @POST
    @Path("/keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    public Uni<KeyView> create(byte[] body) {
        var key = KeyRequest.toEntity(OpenAiJson.parseObject(body));
        return fromLedger(() -> keys.create(key)).map(created -> KeyView.of(created.key(), created.secret(), null));
    }

    @GET
    @Path("/keys")
    public Uni<List<KeyView>> list() {
        return fromLedger(keys::list)
                .map(all -> all.stream()
                        .map(key -> KeyView.of(key, null, keys.spent(key.id)))
                        .toList());
    }

    @DELETE
    @Path("/keys/{id}")
    public Uni<KeyView> revoke(@PathParam("id") String id) {
        UUID keyId = parseId(id);
        return fromLedger(() -> keys.revoke(keyId)).flatMap(found -> {
            if (!found) {
                throw new OpenAiException(
                        404, "invalid_request_error", "key_not_found", "id", "No key with id " + id + ".");
            }
            return fromLedger(keys::list)
                    .map(all -> all.stream()
                            .filter(key -> key.id.equals(keyId))
                            .map(key -> KeyView.of(key, null, null))
                            .findFirst()
                            .orElseThrow());
        });
    }

    /** Spend per route and model between {@code since} and {@code until} (ISO-8601 instants; default: the last 30 days). */
    @GET
    @Path("/spend")
    public Uni<SpendReport.Summary> spend(@QueryParam("since") String since, @QueryParam("until") String until) {
        Instant end = instant(until, "until", Instant.now());
        Instant start = instant(since, "since", end.minus(Duration.ofDays(30)));
        return fromLedger(() -> spend.between(start, end));
    }

    /** Runs a query once the ledger's database is ready; a database that fails to answer is a 503, not a 500. */
    private <T> Uni<T> fromLedger(Supplier<Uni<T>> query) {
        ledger.requireReady();
        return query.get()
                .onFailure(failure -> !(failure instanceof OpenAiException))
                .transform(ledger::unavailable);
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new OpenAiException(
                    404, "invalid_request_error", "key_not_found", "id", "No key with id " + id + ".");
        }
    }

    private static Instant instant(String value, String param, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw OpenAiException.invalidRequest(
                    "'" + param + "' must be an ISO-8601 instant, e.g. 2026-11-01T00:00:00Z.", param);
        }
    }
}
