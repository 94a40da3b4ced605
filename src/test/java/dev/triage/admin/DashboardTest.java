package dev.triage.admin;

import static dev.triage.testsupport.FakeUpstream.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.triage.testsupport.FakeUpstream;
import dev.triage.testsupport.KeysResource;
import dev.triage.testsupport.LedgerReady;
import dev.triage.testsupport.NodeTests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * Sends real requests through the gateway (routed weak, routed strong, a fallback, a direct model), then drives the
 * dashboard in headless Chromium ({@code src/test/node/dashboard.test.mjs}) and checks that it shows what the ledger
 * holds.
 */
@QuarkusTest
@WithTestResource(KeysResource.class)
class DashboardTest {

    @BeforeEach
    void ledgerIsUp() throws InterruptedException {
        LedgerReady.await();
    }

    @Test
    void dashboardShowsTheLedger() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("skipNodeSdk"), "skipNodeSdk is set");
        // other test classes leave virtual keys in this database, which close the gateway: send with a key of our own
        String key = given().header("Authorization", "Bearer " + KeysResource.ADMIN_TOKEN)
                .contentType("application/json")
                .body("{\"name\":\"dashboard\"}")
                .post("/admin/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        long before = spendOfTheLastDay().getLong("requests");
        for (String model : List.of("router-mf-1", "router-mf-1", "router-mf-0", "down-m", "weak-m")) {
            String id = "dashboard-" + UUID.randomUUID();
            FakeUpstream.get().script(id, "weak-m", json(200, KeysResource.ANSWER));
            FakeUpstream.get().script(id, "strong-m", json(200, KeysResource.ANSWER));
            given().contentType("application/json")
                    .header("Authorization", "Bearer " + key)
                    .header("x-request-id", id)
                    .body("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                    .post("/v1/chat/completions")
                    .then()
                    .statusCode(200);
        }
        JsonPath ledger = spendOfTheLastDay();
        for (int i = 0; i < 300 && ledger.getLong("requests") < before + 5; i++) {
            Thread.sleep(100); // the rows are written after the responses
            ledger = spendOfTheLastDay();
        }

        Map<String, Map<String, Long>> routes = new TreeMap<>();
        for (Map<String, Object> line : ledger.<Map<String, Object>>getList("lines")) {
            Map<String, Long> counts = routes.computeIfAbsent((String) line.get("route"), route -> new TreeMap<>());
            counts.merge("requests", ((Number) line.get("requests")).longValue(), Long::sum);
            counts.merge("strong", ((Number) line.get("strong_requests")).longValue(), Long::sum);
        }
        Map<String, String> circuits =
                given().get("/q/health/ready").then().extract().path("checks.find { it.name == 'providers' }.data");
        Map<String, Object> expected = Map.of(
                "requests", ledger.getLong("requests"),
                "cost_usd", ledger.getString("cost_usd"),
                "savings_usd", ledger.getString("savings_usd"),
                "routes", routes,
                "tiered_target", "30.0%",
                "circuits",
                        circuits.entrySet().stream()
                                .collect(Collectors.toMap(
                                        Map.Entry::getKey,
                                        entry -> entry.getValue().replace("circuit ", ""))));

        String output = NodeTests.run(
                "dashboard.test.mjs",
                Map.of(
                        "BASE_URL",
                        RestAssured.baseURI + ":" + RestAssured.port,
                        "ADMIN_TOKEN",
                        KeysResource.ADMIN_TOKEN,
                        "EXPECTED",
                        new ObjectMapper().writeValueAsString(expected)));
        assertThat(output).contains("# pass 2");
    }

    private static JsonPath spendOfTheLastDay() {
        return given().header("Authorization", "Bearer " + KeysResource.ADMIN_TOKEN)
                .queryParam("since", Instant.now().minus(Duration.ofHours(24)).toString())
                .get("/admin/spend")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
