package io.switchboard.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.events.Events;
import io.switchboard.events.OpeningInterval;
import io.switchboard.events.QueueHours;
import io.switchboard.session.support.Broker;
import io.switchboard.session.support.Chats;
import io.switchboard.session.support.WorkflowStub;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A chat request to a queue that is closed by the hours routing published on queue.hours is refused with 409
 * queue-closed and when the queue opens; once the hours are cleared, the queue takes chats again.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "session"),
        @ResourceArg(name = "topics", value = "dlq.session-service,session.typing")})
@WithTestResource(WorkflowStub.class)
class BusinessHoursTest {

    private static final String PROBLEMS = "https://switchboard.dev/problems/";

    KafkaCompanion companion = Broker.companion();

    @BeforeEach
    void ready() {
        Chats.awaitReady();
    }

    @Test
    void aClosedQueueRefusesChatRequestsSayingWhenItOpensUntilItsHoursAreCleared() {
        String queue = "hours-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate opening = LocalDate.now(ZoneOffset.UTC).plusDays(2);
        String opensAt = opening.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        request(queue).statusCode(201);

        publish(new QueueHours(queue, "UTC", List.of(new OpeningInterval(opening.getDayOfWeek(), "00:00", "24:00")),
                List.of(), 2, Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> request(queue).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "queue-closed"))
                .body("queue", equalTo(queue))
                .body("opensAt", equalTo(opensAt)));

        // An older version (redelivered, or published before) changes nothing; the newer clearing opens the queue.
        publish(new QueueHours(queue, null, List.of(), List.of(), 1, Instant.now()));
        publish(new QueueHours(queue, null, List.of(), List.of(), 3, Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> request(queue).statusCode(201));
        request("other-" + queue).statusCode(201);
    }

    private static ValidatableResponse request(String queue) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "Erin Moss", "email", "erin@example.com", "queue", queue, "language", "en"))
                .post("/api/chats").then();
    }

    private void publish(QueueHours hours) {
        companion.produceStrings().fromRecords(new ProducerRecord<>(SwitchboardInfrastructure.topicPrefix()
                + "queue.hours", hours.queue(), Events.write(Events.envelope(hours, "routing-service"))))
                .awaitCompletion();
    }
}
