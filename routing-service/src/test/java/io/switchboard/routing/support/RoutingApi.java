package io.switchboard.routing.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.switchboard.stack.test.Tokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The routing REST API as a test drives it, against the app under test or any base URL. */
public class RoutingApi {

    private final String baseUri;

    /** The @QuarkusTest app (RestAssured is pointed at it). */
    public RoutingApi() {
        this(null);
    }

    public RoutingApi(String baseUri) {
        this.baseUri = baseUri;
    }

    public RequestSpecification as(String token) {
        RequestSpecification spec = given().auth().oauth2(token).contentType(ContentType.JSON);
        return baseUri == null ? spec : spec.baseUri(baseUri);
    }

    public void createQueue(String name, List<String> skills, int maxWaitSeconds, String overflow,
                            int offerTimeoutSeconds) {
        Map<String, Object> queue = new HashMap<>();
        queue.put("name", name);
        queue.put("requiredSkills", skills);
        queue.put("priority", 1);
        queue.put("maxWaitSeconds", maxWaitSeconds);
        queue.put("overflowQueue", overflow);
        queue.put("offerTimeoutSeconds", offerTimeoutSeconds);
        as(Tokens.supervisor("supervisor1", "Sam Taylor")).body(queue).post("/api/routing/queues").then().statusCode(201);
    }

    public void createAgent(String id, Map<String, Integer> skills, int capacity, String role) {
        as(Tokens.supervisor("supervisor1", "Sam Taylor"))
                .body(Map.of("id", id, "name", "Agent " + id, "skills", skills, "capacity", capacity, "role", role))
                .post("/api/routing/agents").then().statusCode(201);
    }

    public void ready(String agentId) {
        as(Tokens.agent(agentId)).body(Map.of("state", "READY")).put("/api/routing/agents/me/state")
                .then().statusCode(200);
    }

    public ValidatableResponse me(String agentId) {
        return as(Tokens.agent(agentId)).get("/api/routing/agents/me").then().statusCode(200);
    }

    public ValidatableResponse accept(String agentId, String offerId) {
        return as(Tokens.agent(agentId)).post("/api/routing/offers/" + offerId + "/accept").then();
    }

    public ValidatableResponse reject(String agentId, String offerId) {
        return as(Tokens.agent(agentId)).post("/api/routing/offers/" + offerId + "/reject").then();
    }
}
