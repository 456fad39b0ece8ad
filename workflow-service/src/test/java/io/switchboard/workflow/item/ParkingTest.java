package io.switchboard.workflow.item;

import static io.switchboard.workflow.Actors.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.events.ChatCompleted;
import io.switchboard.events.ChatEnded;
import io.switchboard.events.EndReason;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventSchema;
import io.switchboard.events.EventType;
import io.switchboard.events.Events;
import io.switchboard.events.WorkflowDecision;
import io.switchboard.events.WorkflowItemEvent;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.TestDatabase;
import io.switchboard.workflow.Database;
import io.switchboard.workflow.KafkaEvents;
import io.switchboard.workflow.Strategies;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "workflow"),
        @ResourceArg(name = SwitchboardInfrastructure.TOPICS_ARG, value = "dlq.workflow-service")})
class ParkingTest {

    private static final String PARK_CONSUMER = "workflow.park";

    @Test
    void aParkedInteractionIsListedWithItsSummaryAndAnnounced() {
        String queue = Strategies.freshQueue();
        String chat = KafkaEvents.newChatId();
        try (KafkaEvents kafka = new KafkaEvents(EventType.WORKFLOW_QUEUED)) {
            kafka.requested(chat, "Dana Scully", "sales");
            kafka.completed(chat, WorkflowDecision.PARK, queue);

            WorkflowItemEvent queued = kafka.awaitEvent(EventType.WORKFLOW_QUEUED, chat);
            assertThat(queued.queue()).isEqualTo(queue);
            assertThat(queued.actor()).isEqualTo(ALICE.id);
            assertThat(queued.itemId()).isNotNull();
            assertThat(EventSchema.violations(kafka.values(EventType.WORKFLOW_QUEUED, chat).get(0))).isEmpty();

            ItemView item = awaitSummary(queue, chat);
            assertThat(item.itemId()).hasToString(queued.itemId());
            assertThat(item.state()).isEqualTo(ItemState.WAITING);
            assertThat(item.parkedBy()).isEqualTo(ALICE.id);
            assertThat(item.summary()).isEqualTo(new ItemView.Summary("Dana Scully", "dana.scully@example.com",
                    "sales", "Order " + chat, ALICE.id, "REFUND", "Call back about the refund",
                    Map.of("orderNumber", "A-" + chat), null));
        }
    }

    @Test
    void theSummaryIsCompleteWhateverOrderTheEventsArriveIn() {
        String queue = Strategies.freshQueue();
        String chat = KafkaEvents.newChatId();
        try (KafkaEvents kafka = new KafkaEvents()) {
            kafka.completed(chat, WorkflowDecision.PARK, queue);
            await().atMost(KafkaEvents.PATIENCE).until(() -> Database.items(chat) == 1);
            kafka.requested(chat, "Fox Mulder", "support");

            ItemView item = awaitSummary(queue, chat);
            assertThat(item.summary().originQueue()).isEqualTo("support");
            assertThat(item.summary().dispositionCode()).isEqualTo("REFUND");
        }
    }

    @Test
    void stopIsRecordedAndAnnouncedButNeverParked() {
        String chat = KafkaEvents.newChatId();
        try (KafkaEvents kafka = new KafkaEvents(EventType.WORKFLOW_STOPPED)) {
            kafka.completed(chat, WorkflowDecision.STOP, null);

            WorkflowItemEvent stopped = kafka.awaitEvent(EventType.WORKFLOW_STOPPED, chat);
            assertThat(stopped.itemId()).isNull();
            assertThat(stopped.queue()).isNull();
            assertThat(stopped.actor()).isEqualTo(ALICE.id);
            assertThat(EventSchema.violations(kafka.values(EventType.WORKFLOW_STOPPED, chat).get(0))).isEmpty();

            // A later PARK of the same interaction (a republished Mark Done) must not put it in a queue.
            EventEnvelope park = kafka.completed(chat, WorkflowDecision.PARK, "follow-up");
            await().atMost(KafkaEvents.PATIENCE).until(() -> Database.processed(PARK_CONSUMER, park.id()) == 1);
            assertThat(Database.outboxCount(EventType.WORKFLOW_QUEUED.topic(), chat)).isZero();
            assertThat(TestDatabase.count("select count(*) from workflow_item where chat_id = ? and queue is not null",
                    chat)).isZero();
        }
    }

    @Test
    void aRedeliveredOrRepeatedDecisionParksOnlyOnce() {
        String queue = Strategies.freshQueue();
        String chat = KafkaEvents.newChatId();
        try (KafkaEvents kafka = new KafkaEvents()) {
            EventEnvelope first = kafka.completed(chat, WorkflowDecision.PARK, queue);
            kafka.send(first);
            EventEnvelope repeated = kafka.completed(chat, WorkflowDecision.PARK, "quality-review");
            await().atMost(KafkaEvents.PATIENCE).until(() -> Database.processed(PARK_CONSUMER, repeated.id()) == 1);

            assertThat(Database.items(chat)).isEqualTo(1);
            assertThat(Database.outboxCount(EventType.WORKFLOW_QUEUED.topic(), chat)).isEqualTo(1);
            ItemPage page = page(queue);
            assertThat(page.items()).extracting(ItemView::chatId).containsExactly(chat);
        }
    }

    @Test
    void noDecisionLeavesTheInteractionOutOfTheWorkflow() {
        String chat = KafkaEvents.newChatId();
        try (KafkaEvents kafka = new KafkaEvents()) {
            EventEnvelope none = kafka.completed(chat, WorkflowDecision.NONE, null);
            await().atMost(KafkaEvents.PATIENCE).until(() -> Database.processed(PARK_CONSUMER, none.id()) == 1);

            assertThat(Database.items(chat)).isZero();
            assertThat(TestDatabase.count("select count(*) from outbox_event where record_key = ?", chat)).isZero();
        }
    }

    @Test
    void aParkInAQueueThatIsNoLongerConfiguredGoesToTheFallbackQueueAndSaysSo() {
        String chat = KafkaEvents.newChatId();
        try (KafkaEvents kafka = new KafkaEvents(EventType.WORKFLOW_QUEUED)) {
            kafka.completed(chat, WorkflowDecision.PARK, "retired-long-ago");

            WorkflowItemEvent queued = kafka.awaitEvent(EventType.WORKFLOW_QUEUED, chat);
            assertThat(queued.queue()).isEqualTo("follow-up");
            assertThat(queued.outcome()).contains("'retired-long-ago'");
        }
    }

    @Test
    void aRecordThatCanNeverBeAppliedGoesAloneToTheDeadLetterTopicAndConsumptionGoesOn() {
        String chat = KafkaEvents.newChatId();
        String queue = Strategies.freshQueue();
        String completedTopic = SwitchboardInfrastructure.topic(EventType.CHAT_COMPLETED.topic());
        // Between the chat's events: not an event at all, and an event of a type this channel does not apply.
        String foreign = Events.write(Events.envelope(
                new ChatEnded(chat, 4, EndReason.AGENT_FINISHED, ALICE.id, Instant.now()), "session-service"));
        try (KafkaEvents kafka = new KafkaEvents(EventType.WORKFLOW_QUEUED);
             KafkaCompanion dlq = new KafkaCompanion(SwitchboardInfrastructure.kafkaBootstrapServers())) {
            var dead = dlq.consumeStrings().withGroupId("dlq-" + UUID.randomUUID())
                    .fromTopics(SwitchboardInfrastructure.topic("dlq.workflow-service"));
            dlq.produceStrings().fromRecords(new ProducerRecord<>(completedTopic, chat, "{not an event"),
                    new ProducerRecord<>(completedTopic, chat, foreign)).awaitCompletion();
            kafka.completed(chat, WorkflowDecision.PARK, queue);

            kafka.awaitEvent(EventType.WORKFLOW_QUEUED, chat);
            await().atMost(KafkaEvents.PATIENCE).until(() -> dead.getRecords().stream()
                    .filter(r -> chat.equals(r.key())).count() == 2);
            assertThat(dead.getRecords()).filteredOn(r -> chat.equals(r.key()))
                    .extracting(ConsumerRecord::value).containsExactlyInAnyOrder("{not an event", foreign);
            ConsumerRecord<String, String> notApplied = dead.getRecords().stream()
                    .filter(r -> foreign.equals(r.value())).findFirst().orElseThrow();
            assertThat(new String(notApplied.headers().lastHeader("dead-letter-reason").value(),
                    StandardCharsets.UTF_8)).contains("does not apply chat.ended events");
            assertThat(Database.items(chat)).isEqualTo(1);
            dead.stop();
        }
    }

    @Test
    void aDecisionAppliedUnderItsTypesConsumerNameIsNotAppliedAgain() {
        String chat = KafkaEvents.newChatId();
        String queue = Strategies.freshQueue();
        EventEnvelope park = Events.envelope(new ChatCompleted(chat, ALICE.id, "notes", "REFUND", false,
                WorkflowDecision.PARK, queue, Instant.now()), "session-service");
        // What the channel of chat.completed alone recorded when it applied this event (before one channel read all)
        TestDatabase.execute("insert into processed_event(consumer, event_id, processed_at) values (?, ?, now())",
                PARK_CONSUMER, park.id());
        try (KafkaEvents kafka = new KafkaEvents()) {
            kafka.send(park);
            // The same chat's next decision, behind it on the same partition: once it is applied, the park was seen.
            EventEnvelope none = kafka.completed(chat, WorkflowDecision.NONE, null);
            await().atMost(KafkaEvents.PATIENCE).until(() -> Database.processed(PARK_CONSUMER, none.id()) == 1);

            assertThat(Database.items(chat)).isZero();
            assertThat(Database.outboxCount(EventType.WORKFLOW_QUEUED.topic(), chat)).isZero();
        }
    }

    static ItemPage page(String queue) {
        return ALICE.request().queryParam("size", 100).get("/api/workflow/queues/" + queue + "/items")
                .then().statusCode(200).extract().as(ItemPage.class);
    }

    /** The chat's item once both halves of its summary are known. */
    static ItemView awaitSummary(String queue, String chat) {
        return await().atMost(KafkaEvents.PATIENCE).until(() -> page(queue).items().stream()
                        .filter(i -> i.chatId().equals(chat)).findFirst().orElse(null),
                item -> item != null && item.summary() != null && item.summary().contactName() != null
                        && item.summary().agentId() != null);
    }
}
