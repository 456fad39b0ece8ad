package io.switchboard.telephony.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.TelephonyStatus;
import io.switchboard.kit.tx.OwnContext;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.TestDatabase;
import io.switchboard.telephony.support.CompanyPbx;
import io.switchboard.telephony.support.Database;
import io.switchboard.telephony.support.Kafka;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several replicas share the table: each runs the dialler and the timeout check on its own schedule. Here several
 * runs race on the same rows (beside the service's own poll), each in transactions of its own, as replicas would:
 * every call is placed once and every timeout is published once.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "telephony"),
        @ResourceArg(name = SwitchboardInfrastructure.TOPICS_ARG, value = "dlq.telephony-adapter")})
@WithTestResource(CompanyPbx.class)
class ConcurrentClaimTest {

    /** At most max-concurrent-requests (20): with more, the racing loops of this one process would share its 20
     * connections to the PBX, which replicas do not. */
    private static final int CALLS = 20;
    private static final int RACERS = 4;

    @Inject
    Dialler dialler;

    @Inject
    CallTimeouts timeouts;

    @Inject
    OwnContext ownContext;

    @BeforeAll
    static void startPbx() {
        CompanyPbx.listen();
    }

    @Test
    void dueCallsClaimedByRacingDiallersArePlacedOnceEach() {
        String chat = Kafka.newChatId();
        List<String> requests = IntStream.range(0, CALLS).mapToObj(i -> "call-" + UUID.randomUUID()).toList();
        try (Kafka kafka = new Kafka()) {
            requests.forEach(r -> Database.due(chat, r, "agent1", "+14155550111"));
            List<Uni<Void>> racers = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                racers.add(dialler.dialBatches());
            }
            Uni.join().all(racers).andFailFast().await().atMost(Duration.ofSeconds(60));

            kafka.awaitStatuses(chat, CALLS);
            CallPlacementTest.sleep(Duration.ofSeconds(1));
            assertThat(requests).allSatisfy(r -> assertThat(CompanyPbx.received(r)).as(r).hasSize(1));
            assertThat(kafka.statuses(chat)).hasSize(CALLS)
                    .allSatisfy(s -> assertThat(s.status()).isEqualTo(TelephonyStatus.DIALLING));
        }
    }

    @Test
    void callsDiallingTooLongAreEndedOnceByRacingChecks() {
        String chat = Kafka.newChatId();
        List<String> requests = IntStream.range(0, CALLS).mapToObj(i -> "call-" + UUID.randomUUID()).toList();
        try (Kafka kafka = new Kafka()) {
            requests.forEach(r -> Database.diallingSince(chat, r, 60));
            List<Uni<Integer>> racers = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                racers.add(ownContext.run(timeouts::endBatch));
            }
            List<Integer> ended = Uni.join().all(racers).andFailFast().await().atMost(Duration.ofSeconds(60));

            await().atMost(Kafka.PATIENCE).until(() -> TestDatabase.count(
                    "select count(*) from telephony_call where chat_id = ? and state = 'FAILED'", chat) == CALLS);
            kafka.awaitStatuses(chat, CALLS);
            CallPlacementTest.sleep(Duration.ofSeconds(1));
            assertThat(kafka.statuses(chat)).hasSize(CALLS).allSatisfy(s -> assertThat(s.reason())
                    .isEqualTo("no-answer"));
            assertThat(kafka.statuses(chat).stream().map(s -> s.requestId()).distinct()).hasSize(CALLS);
            assertThat(ended.stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(CALLS);
        }
    }
}
