package io.switchboard.routing;

import io.switchboard.routing.support.RoutedRecords;
import io.switchboard.routing.support.RoutingApi;
import io.switchboard.routing.support.SessionEvents;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;

/**
 * Shared by the @QuarkusTest classes: one real broker and database per test JVM, a producer of session-service
 * events and a reader of everything routing publishes. Each test makes its own queues, skills and agents (unique
 * names), so tests never see each other's chats.
 */
abstract class RoutingTestBase {

    protected static SessionEvents session;
    protected static RoutedRecords routed;
    protected final RoutingApi api = new RoutingApi();
    protected String id;

    @BeforeEach
    void connect() {
        if (session == null) {
            session = new SessionEvents(SwitchboardInfrastructure.kafkaBootstrapServers(),
                    SwitchboardInfrastructure.topicPrefix());
            routed = new RoutedRecords(SwitchboardInfrastructure.kafkaBootstrapServers(),
                    SwitchboardInfrastructure.topicPrefix());
        }
        id = UUID.randomUUID().toString().substring(0, 8);
    }

    /** A name unique to this test. */
    protected String unique(String name) {
        return name + "-" + id;
    }

    /** A queue needing one skill of its own; returns the skill. */
    protected String queueWithSkill(String queue, int maxWaitSeconds, String overflow, int offerTimeoutSeconds) {
        String skill = "skill-" + queue;
        api.createQueue(queue, List.of(skill), maxWaitSeconds, overflow, offerTimeoutSeconds);
        return skill;
    }

    protected String readyAgent(String name, String skill, int capacity) {
        String agent = unique(name);
        api.createAgent(agent, Map.of(skill, 3), capacity, "agent");
        api.ready(agent);
        return agent;
    }
}
