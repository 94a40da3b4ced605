package dev.triage.testsupport;

import java.util.HashMap;
import java.util.Map;

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
}
