package io.switchboard.workflow.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventSchema;
import io.switchboard.events.EventType;
import io.switchboard.events.MessageLeft;
import io.switchboard.events.WorkflowItemEvent;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.workflow.Database;
import io.switchboard.workflow.KafkaEvents;
import io.switchboard.workflow.Strategies;
import io.switchboard.workflow.strategy.QueueDefinition;
import io.switchboard.workflow.strategy.WorkflowStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A message a contact left becomes a work item in its follow-up queue, with the contact, the text and the attached
 * data in its summary: the default queue, or the one configured for its queue ({@code vip-line} → {@code callback}
 * in the test profile). A redelivered message adds nothing.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "workflow"),
        @ResourceArg(name = SwitchboardInfrastructure.TOPICS_ARG, value = "dlq.workflow-service")})
class MessageFollowUpTest {

    @BeforeEach
    void followUpQueuesExist() {
        WorkflowStrategy now = Strategies.current();
        List<QueueDefinition> queues = new ArrayList<>(now.queues());
        for (String name : List.of("follow-up", "callback")) {
            if (queues.stream().noneMatch(q -> q.name().equals(name))) {
                queues.add(new QueueDefinition(name, "Follow-up of messages left", Strategies.ONE_DAY));
            }
        }
        Strategies.put(new WorkflowStrategy(now.enabled(), queues, now.rules(), now.defaultQueues()));
    }

    @Test
    void aMessageLeftIsAWorkItemInTheFollowUpQueueWithWhatTheContactWroteOnce() {
        String message = "message-" + UUID.randomUUID();
        try (KafkaEvents kafka = new KafkaEvents(EventType.WORKFLOW_QUEUED)) {
            EventEnvelope left = kafka.publish(new MessageLeft(message, "contact-" + message, "Erin Moss",
                    "erin@example.com", "sales", "en", "Please call me back about my order", false,
                    Map.of("orderNumber", "A-1002"), Instant.now()));

            WorkflowItemEvent queued = kafka.awaitEvent(EventType.WORKFLOW_QUEUED, message);
            assertThat(queued.queue()).isEqualTo("follow-up");
            assertThat(queued.actor()).isEqualTo(ItemEvents.SYSTEM);
            assertThat(EventSchema.violations(kafka.values(EventType.WORKFLOW_QUEUED, message).get(0))).isEmpty();
            ItemView item = awaitItem("follow-up", message);
            assertThat(item.state()).isEqualTo(ItemState.WAITING);
            assertThat(item.parkedBy()).isNull();
            assertThat(item.summary()).isEqualTo(new ItemView.Summary("Erin Moss", "erin@example.com", "sales", null,
                    null, null, null, Map.of("orderNumber", "A-1002"), "Please call me back about my order"));

            kafka.send(left);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> Database.items(message) == 1);
            assertThat(kafka.values(EventType.WORKFLOW_QUEUED, message)).hasSize(1);
        }
    }

    @Test
    void aQueueWithAFollowUpQueueOfItsOwnSendsItsMessagesThere() {
        String message = "message-" + UUID.randomUUID();
        try (KafkaEvents kafka = new KafkaEvents(EventType.WORKFLOW_QUEUED)) {
            kafka.publish(new MessageLeft(message, "contact-" + message, "Finn Hale", "finn@example.com", "vip-line",
                    "fr", "Rappelez-moi", true, null, Instant.now()));
            assertThat(kafka.awaitEvent(EventType.WORKFLOW_QUEUED, message).queue()).isEqualTo("callback");
            assertThat(awaitItem("callback", message).summary().message()).isEqualTo("Rappelez-moi");
        }
    }

    private static ItemView awaitItem(String queue, String chatId) {
        return await().atMost(KafkaEvents.PATIENCE).until(() -> ParkingTest.page(queue).items().stream()
                .filter(i -> i.chatId().equals(chatId)).findFirst().orElse(null), item -> item != null);
    }
}
