package io.switchboard.session;

import static io.switchboard.session.support.Chats.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.switchboard.session.support.Broker;
import io.switchboard.session.support.Chats;
import io.switchboard.session.support.Routing;
import io.switchboard.session.support.WorkflowStub;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.session.ReactiveSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The message path's statements are planned once, not once per message: a native select through Hibernate
 * Reactive's {@code createNativeQuery} added a query plan cache entry per call, all with one hash, and every later
 * lookup walked them (11–15 % of session-service's CPU at 100 messages/s, docs/performance.md). A service that
 * slows down the longer it runs is what this guards against.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "session"),
        @ResourceArg(name = "topics", value = "dlq.session-service,session.typing")})
@WithTestResource(WorkflowStub.class)
class QueryPlanCacheTest {

    private static final String AGENT = "agent1";
    private static final int MESSAGES = 40;
    /** Statements met for the first time after the warm-up (none expected); far below one per message. */
    private static final int NEW_PLANS_TOLERATED = 5;

    @Inject
    Mutiny.SessionFactory sessions;

    @BeforeEach
    void ready() {
        WorkflowStub.reset();
        Chats.awaitReady();
    }

    @Test
    void messagesAndReceiptsDoNotGrowTheQueryPlanCache() {
        String agent = Tokens.agent(AGENT, "Alice Martin");
        var chat = Chats.request("Dana Scully", "dana@example.com", List.of("+1 202 555 0143"));
        new Routing(Broker.companion()).assign(chat.chatId(), AGENT, "Alice Martin");
        Chats.awaitState(agent, chat.chatId(), "ACTIVE");
        // A digit in every text: the phone-number read runs too.
        converse(chat, agent, 0, 3);
        int before = cachedPlans();

        converse(chat, agent, 3, MESSAGES);

        assertThat(cachedPlans() - before).isLessThanOrEqualTo(NEW_PLANS_TOLERATED);
    }

    private static void converse(Chats.NewChat chat, String agent, int from, int to) {
        for (int i = from; i < to; i++) {
            String token = i % 2 == 0 ? chat.contactToken() : agent;
            long seq = Chats.say(token, chat.chatId(), "message " + i + ", call 202 555 01" + (10 + i))
                    .statusCode(201).extract().jsonPath().getLong("seq");
            as(token).body(Map.of("deliveredSeq", seq, "readSeq", seq))
                    .post("/api/chats/{id}/receipts", chat.chatId()).then().statusCode(200);
        }
    }

    private int cachedPlans() {
        return sessions.withSession(session -> Uni.createFrom().item(() -> ((MutinySessionImpl) session)
                        .unwrap(ReactiveSession.class).getSharedContract().getFactory().getQueryEngine()
                        .getInterpretationCache().getNumberOfCachedQueryPlans()))
                .await().indefinitely();
    }
}
