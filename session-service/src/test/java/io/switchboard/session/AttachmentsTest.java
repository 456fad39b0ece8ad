package io.switchboard.session;

import static io.restassured.RestAssured.given;
import static io.switchboard.session.support.Chats.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.events.EventSchema;
import io.switchboard.events.Events;
import io.switchboard.session.support.Broker;
import io.switchboard.session.support.Chats;
import io.switchboard.session.support.FakeClamd;
import io.switchboard.session.support.PublishedEvents;
import io.switchboard.session.support.Routing;
import io.switchboard.session.support.Socket;
import io.switchboard.session.support.WorkflowStub;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Files in a chat over the real HTTP API, sockets, broker and database, with clamd played by a real TCP server: an
 * upload reaches the other side live and as a schema-valid chat.message, downloads give the same bytes to the chat's
 * readers only and are sent so that no browser runs them, and every refusal (size, type read from the bytes, virus,
 * not in the chat) is a problem that keeps nothing.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "session"),
        @ResourceArg(name = "topics", value = "dlq.session-service,session.typing")})
@WithTestResource(WorkflowStub.class)
@WithTestResource(FakeClamd.class)
class AttachmentsTest {

    private static final String PROBLEMS = "https://switchboard.dev/problems/";
    private static final String UPLOADS = "/api/chats/{id}/attachments";
    private static final String MESSAGE = "chat.message";
    /** The store of the test profile (switchboard.session.attachments.storage.directory). */
    private static final Path STORE = Path.of("target", "attachments");
    /** The test profile's limit (switchboard.session.attachments.max-bytes). */
    private static final int MAX_BYTES = 65536;
    /** A real 1×1 PNG. */
    static final String PNG_BASE64 =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
    static final byte[] PNG = Base64.getDecoder().decode(PNG_BASE64);
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    KafkaCompanion companion = Broker.companion();

    @TestHTTPResource("/")
    URI base;

    Routing routing;
    String alice = Tokens.agent("agent1", "Alice Martin");
    String bruno = Tokens.agent("agent2", "Bruno Costa");

    @BeforeEach
    void ready() {
        routing = new Routing(companion);
        WorkflowStub.reset();
        FakeClamd.up();
        Chats.awaitReady();
    }

    @AfterEach
    void clamdBack() {
        FakeClamd.up();
    }

    private Chats.NewChat activeChat(String name) {
        var chat = Chats.request(name, name.toLowerCase().replace(' ', '.') + "@example.com", List.of());
        routing.assign(chat.chatId(), "agent1", "Alice Martin");
        Chats.awaitState(alice, chat.chatId(), "ACTIVE");
        return chat;
    }

    private static ValidatableResponse upload(String token, String chatId, String name, byte[] bytes,
                                              String claimedType, String clientMessageId) {
        var request = given();
        if (token != null) {
            request.auth().oauth2(token);
        }
        return request.multiPart("file", name, bytes, claimedType).multiPart("clientMessageId", clientMessageId)
                .post(UPLOADS, chatId).then();
    }

    private static ValidatableResponse upload(String token, String chatId, String name, byte[] bytes,
                                              String claimedType) {
        return upload(token, chatId, name, bytes, claimedType, UUID.randomUUID().toString());
    }

    private static ExtractableResponse<Response> download(String token, String chatId, String attachmentId) {
        return given().auth().oauth2(token).get(UPLOADS + "/{file}", chatId, attachmentId).then().extract();
    }

    /** Sends a request's head over a plain socket and reads the answer's head and body (by its Content-Length). */
    private String headersOnly(String head) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(Math.toIntExact(Socket.WAIT.toMillis()));
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            while (answer.indexOf("\r\n\r\n") < 0) {
                int b = in.read();
                if (b < 0) {
                    return answer.toString();
                }
                answer.append((char) b);
            }
            var length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(answer);
            int bodyBytes = length.find() ? Integer.parseInt(length.group(1)) : 0;
            return answer + new String(in.readNBytes(bodyBytes), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode json(String text) {
        try {
            return Events.json().readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void refused(ValidatableResponse response, int status, String type) {
        response.statusCode(status).contentType("application/problem+json").body("type", equalTo(PROBLEMS + type));
    }

    /** Files the store keeps (what a refusal must not add to). */
    private static long kept() throws IOException {
        if (!Files.exists(STORE)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(STORE)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static long timelineLength(String token, String chatId) {
        return as(token).get("/api/chats/{id}/timeline", chatId).then().statusCode(200).extract()
                .jsonPath().getList("items").size();
    }

    @Test
    void aContactsImageReachesTheAgentLiveAndDownloadsAsTheSameBytesForTheChatsReadersOnly() throws Exception {
        try (PublishedEvents events = new PublishedEvents(companion)) {
            var chat = activeChat("Iris Image");
            String chatId = chat.chatId();
            try (Socket agent = Socket.open(base, "/ws/agent", alice)) {
                agent.send(Map.of("type", "resume", "chatId", chatId, "afterSeq", 0));
                agent.awaitItem(1);
                int scans = FakeClamd.scans();

                // The client says PDF; the bytes are a PNG, and the bytes win.
                JsonNode posted = json(upload(chat.contactToken(), chatId, "../../holiday photo.png", PNG,
                        "application/pdf").statusCode(201).extract().asString());
                assertThat(posted.path("messageKind").asText()).isEqualTo("FILE");
                assertThat(posted.path("authorRole").asText()).isEqualTo("CONTACT");
                JsonNode file = posted.path("attachment");
                assertThat(file.path("name").asText()).isEqualTo("holiday photo.png");
                assertThat(file.path("contentType").asText()).isEqualTo("image/png");
                assertThat(file.path("size").asLong()).isEqualTo(PNG.length);
                String attachmentId = file.path("id").asText();
                assertThat(FakeClamd.scans()).as("scanned by clamd").isEqualTo(scans + 1);

                JsonNode live = agent.await(f -> "item".equals(f.path("type").asText())
                        && "FILE".equals(f.path("item").path("messageKind").asText())).path("item");
                assertThat(live.path("attachment").path("id").asText()).isEqualTo(attachmentId);
                assertThat(live.path("seq").asLong()).isEqualTo(posted.path("seq").asLong());

                String value = events.await(chatId, MESSAGE, 1).stream()
                        .filter(v -> v.contains(attachmentId)).findFirst().orElseThrow();
                assertThat(EventSchema.violations(value)).isEmpty();
                JsonNode data = PublishedEvents.data(value);
                assertThat(data.path("kind").asText()).isEqualTo("FILE");
                assertThat(data.path("text").asText()).isEqualTo("holiday photo.png");
                assertThat(data.path("attachment").path("contentType").asText()).isEqualTo("image/png");
                assertThat(data.path("attachment").path("size").asLong()).isEqualTo(PNG.length);

                var got = download(alice, chatId, attachmentId);
                assertThat(got.statusCode()).isEqualTo(200);
                assertThat(got.asByteArray()).isEqualTo(PNG);
                assertThat(got.contentType()).isEqualTo("image/png");
                assertThat(got.header("Content-Disposition"))
                        .isEqualTo("inline; filename=\"holiday photo.png\"; filename*=UTF-8''holiday%20photo.png");
                assertThat(got.header("X-Content-Type-Options")).isEqualTo("nosniff");
                assertThat(got.header("Content-Security-Policy")).isEqualTo("sandbox; default-src 'none'");
                assertThat(got.header("Cache-Control")).isEqualTo("private");
                assertThat(download(chat.contactToken(), chatId, attachmentId).asByteArray()).isEqualTo(PNG);

                // The timeline lists it too (a reload, a resume without a socket).
                List<Map<String, Object>> items = as(alice).get("/api/chats/{id}/timeline", chatId).then()
                        .statusCode(200).extract().jsonPath().getList("items");
                assertThat(items).anyMatch(i -> "FILE".equals(i.get("messageKind"))
                        && attachmentId.equals(((Map<?, ?>) i.get("attachment")).get("id")));

                // Nobody else: another chat's contact, an agent not in it, no token; an id of another chat is unknown.
                var other = activeChat("Otto Other");
                refused(given().auth().oauth2(other.contactToken()).get(UPLOADS + "/{file}", chatId, attachmentId)
                        .then(), 403, "forbidden");
                refused(given().auth().oauth2(bruno).get(UPLOADS + "/{file}", chatId, attachmentId).then(), 403,
                        "forbidden");
                given().get(UPLOADS + "/{file}", chatId, attachmentId).then().statusCode(401);
                refused(given().auth().oauth2(other.contactToken()).get(UPLOADS + "/{file}", other.chatId(),
                        attachmentId).then(), 404, "not-found");
                refused(upload(other.contactToken(), chatId, "x.png", PNG, "image/png"), 403, "forbidden");
                refused(upload(bruno, chatId, "x.png", PNG, "image/png"), 403, "forbidden");
                upload(null, chatId, "x.png", PNG, "image/png").statusCode(401);
            }
        }
    }

    @Test
    void theAgentsPdfIsADownloadUnderANameThatMatchesItsBytes() {
        var chat = activeChat("Paula Pdf");
        String chatId = chat.chatId();
        JsonNode file = json(upload(alice, chatId, "terms.png", PDF, "image/png").statusCode(201).extract()
                .asString()).path("attachment");
        assertThat(file.path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(file.path("name").asText()).isEqualTo("terms.png.pdf");

        var got = download(chat.contactToken(), chatId, file.path("id").asText());
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.asByteArray()).isEqualTo(PDF);
        assertThat(got.contentType()).isEqualTo("application/pdf");
        assertThat(got.header("Content-Disposition")).startsWith("attachment; filename=\"terms.png.pdf\"");
    }

    @Test
    void markupAndUnknownBytesAreRefusedWhateverTheirNameAndKeepNothing() throws Exception {
        var chat = activeChat("Mark Up");
        String chatId = chat.chatId();
        long before = kept();
        long items = timelineLength(alice, chatId);

        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        refused(upload(chat.contactToken(), chatId, "cat.png", svg, "image/png"), 415,
                "attachment-type-not-allowed");
        byte[] html = "\n  <!DOCTYPE html><html><body onload=\"steal()\">Hi</body></html>"
                .getBytes(StandardCharsets.UTF_8);
        refused(upload(chat.contactToken(), chatId, "photo.png", html, "image/png"), 415,
                "attachment-type-not-allowed");
        byte[] hidden = ("Dear agent, here is my order.\n".repeat(20) + "<script>steal()</script>")
                .getBytes(StandardCharsets.UTF_8);
        refused(upload(chat.contactToken(), chatId, "notes.txt", hidden, "text/plain"), 415,
                "attachment-type-not-allowed");
        byte[] binary = {0x4D, 0x5A, (byte) 0x90, 0x00, 0x03, 0x00, 0x00, 0x00};
        upload(chat.contactToken(), chatId, "setup.pdf", binary, "application/pdf").statusCode(415)
                .body("contentType", equalTo("application/octet-stream"));

        // Plain text is taken, as text.
        upload(chat.contactToken(), chatId, "order.txt", "Order A-1002, size 42 <3".getBytes(StandardCharsets.UTF_8),
                "text/plain").statusCode(201).body("attachment.contentType", equalTo("text/plain"));
        assertThat(kept()).isEqualTo(before + 1);
        assertThat(timelineLength(alice, chatId)).isEqualTo(items + 1);
    }

    @Test
    void aFileTooLargeIsRefusedWith413AndNothingKept() throws Exception {
        var chat = activeChat("Larry Large");
        String chatId = chat.chatId();
        long before = kept();
        long items = timelineLength(alice, chatId);

        // One byte over, within what the request may carry: read, then refused.
        byte[] over = new byte[MAX_BYTES + 1];
        System.arraycopy(PDF, 0, over, 0, PDF.length);
        refused(upload(chat.contactToken(), chatId, "big.pdf", over, "application/pdf"), 413, "too-large");

        // Far over: refused from its Content-Length alone; the body is never sent, yet the answer comes.
        String answer = headersOnly("POST /api/chats/" + chatId + "/attachments HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: Bearer " + chat.contactToken() + "\r\n"
                + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + MAX_BYTES * 4 + "\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json");
        JsonNode problem = json(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(problem.path("type").asText()).isEqualTo(PROBLEMS + "too-large");
        assertThat(problem.path("maxBytes").asLong()).isEqualTo(MAX_BYTES);

        assertThat(kept()).isEqualTo(before);
        assertThat(timelineLength(alice, chatId)).isEqualTo(items);
    }

    @Test
    void anInfectedFileIsRefusedAndAScannerAwayKeepsNothingEither() throws Exception {
        var chat = activeChat("Vic Virus");
        String chatId = chat.chatId();
        long before = kept();
        long items = timelineLength(alice, chatId);

        refused(upload(chat.contactToken(), chatId, "eicar.txt", FakeClamd.EICAR.getBytes(StandardCharsets.US_ASCII),
                "text/plain"), 422, "attachment-infected");
        FakeClamd.down();
        var away = upload(chat.contactToken(), chatId, "order.png", PNG, "image/png");
        refused(away, 503, "attachment-scan-unavailable");
        away.header("Retry-After", equalTo("30"));

        assertThat(kept()).isEqualTo(before);
        assertThat(timelineLength(alice, chatId)).isEqualTo(items);
    }

    @Test
    void aFileSentAgainWithItsClientMessageIdIsPostedOnce() throws Exception {
        try (PublishedEvents events = new PublishedEvents(companion)) {
            var chat = activeChat("Rita Repeat");
            String chatId = chat.chatId();
            long before = kept();
            String clientMessageId = "upload-" + UUID.randomUUID();
            long seq = json(upload(chat.contactToken(), chatId, "receipt.png", PNG, "image/png",
                    clientMessageId).statusCode(201).extract().asString()).path("seq").asLong();
            // The answer was lost; the widget sends the same upload again.
            upload(chat.contactToken(), chatId, "receipt.png", PNG, "image/png", clientMessageId).statusCode(200)
                    .body("seq", equalTo((int) seq));

            events.await(chatId, MESSAGE, 1);
            Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                    events.of(chatId, MESSAGE).size() == 1);
            assertThat(kept()).isEqualTo(before + 1);
            upload(chat.contactToken(), chatId, "receipt.png", PNG, "image/png", " ").statusCode(400);
        }
    }

    @Test
    void aFinishedChatTakesNoFile() {
        var chat = activeChat("Fin Ished");
        as(alice).post("/api/chats/{id}/finish", chat.chatId()).then().statusCode(204);
        refused(upload(alice, chat.chatId(), "late.png", PNG, "image/png"), 409, "chat-finished");
        refused(upload(alice, "no-such-chat", "late.png", PNG, "image/png"), 404, "not-found");
    }
}
