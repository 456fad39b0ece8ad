package io.switchboard.workflow.item;

import static io.restassured.RestAssured.given;
import static io.switchboard.workflow.Actors.ALICE;
import static io.switchboard.workflow.Actors.BRUNO;
import static io.switchboard.workflow.Actors.SAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.switchboard.events.EventType;
import io.switchboard.events.WorkflowDecision;
import io.switchboard.events.WorkflowItemEvent;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.workflow.Actors;
import io.switchboard.workflow.Database;
import io.switchboard.workflow.KafkaEvents;
import io.switchboard.workflow.Strategies;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "workflow"),
        @ResourceArg(name = SwitchboardInfrastructure.TOPICS_ARG, value = "dlq.workflow-service")})
class WorkItemsTest {

    private static final String PROBLEM = "https://switchboard.dev/problems/";

    private final KafkaEvents kafka = new KafkaEvents(EventType.WORKFLOW_QUEUED, EventType.WORKFLOW_CLAIMED,
            EventType.WORKFLOW_RELEASED, EventType.WORKFLOW_MOVED, EventType.WORKFLOW_COMPLETED,
            EventType.WORKFLOW_OVERDUE);

    @AfterEach
    void closeKafka() {
        kafka.close();
    }

    @Test
    void aClaimedItemIsWorkedByOneWorkerAndCompletedOnce() {
        String queue = Strategies.freshQueue();
        String chat = park(queue);

        ItemView claimed = claimNext(ALICE, queue).statusCode(200).extract().as(ItemView.class);
        assertThat(claimed.chatId()).isEqualTo(chat);
        assertThat(claimed.state()).isEqualTo(ItemState.CLAIMED);
        assertThat(claimed.claimedBy()).isEqualTo(ALICE.id);
        String item = claimed.itemId().toString();

        action(BRUNO, item, "claim", null).statusCode(409).body("type", equalTo(PROBLEM + "item-claimed"));
        action(BRUNO, item, "complete", Map.of("outcome", "Not mine")).statusCode(409)
                .body("type", equalTo(PROBLEM + "claimed-by-other"));
        action(BRUNO, item, "release", null).statusCode(409).body("type", equalTo(PROBLEM + "claimed-by-other"));
        claimNext(BRUNO, queue).statusCode(204);

        ItemView done = action(ALICE, item, "complete", Map.of("outcome", "Refund confirmed by phone"))
                .statusCode(200).extract().as(ItemView.class);
        assertThat(done.state()).isEqualTo(ItemState.COMPLETED);
        assertThat(done.outcome()).isEqualTo("Refund confirmed by phone");
        assertThat(done.completedBy()).isEqualTo(ALICE.id);

        action(ALICE, item, "complete", Map.of("outcome", "Again")).statusCode(409)
                .body("type", equalTo(PROBLEM + "item-completed"));
        action(SAM, item, "move", Map.of("queue", "follow-up")).statusCode(409)
                .body("type", equalTo(PROBLEM + "item-completed"));
        assertThat(ParkingTest.page(queue).items()).isEmpty();

        WorkflowItemEvent claimedEvent = kafka.awaitEvent(EventType.WORKFLOW_CLAIMED, chat);
        assertThat(claimedEvent.actor()).isEqualTo(ALICE.id);
        assertThat(claimedEvent.itemId()).isEqualTo(item);
        WorkflowItemEvent completed = kafka.awaitEvent(EventType.WORKFLOW_COMPLETED, chat);
        assertThat(completed.outcome()).isEqualTo("Refund confirmed by phone");
        assertThat(completed.actor()).isEqualTo(ALICE.id);
        assertThat(Database.outboxCount(EventType.WORKFLOW_COMPLETED.topic(), chat)).isEqualTo(1);
    }

    @Test
    void aReleasedItemWaitsAgainForAnyWorker() {
        String queue = Strategies.freshQueue();
        String chat = park(queue);
        String item = claimNext(ALICE, queue).statusCode(200).extract().path("itemId");

        ItemView released = action(ALICE, item, "release", null).statusCode(200).extract().as(ItemView.class);
        assertThat(released.state()).isEqualTo(ItemState.WAITING);
        assertThat(released.claimedBy()).isNull();
        assertThat(kafka.awaitEvent(EventType.WORKFLOW_RELEASED, chat).actor()).isEqualTo(ALICE.id);
        action(ALICE, item, "release", null).statusCode(409).body("type", equalTo(PROBLEM + "item-not-claimed"));
        action(ALICE, item, "complete", Map.of("outcome", "x")).statusCode(409)
                .body("type", equalTo(PROBLEM + "item-not-claimed"));

        claimNext(BRUNO, queue).statusCode(200).body("itemId", equalTo(item)).body("claimedBy", equalTo(BRUNO.id));
        // A supervisor frees the item of an absent worker.
        action(SAM, item, "release", null).statusCode(200).body("state", equalTo("WAITING"));
    }

    @Test
    void onlySupervisorsMoveItemsAndOnlyToAnotherWorkflowQueue() {
        String from = Strategies.freshQueue();
        String to = Strategies.freshQueue();
        String chat = park(from);
        String item = claimNext(ALICE, from).statusCode(200).extract().path("itemId");

        action(ALICE, item, "move", Map.of("queue", to)).statusCode(403);
        action(SAM, item, "move", Map.of("queue", "no-such-queue")).statusCode(400)
                .body("type", equalTo(PROBLEM + "bad-request"));
        action(SAM, item, "move", Map.of("queue", from)).statusCode(400);
        action(SAM, item, "move", Map.of()).statusCode(400).body("violations.field", hasItem("queue"));

        ItemView moved = action(SAM, item, "move", Map.of("queue", to)).statusCode(200).extract().as(ItemView.class);
        assertThat(moved.queue()).isEqualTo(to);
        assertThat(moved.state()).isEqualTo(ItemState.WAITING);
        assertThat(ParkingTest.page(from).items()).isEmpty();
        assertThat(ParkingTest.page(to).items()).extracting(ItemView::chatId).containsExactly(chat);

        WorkflowItemEvent event = kafka.awaitEvent(EventType.WORKFLOW_MOVED, chat);
        assertThat(event.fromQueue()).isEqualTo(from);
        assertThat(event.queue()).isEqualTo(to);
        assertThat(event.actor()).isEqualTo(SAM.id);
    }

    @Test
    void queuesListTheirItemsOldestFirstInPages() {
        String queue = Strategies.freshQueue();
        String first = park(queue);
        String second = park(queue);
        String third = park(queue);

        ALICE.request().queryParam("size", 2).get("/api/workflow/queues/" + queue + "/items").then().statusCode(200)
                .body("total", equalTo(3)).body("items.chatId", equalTo(List.of(first, second)));
        ALICE.request().queryParam("size", 2).queryParam("page", 1).get("/api/workflow/queues/" + queue + "/items")
                .then().statusCode(200).body("items.chatId", equalTo(List.of(third)));
        claimNext(BRUNO, queue).statusCode(200).body("chatId", equalTo(first));

        ALICE.request().get("/api/workflow/queues").then().statusCode(200)
                .body("find { it.name == '" + queue + "' }.waiting", equalTo(2))
                .body("find { it.name == '" + queue + "' }.claimed", equalTo(1));
    }

    @Test
    void badRequestsAreAnsweredWithProblemsAndChangeNothing() {
        String queue = Strategies.freshQueue();
        park(queue);

        ALICE.request().get("/api/workflow/queues/no-such-queue/items").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo(PROBLEM + "not-found"));
        claimNext(ALICE, "no-such-queue").statusCode(404);
        ALICE.request().queryParam("size", 1000).get("/api/workflow/queues/" + queue + "/items").then()
                .statusCode(400).body("type", equalTo(PROBLEM + "validation"));
        action(ALICE, UUID.randomUUID().toString(), "claim", null).statusCode(404);
        action(ALICE, "not-a-uuid", "claim", null).statusCode(404);

        String item = claimNext(ALICE, queue).statusCode(200).extract().path("itemId");
        action(ALICE, item, "complete", Map.of("outcome", " ")).statusCode(400)
                .body("violations.field", hasItem("outcome"));
        action(ALICE, item, "complete", Map.of("outcome", "x".repeat(1001))).statusCode(400);
        ALICE.request().get("/api/workflow/items/" + item).then().statusCode(200)
                .body("state", equalTo("CLAIMED")).body("outcome", equalTo(null));
        given().post("/api/workflow/items/" + item + "/release").then().statusCode(401);
    }

    @Test
    void itemsPastTheirQueuesMaximumAgeAreFlaggedAndAnnouncedOnce() {
        String queue = Strategies.freshQueue(1);
        String chat = park(queue);

        WorkflowItemEvent overdue = kafka.awaitEvent(EventType.WORKFLOW_OVERDUE, chat);
        assertThat(overdue.queue()).isEqualTo(queue);
        assertThat(overdue.actor()).isEqualTo("system");
        assertThat(ParkingTest.page(queue).items()).singleElement().extracting(ItemView::overdue).isEqualTo(true);

        // Several more checks run (every second in tests); none announces it again.
        await().pollDelay(Duration.ofSeconds(3)).atMost(KafkaEvents.PATIENCE).until(() -> true);
        assertThat(Database.outboxCount(EventType.WORKFLOW_OVERDUE.topic(), chat)).isEqualTo(1);
        ALICE.request().get("/api/workflow/queues").then().statusCode(200)
                .body("find { it.name == '" + queue + "' }.overdue", equalTo(1));
    }

    /** Parks a new interaction in the queue and waits until it is there. */
    private String park(String queue) {
        String chat = KafkaEvents.newChatId();
        kafka.completed(chat, WorkflowDecision.PARK, queue);
        kafka.awaitEvent(EventType.WORKFLOW_QUEUED, chat);
        return chat;
    }

    private static ValidatableResponse claimNext(Actors worker, String queue) {
        return worker.request().post("/api/workflow/queues/" + queue + "/claim").then();
    }

    private static ValidatableResponse action(Actors worker, String item, String action, Object body) {
        var request = worker.request();
        if (body != null) {
            request.body(body);
        }
        return request.post("/api/workflow/items/" + item + "/" + action).then();
    }
}
