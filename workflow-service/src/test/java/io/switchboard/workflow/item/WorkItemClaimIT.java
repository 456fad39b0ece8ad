package io.switchboard.workflow.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.events.ChatCompleted;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.Events;
import io.switchboard.events.WorkflowDecision;
import io.switchboard.kit.security.Roles;
import io.switchboard.stack.DatabaseServer;
import io.switchboard.stack.Infrastructure;
import io.switchboard.stack.InfrastructureSettings;
import io.switchboard.stack.KafkaTopics;
import io.switchboard.stack.ServiceApp;
import io.switchboard.stack.test.PackagedService;
import io.switchboard.stack.test.Tokens;
import io.switchboard.workflow.Actors;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged service share one database and broker; many workers claim from one queue through
 * both at once. Every item must go to exactly one worker.
 */
class WorkItemClaimIT {

    private static final int INSTANCES = 2;
    private static final int ITEMS = 60;
    private static final int WORKERS = 12;
    private static final String QUEUE = "follow-up";
    /** Generous: the build machine is shared, and two JVMs start at once. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<PackagedService> instances = new ArrayList<>();
    private static final List<String> baseUrls = new ArrayList<>();
    private static Infrastructure infrastructure;
    private static DatabaseServer database;
    private static String databaseName;
    private static String prefix;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        assumeTrue(PackagedService.packaged(),
                "skipped: " + PackagedService.jar() + " is missing (run mvn verify, which packages it first)");

        Path work = Files.createDirectories(Path.of("target", "it"));
        infrastructure = Infrastructure.start(
                InfrastructureSettings.freePorts(work.resolve("data"), work.resolve("logs")), System.getenv());
        database = infrastructure.database();
        String random = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        databaseName = "workflow_it_" + random;
        prefix = "it" + random + ".";
        database.createDatabase(databaseName);
        KafkaTopics.createAll(infrastructure.kafkaBootstrapServers(), prefix, List.of("dlq.workflow-service"));

        for (int i = 0; i < INSTANCES; i++) {
            Map<String, String> env = new HashMap<>();
            env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
            env.put("KAFKA_TOPIC_PREFIX", prefix);
            env.put("DB_HOST", database.host());
            env.put("DB_PORT", Integer.toString(database.port()));
            env.put("DB_NAME", databaseName);
            env.put("DB_USER", database.user());
            env.put("DB_PASSWORD", database.password());
            PackagedService instance = PackagedService.start(ServiceApp.WORKFLOW, env,
                    work.resolve("instance-" + i + ".log"));
            instances.add(instance);
            baseUrls.add(instance.baseUrl());
        }
        for (PackagedService instance : instances) {
            instance.awaitReady(START_TIMEOUT);
        }
    }

    @AfterAll
    static void stopInstances() {
        instances.forEach(PackagedService::close);
        if (infrastructure != null) {
            // The infrastructure may be the shared one (its variables set): leave nothing of this run in it.
            database.dropLeftover(databaseName);
            KafkaTopics.deleteLeftover(infrastructure.kafkaBootstrapServers(), prefix);
            infrastructure.close();
        }
    }

    @Test
    void everyItemIsClaimedByExactlyOneWorkerAcrossTwoInstances() throws Exception {
        Set<String> chats = parkItems();
        String supervisor = token("supervisor1", Roles.AGENT, Roles.SUPERVISOR);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() ->
                json(get(baseUrls.get(0) + "/api/workflow/queues/" + QUEUE + "/items?size=1", supervisor))
                        .get("total").asInt() == ITEMS);

        Map<String, String> claimedBy = new ConcurrentHashMap<>();
        AtomicInteger doubleClaims = new AtomicInteger();
        int[] servedBy = new int[INSTANCES];
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            String worker = "worker" + w;
            String token = token(worker, Roles.AGENT);
            int instance = w % INSTANCES;
            workers.add(pool.submit(() -> {
                while (true) {
                    HttpResponse<String> response = post(baseUrls.get(instance) + "/api/workflow/queues/" + QUEUE
                            + "/claim", token);
                    if (response.statusCode() == 204) {
                        return null;
                    }
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    JsonNode item = json(response);
                    assertThat(item.get("claimedBy").asText()).isEqualTo(worker);
                    if (claimedBy.putIfAbsent(item.get("itemId").asText(), worker) != null) {
                        doubleClaims.incrementAndGet();
                    }
                    synchronized (servedBy) {
                        servedBy[instance]++;
                    }
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
        pool.shutdown();
        System.out.printf("[WorkItemClaimIT] %d items, %d workers, claims served per instance: %s%n", ITEMS, WORKERS,
                Arrays.toString(servedBy));

        assertThat(doubleClaims).hasValue(0);
        assertThat(claimedBy).hasSize(ITEMS);
        assertThat(servedBy).as("claims served per instance").doesNotContain(0);
        assertThat(claimsInDatabase()).isEqualTo(claimedBy);
        assertThat(chats).hasSize(ITEMS);
    }

    private static Set<String> parkItems() {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        Set<String> chats = ConcurrentHashMap.newKeySet();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < ITEMS; i++) {
                String chat = "chat-" + UUID.randomUUID();
                EventEnvelope envelope = Events.envelope(new ChatCompleted(chat, Actors.ALICE.id, null, null, false,
                        WorkflowDecision.PARK, QUEUE, Instant.now()), "session-service");
                producer.send(new ProducerRecord<>(prefix + envelope.type(), chat, Events.write(envelope)));
                chats.add(chat);
            }
            producer.flush();
        }
        return chats;
    }

    private static Map<String, String> claimsInDatabase() throws Exception {
        Map<String, String> claims = new HashMap<>();
        try (Connection connection = database.connect(databaseName);
             ResultSet rows = connection.createStatement()
                     .executeQuery("select id, claimed_by from workflow_item where state = 'CLAIMED'")) {
            while (rows.next()) {
                claims.put(rows.getString(1), rows.getString(2));
            }
        }
        return claims;
    }

    private String token(String subject, String... groups) {
        return Tokens.signed(Tokens.AUDIENCE, subject, subject, groups);
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), token);
    }

    private static HttpResponse<String> post(String url, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()), token);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token)
            throws IOException, InterruptedException {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Events.json().readTree(response.body());
    }
}
