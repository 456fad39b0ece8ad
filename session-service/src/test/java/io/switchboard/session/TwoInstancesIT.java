package io.switchboard.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.events.EventType;
import io.switchboard.events.Events;
import io.switchboard.session.support.Routing;
import io.switchboard.stack.DatabaseServer;
import io.switchboard.stack.KafkaTopics;
import io.switchboard.stack.ServiceApp;
import io.switchboard.stack.test.PackagedService;
import io.switchboard.stack.test.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two session-service processes (the packaged jar) on one database and one broker: a contact connected to the first
 * and the agent connected to the second see each other's messages, in order, through the Kafka fan-out, and a file
 * posted through one is served by the other (a shared attachments directory).
 */
class TwoInstancesIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int MESSAGES_EACH = 10;

    private static final List<PackagedService> instances = new ArrayList<>();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static String prefix;
    private static String kafka;
    private static DatabaseServer server;
    private static String database;
    private static KafkaCompanion companion;
    private static URI first;
    private static URI second;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        Assumptions.assumeTrue(PackagedService.packaged(),
                "TwoInstancesIT skipped: " + PackagedService.jar() + " is missing (run mvn verify)");
        kafka = env("KAFKA_BOOTSTRAP_SERVERS");
        String dbHost = env("DB_HOST");
        Assumptions.assumeTrue(kafka != null && dbHost != null,
                "TwoInstancesIT skipped: KAFKA_BOOTSTRAP_SERVERS and DB_HOST name the shared infrastructure");
        String random = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        prefix = "it" + random + ".";
        database = "session_it_" + random;
        String dbPort = envOr("DB_PORT", "5432");
        String dbUser = envOr("DB_USER", "postgres");
        String dbPassword = envOr("DB_PASSWORD", "postgres");
        server = new DatabaseServer(dbHost, Integer.parseInt(dbPort), dbUser, dbPassword);
        server.createDatabase(database);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            List<NewTopic> topics = new ArrayList<>();
            EventType.topics().forEach(t -> topics.add(new NewTopic(prefix + t, 1, (short) 1)));
            topics.add(new NewTopic(prefix + "dlq.session-service", 1, (short) 1));
            topics.add(new NewTopic(prefix + "session.typing", 1, (short) 1));
            admin.createTopics(topics).all().get();
        }
        companion = new KafkaCompanion(kafka);

        // One attachments directory for both, as replicas share a volume.
        Path files = Files.createTempDirectory("session-it-attachments");
        Map<String, String> common = new HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka,
                "KAFKA_TOPIC_PREFIX", prefix, "DB_HOST", dbHost, "DB_PORT", dbPort, "DB_NAME", database,
                "DB_USER", dbUser, "DB_PASSWORD", dbPassword, "ATTACHMENTS_DIRECTORY", files.toString()));
        first = start(common, 1);
        second = start(common, 2);
        for (PackagedService instance : instances) {
            instance.awaitReady(START_TIMEOUT);
        }
    }

    @AfterAll
    static void stop() {
        instances.forEach(PackagedService::close);
        if (companion != null) {
            companion.close();
        }
        // Left behind, they pile up in the shared servers.
        if (server != null) {
            server.dropLeftover(database);
            KafkaTopics.deleteLeftover(kafka, prefix);
        }
    }

    @Test
    void contactOnOneInstanceAndAgentOnTheOtherSeeEachOtherInOrder() throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(first.resolve("/api/chats"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\",\"queue\":\"general\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode chat = Events.json().readTree(created.body());
        String chatId = chat.path("chatId").asText();

        Frames contact = Frames.open(first, "/ws/contact/" + chatId, chat.path("contactToken").asText());
        Frames agent = Frames.open(second, "/ws/agent", Tokens.agent("agent1", "Alice Martin"));
        contact.send("{\"type\":\"resume\",\"afterSeq\":0}");
        contact.awaitItem(1);

        Routing routing = new Routing(companion, prefix);
        String offerId = routing.offered(chatId, "agent1", "Alice Martin", io.switchboard.events.OfferKind.CHAT,
                null, null);
        agent.await(f -> "offer".equals(f.path("type").asText()) && offerId.equals(f.path("offerId").asText()));
        routing.accepted(chatId, offerId, "agent1", "Alice Martin", io.switchboard.events.OfferKind.CHAT, null,
                null);
        JsonNode joined = contact.awaitItem(2);
        assertThat(joined.path("text").asText()).isEqualTo("Alice Martin joined");
        agent.send("{\"type\":\"resume\",\"chatId\":\"" + chatId + "\",\"afterSeq\":0}");
        agent.awaitItem(2);

        agent.send("{\"type\":\"typing\",\"chatId\":\"" + chatId + "\",\"typing\":true}");
        contact.await(f -> "typing".equals(f.path("type").asText()) && "Alice Martin".equals(f.path("name").asText()));

        for (int i = 1; i <= MESSAGES_EACH; i++) {
            contact.send("{\"type\":\"message\",\"clientMessageId\":\"c" + i + "\",\"text\":\"contact " + i + "\"}");
            agent.send("{\"type\":\"message\",\"chatId\":\"" + chatId + "\",\"clientMessageId\":\"a" + i
                    + "\",\"text\":\"agent " + i + "\"}");
        }
        long last = 2 + 2L * MESSAGES_EACH;
        contact.awaitItem(last);
        agent.awaitItem(last);

        List<Long> expected = java.util.stream.LongStream.rangeClosed(1, last).boxed().toList();
        assertThat(contact.itemSeqs()).containsExactlyElementsOf(expected);
        assertThat(agent.itemSeqs()).containsExactlyElementsOf(expected);
        // Each side sees the other's messages in the order they were sent, with the author's name.
        assertThat(contact.texts("Alice Martin")).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, MESSAGES_EACH).mapToObj(i -> "agent " + i).toList());
        assertThat(agent.texts("Ada Lovelace")).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, MESSAGES_EACH).mapToObj(i -> "contact " + i).toList());

        // A file the contact posts through the first instance reaches the agent's socket on the second, and the
        // second serves its bytes: the instances share the file store.
        byte[] png = Base64.getDecoder().decode(AttachmentsTest.PNG_BASE64);
        String boundary = "b" + UUID.randomUUID();
        byte[] form = multipart(boundary, "c-file", "label.png", png);
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(
                        first.resolve("/api/chats/" + chatId + "/attachments"))
                .header("Authorization", "Bearer " + chat.path("contactToken").asText())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        String attachmentId = Events.json().readTree(posted.body()).path("attachment").path("id").asText();
        JsonNode file = agent.awaitItem(last + 1);
        assertThat(file.path("attachment").path("id").asText()).isEqualTo(attachmentId);
        HttpResponse<byte[]> downloaded = http.send(HttpRequest.newBuilder(
                        second.resolve("/api/chats/" + chatId + "/attachments/" + attachmentId))
                .header("Authorization", "Bearer " + Tokens.agent("agent1", "Alice Martin")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(png);
        contact.close();
        agent.close();
    }

    /** A multipart/form-data body with the fields of an upload. */
    private static byte[] multipart(String boundary, String clientMessageId, String name, byte[] bytes) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"clientMessageId\"\r\n\r\n"
                + clientMessageId + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"" + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        byte[] end = tail.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + bytes.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(bytes, 0, body, start.length, bytes.length);
        System.arraycopy(end, 0, body, start.length + bytes.length, end.length);
        return body;
    }

    /** A plain JDK WebSocket client that keeps every frame. */
    static final class Frames implements WebSocket.Listener {
        private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Frames open(URI base, String path, String token) {
            Frames frames = new Frames();
            URI uri = URI.create("ws://" + base.getHost() + ":" + base.getPort() + path);
            frames.socket = http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .buildAsync(uri, frames).join();
            return frames;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(Events.json().readTree(partial.toString()));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        JsonNode await(Predicate<JsonNode> match) {
            Awaitility.await().atMost(WAIT).until(() -> frames.stream().anyMatch(match));
            return frames.stream().filter(match).findFirst().orElseThrow();
        }

        JsonNode awaitItem(long seq) {
            return await(f -> "item".equals(f.path("type").asText()) && f.path("item").path("seq").asLong() == seq)
                    .path("item");
        }

        List<Long> itemSeqs() {
            return frames.stream().filter(f -> "item".equals(f.path("type").asText()))
                    .map(f -> f.path("item").path("seq").asLong()).toList();
        }

        List<String> texts(String authorName) {
            return frames.stream().filter(f -> "item".equals(f.path("type").asText())
                            && authorName.equals(f.path("item").path("authorName").asText())
                            && "MESSAGE".equals(f.path("item").path("kind").asText()))
                    .map(f -> f.path("item").path("text").asText()).toList();
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
    }

    private static URI start(Map<String, String> common, int n) {
        PackagedService instance = PackagedService.start(ServiceApp.SESSION, common,
                Path.of("target", "it-logs", "session-" + n + ".log"));
        instances.add(instance);
        return instance.baseUri();
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static String envOr(String name, String fallback) {
        String value = env(name);
        return value == null ? fallback : value;
    }
}
