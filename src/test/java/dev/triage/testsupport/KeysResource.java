package dev.triage.testsupport;

import static dev.triage.testsupport.FakeUpstream.json;
import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * {@link ResilienceResource}'s providers and learned route, with prices, an admin token, and a database of their own
 * (so that the keys created by the admin tests never close the gateway for other test classes).
 */
public class KeysResource extends ResilienceResource {

    public static final String ADMIN_TOKEN = "admin-secret-for-tests";
    /** An upstream answer reporting 1,000 input and 1,000 output tokens: $0.04 on strong-m, $0.0004 on weak-m. */
    public static final String ANSWER = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[],"
            + "\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":1000,\"total_tokens\":2000}}";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("triage.admin-token", ADMIN_TOKEN);
        config.put("triage.models.strong-m.input-price", "10");
        config.put("triage.models.strong-m.output-price", "30");
        config.put("triage.models.weak-m.input-price", "0.1");
        config.put("triage.models.weak-m.output-price", "0.3");
        // a target for the dashboard to show (the threshold above still decides)
        config.put("triage.routes.tiered.strong-pct", "0.3");
        config.put("triage.database.embedded.port", "54392");
        config.put("triage.database.embedded.data-dir", "target/pgdata-keys-test");
        return config;
    }

    /**
     * A chat request with {@code secret} (none when null) that the fake upstream answers with {@link #ANSWER}; its
     * {@code max_tokens} keeps what a hard budget reserves for it small.
     */
    public static ValidatableResponse chat(String secret, String model) {
        String id = "keys-" + UUID.randomUUID();
        for (String upstream : new String[] {"weak-m", "strong-m"}) {
            FakeUpstream.get().script(id, upstream, json(200, ANSWER));
        }
        RequestSpecification request = given().contentType("application/json").header("x-request-id", id);
        if (secret != null) {
            request = request.header("Authorization", "Bearer " + secret);
        }
        return request.body("{\"model\":\"" + model
                        + "\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/chat/completions")
                .then();
    }
}
