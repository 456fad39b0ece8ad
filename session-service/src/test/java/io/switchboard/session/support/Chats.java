package io.switchboard.session.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** REST calls of the chat API, over real HTTP. */
public final class Chats {

    private Chats() {
    }

    /** @param contactId the id history-service files the contact under */
    public record NewChat(String chatId, String contactToken, String contactId) {
    }

    public static NewChat request(String name, String email, List<String> phoneNumbers) {
        var body = given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "email", email, "phoneNumbers", phoneNumbers, "queue", "general",
                        "subject", "Billing question", "language", "en"))
                .post("/api/chats").then().statusCode(201).extract().jsonPath();
        return new NewChat(body.getString("chatId"), body.getString("contactToken"), body.getString("contactId"));
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static ValidatableResponse send(String token, String chatId, Map<String, Object> body) {
        return as(token).body(body).post("/api/chats/{id}/messages", chatId).then();
    }

    public static ValidatableResponse say(String token, String chatId, String text) {
        return send(token, chatId, Map.of("clientMessageId", UUID.randomUUID().toString(), "text", text));
    }

    /** Waits until the chat has the given state (routing decisions are applied asynchronously). */
    public static void awaitState(String token, String chatId, String state) {
        await().atMost(Socket.WAIT).until(() -> state.equals(as(token).get("/api/chats/{id}", chatId)
                .then().extract().path("state")));
    }

    /** Waits until the participant is present in the chat. */
    public static void awaitPresent(String token, String chatId, String participantId) {
        await().atMost(Socket.WAIT).until(() -> {
            List<Map<String, Object>> ps = as(token).get("/api/chats/{id}", chatId).then().extract()
                    .path("participants");
            return ps != null && ps.stream().anyMatch(p -> participantId.equals(p.get("id"))
                    && Boolean.TRUE.equals(p.get("present")));
        });
    }

    /** The instance reads all fan-out topics: live frames published from now on reach its sockets. */
    public static void awaitReady() {
        await().atMost(Socket.WAIT.multipliedBy(2)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }
}
