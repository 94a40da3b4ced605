package dev.triage.testsupport;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.restassured.RestAssured;

/** Reads a streamed answer from the gateway as a client would, noting when each event arrived. */
public final class Sse {

    /** One {@code data} payload and the milliseconds since the request was sent. */
    public record Event(String data, long atMillis) {}

    public record Reply(int status, String contentType, List<Event> events, String rawBody, HttpHeaders headers) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public List<String> data() {
            return events.stream().map(Event::data).toList();
        }
    }

    private Sse() {}

    public static Reply post(String path, String requestId, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Content-Type", "application/json")
                .header("x-request-id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long start = System.nanoTime();
        HttpResponse<java.io.InputStream> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        List<Event> events = new ArrayList<>();
        StringBuilder raw = new StringBuilder();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                raw.append(line).append('\n');
                if (line.startsWith("data:")) {
                    events.add(new Event(line.substring(5).strip(), (System.nanoTime() - start) / 1_000_000));
                }
            }
        }
        return new Reply(
                response.statusCode(),
                response.headers().firstValue("content-type").orElse(""),
                events,
                raw.toString(),
                response.headers());
    }
}
