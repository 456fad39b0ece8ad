package io.switchboard.workflow.strategy;

import static io.restassured.RestAssured.given;
import static io.switchboard.workflow.Actors.ALICE;
import static io.switchboard.workflow.Actors.SAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.switchboard.events.EventType;
import io.switchboard.events.WorkflowDecision;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.workflow.KafkaEvents;
import io.switchboard.workflow.Strategies;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "workflow"),
        @ResourceArg(name = SwitchboardInfrastructure.TOPICS_ARG, value = "dlq.workflow-service")})
class StrategyResourceTest {

    @Inject
    StrategySeeder seeder;
    @Inject
    StrategyStore store;

    @Test
    void theConfiguredQueuesAreSeeded() {
        WorkflowStrategy strategy = ALICE.request().get("/api/workflow/strategy").then().statusCode(200)
                .extract().as(WorkflowStrategy.class);

        assertThat(strategy.queues()).extracting(QueueDefinition::name)
                .contains("follow-up", "quality-review", "callback");
        assertThat(strategy.queues()).allSatisfy(q -> {
            assertThat(q.description()).isNotBlank();
            assertThat(q.maxAgeSeconds()).isPositive();
        });
    }

    @Test
    void seedingAgainNeverOverwritesWhatSupervisorsChanged() throws Throwable {
        String marker = Strategies.freshQueue();

        boolean seeded = VertxContextSupport.subscribeAndAwait(() -> store.seed(seeder.load(), "system"));

        assertThat(seeded).isFalse();
        assertThat(Strategies.current().queues()).extracting(QueueDefinition::name).contains(marker);
    }

    @Test
    void optionsFollowOriginQueueAndDispositionRules() {
        Strategies.put(Strategies.rules(true, List.of(
                new Rule("support", "SPAM", List.of()),
                new Rule("sales", null, List.of("callback")),
                new Rule(null, "COMPLAINT", List.of("quality-review", "follow-up"))), List.of("follow-up")));

        options("sales", "COMPLAINT").body("applies", equalTo(true)).body("queues.name", equalTo(List.of("callback")))
                .body("queues[0].description", equalTo(describe("callback")));
        options("billing", "COMPLAINT").body("applies", equalTo(true))
                .body("queues.name", equalTo(List.of("quality-review", "follow-up")));
        options("support", "SPAM").body("applies", equalTo(false)).body("queues", equalTo(List.of()));
        options("support", "THANKS").body("queues.name", equalTo(List.of("follow-up")));

        Strategies.put(Strategies.rules(false, Strategies.current().rules(), List.of("follow-up")));
        options("sales", "COMPLAINT").body("applies", equalTo(false)).body("queues", equalTo(List.of()));

        Strategies.put(Strategies.rules(true, List.of(), List.of("follow-up", "quality-review", "callback")));
    }

    @Test
    void unknownQueuesInRulesAreRefusedAndNothingChanges() {
        WorkflowStrategy before = Strategies.current();

        SAM.request().body(new WorkflowStrategy(true, before.queues(),
                        List.of(new Rule("sales", null, List.of("callback", "nowhere"))), List.of("elsewhere")))
                .put("/api/workflow/strategy")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://switchboard.dev/problems/bad-request"))
                .body("detail", containsString("'nowhere'")).body("detail", containsString("'elsewhere'"));

        assertThat(Strategies.current()).isEqualTo(before);
    }

    @Test
    void malformedQueuesAreRefusedWithTheFieldsAtFault() {
        List<QueueDefinition> queues = new ArrayList<>(Strategies.current().queues());
        queues.add(new QueueDefinition("Bad Name", "", 0L));

        SAM.request().body(new WorkflowStrategy(true, queues, List.of(), List.of()))
                .put("/api/workflow/strategy")
                .then().statusCode(400)
                .body("type", equalTo("https://switchboard.dev/problems/validation"))
                .body("violations.field", hasItem("name")).body("violations.field", hasItem("maxAgeSeconds"))
                .body("violations.field", hasItem("description"));
    }

    @Test
    void onlySupervisorsChangeTheStrategyAndOnlyStaffReadIt() {
        ALICE.request().body(Strategies.current()).put("/api/workflow/strategy").then().statusCode(403);
        given().get("/api/workflow/strategy").then().statusCode(401);
        given().get("/api/workflow/options?queue=sales").then().statusCode(401);
    }

    @Test
    void aQueueThatStillHoldsItemsCannotBeRemovedButAnEmptyOneCan() {
        String busy = Strategies.freshQueue();
        String empty = Strategies.freshQueue();
        try (KafkaEvents kafka = new KafkaEvents(EventType.WORKFLOW_QUEUED)) {
            String chat = KafkaEvents.newChatId();
            kafka.completed(chat, WorkflowDecision.PARK, busy);
            kafka.awaitEvent(EventType.WORKFLOW_QUEUED, chat);
        }
        WorkflowStrategy with = Strategies.current();
        List<QueueDefinition> without = with.queues().stream()
                .filter(q -> !q.name().equals(busy) && !q.name().equals(empty)).toList();

        SAM.request().body(new WorkflowStrategy(true, without, with.rules(), with.defaultQueues()))
                .put("/api/workflow/strategy")
                .then().statusCode(409).body("type", equalTo("https://switchboard.dev/problems/queue-in-use"))
                .body("detail", containsString(busy));
        assertThat(Strategies.current().queues()).extracting(QueueDefinition::name).contains(busy, empty);

        List<QueueDefinition> withoutEmpty = with.queues().stream().filter(q -> !q.name().equals(empty)).toList();
        Strategies.put(new WorkflowStrategy(true, withoutEmpty, with.rules(), with.defaultQueues()));
        assertThat(Strategies.current().queues()).extracting(QueueDefinition::name).contains(busy)
                .doesNotContain(empty);
        ALICE.request().get("/api/workflow/queues/" + empty + "/items").then().statusCode(404);
    }

    private static io.restassured.response.ValidatableResponse options(String queue, String disposition) {
        return ALICE.request().queryParam("queue", queue).queryParam("disposition", disposition)
                .get("/api/workflow/options").then().statusCode(200);
    }

    private static String describe(String queue) {
        return Strategies.current().queues().stream().filter(q -> q.name().equals(queue)).findFirst().orElseThrow()
                .description();
    }
}
