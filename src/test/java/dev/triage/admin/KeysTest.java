package dev.triage.admin;

import static dev.triage.testsupport.KeysResource.chat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.triage.api.TriageHeaders;
import dev.triage.testsupport.KeysResource;
import dev.triage.testsupport.LedgerReady;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Virtual keys end to end on the real database: the admin API, authentication, allowed models, rate limits, hard and
 * soft budgets, and the spend report. Each answer of the fake upstream reports 1,000 input and 1,000 output tokens:
 * $0.04 on strong-m, $0.0004 on weak-m.
 */
@QuarkusTest
@WithTestResource(KeysResource.class)
class KeysTest {

    @BeforeEach
    void ledgerIsUp() throws InterruptedException {
        LedgerReady.await();
    }

    @Test
    void adminApiNeedsItsToken() {
        given().get("/admin/keys").then().statusCode(401).body("error.code", equalTo("invalid_admin_token"));
        given().header("Authorization", "Bearer wrong")
                .get("/admin/keys")
                .then()
                .statusCode(401);
        admin().body("{\"budget_mode\":\"sometimes\",\"name\":\"x\"}")
                .post("/admin/keys")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("budget_mode"));
    }

    @Test
    void createdKeyIsShownOnceThenAuthenticatesAndCanBeRevoked() {
        ValidatableResponse created = create("{\"name\":\"team-a\"}").body("key", startsWith("sk-triage-"));
        String secret = created.extract().path("key");
        String id = created.extract().path("id");
        admin().get("/admin/keys")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + id + "' }.prefix", equalTo(secret.substring(0, 14)))
                .body("find { it.id == '" + id + "' }", not(hasKey("key")));

        chat(null, "weak-m").statusCode(401).body("error.code", equalTo("missing_api_key"));
        chat(secret, "weak-m").statusCode(200);

        admin().delete("/admin/keys/" + id).then().statusCode(200).body("revoked_at", notNullValue());
        chat(secret, "weak-m").statusCode(401).body("error.code", equalTo("invalid_api_key"));
    }

    @Test
    void keyMayOnlyUseWhatItIsAllowed() {
        String secret = create("{\"name\":\"weak-only\",\"allowed_models\":[\"weak-m\"]}")
                .extract()
                .path("key");
        chat(secret, "strong-m").statusCode(403).body("error.code", equalTo("model_not_allowed"));
        chat(secret, "weak-m").statusCode(200);
    }

    @Test
    void requestsPerMinuteAreLimited() {
        String secret = create("{\"name\":\"slow\",\"rpm\":2}").extract().path("key");
        chat(secret, "weak-m").statusCode(200);
        chat(secret, "weak-m").statusCode(200);
        chat(secret, "weak-m")
                .statusCode(429)
                .body("error.code", equalTo("rate_limit_exceeded"))
                .header("Retry-After", notNullValue());
    }

    @Test
    void hardBudgetRefusesOnceSpent() {
        String secret = create("{\"name\":\"hard\",\"budget_usd\":0.01,\"budget_period\":\"day\"}")
                .extract()
                .path("key");
        chat(secret, "strong-m").statusCode(200);
        chat(secret, "strong-m")
                .statusCode(429)
                .body("error.type", equalTo("insufficient_quota"))
                .body("error.code", equalTo("insufficient_quota"));
    }

    @Test
    void softBudgetDowngradesTheRouteToItsWeakModel() {
        String secret = create(
                        "{\"name\":\"soft\",\"budget_usd\":0.01,\"budget_mode\":\"soft\",\"allow_threshold_override\":true}")
                .extract()
                .path("key");
        chat(secret, "router-mf-0").statusCode(200).header(TriageHeaders.MODEL, "strong-m");
        chat(secret, "router-mf-0")
                .statusCode(200)
                .header(TriageHeaders.MODEL, "weak-m")
                .header(TriageHeaders.TIER, "weak")
                .header(TriageHeaders.POLICY, "budget");
    }

    @Test
    void spendReportShowsCostAndSavingsPerRouteAndModel() throws InterruptedException {
        String secret = create("{\"name\":\"report\"}").extract().path("key");
        chat(secret, "router-mf-1").statusCode(200).header(TriageHeaders.MODEL, "weak-m");
        String line = "lines.find { it.route == 'tiered' && it.model == 'weak-m' }";
        ValidatableResponse report = admin().get("/admin/spend").then().statusCode(200);
        for (int i = 0; i < 100 && report.extract().path(line) == null; i++) {
            Thread.sleep(100); // the ledger row is written after the response
            report = admin().get("/admin/spend").then().statusCode(200);
        }
        Float cost = report.extract().path(line + ".cost_usd");
        Float savings = report.extract().path(line + ".savings_usd");
        // a weak answer costs $0.0004 where the strong model would have cost $0.04
        assertThat(cost).isPositive();
        assertThat(savings).isGreaterThan(cost * 50);
    }

    @Test
    void theAdminTokenIsCheckedBeforeTheBodyIsRead() {
        given().contentType("application/json")
                .body("{not json")
                .post("/admin/keys")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("invalid_admin_token"));
    }

    @Test
    void aKeyOutsideItsRangesIsRefusedNamingTheField() {
        String longName = "n".repeat(201);
        String[][] cases = {
            {"{\"name\":\"x\",\"budget_usd\":1e30}", "budget_usd"},
            {"{\"name\":\"x\",\"budget_usd\":-1}", "budget_usd"},
            {"{\"name\":\"x\\u0000y\"}", "name"},
            {"{\"name\":\"" + longName + "\"}", "name"},
            {"{\"name\":\"\"}", "name"},
            {"{}", "name"},
            {"{\"name\":\"x\",\"rpm\":1.5}", "rpm"},
            {"{\"name\":\"x\",\"tpm\":0}", "tpm"},
            {"{\"name\":\"x\",\"rpm\":\"10\"}", "rpm"},
            {"{\"name\":\"x\",\"allowed_models\":[]}", "allowed_models"},
            {"{\"name\":\"x\",\"allowed_routes\":[\"a,b\"]}", "allowed_routes"},
            {"{\"name\":\"x\",\"budget\":5}", "budget"},
            {"{\"name\":\"x\",\"allow_threshold_override\":\"yes\"}", "allow_threshold_override"},
        };
        for (String[] bad : cases) {
            admin().body(bad[0])
                    .post("/admin/keys")
                    .then()
                    .statusCode(400)
                    .body("error.type", equalTo("invalid_request_error"))
                    .body("error.param", equalTo(bad[1]));
        }
        admin().body("[1]").post("/admin/keys").then().statusCode(400);
    }

    @Test
    void aKeyWithABudgetMayNotPickItsOwnThreshold() {
        String budgeted =
                create("{\"name\":\"budgeted\",\"budget_usd\":5}").extract().path("key");
        chat(budgeted, "router-mf-0")
                .statusCode(403)
                .body("error.code", equalTo("threshold_override_not_allowed"))
                .body("error.param", equalTo("model"));
        chat(budgeted, "tiered").statusCode(200);

        String trusted = create("{\"name\":\"trusted\",\"budget_usd\":5,\"allow_threshold_override\":true}")
                .body("allow_threshold_override", equalTo(true))
                .extract()
                .path("key");
        chat(trusted, "router-mf-0").statusCode(200).header(TriageHeaders.MODEL, "strong-m");

        String unbudgeted = create("{\"name\":\"unbudgeted\"}").extract().path("key");
        chat(unbudgeted, "router-mf-0").statusCode(200);
    }

    @Test
    void aQueryParameterThatIsNotANumberIsA400NamingIt() {
        for (String hours : new String[] {"abc", "0", "99999", "1.5"}) {
            admin().queryParam("hours", hours)
                    .get("/admin/dashboard")
                    .then()
                    .statusCode(400)
                    .body("error.param", equalTo("hours"));
        }
        admin().queryParam("hours", "2").get("/admin/dashboard").then().statusCode(200);
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + KeysResource.ADMIN_TOKEN)
                .contentType("application/json");
    }

    private static ValidatableResponse create(String body) {
        return admin().body(body).post("/admin/keys").then().statusCode(201);
    }
}
