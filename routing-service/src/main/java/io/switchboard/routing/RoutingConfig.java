package io.switchboard.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.switchboard.routing.agent.AgentState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Everything under {@code switchboard.routing}; see application.properties and docs/routing-service.md. */
@ConfigMapping(prefix = "switchboard.routing")
public interface RoutingConfig {

    /** The queue of a request that names none, or one that does not exist. */
    String defaultQueue();

    int defaultCapacity();

    /** Offer timeout of a directed transfer or invitation when the chat's queue is unknown. */
    Duration defaultOfferTimeout();

    /** READY or AFTER_CHAT_WORK: where an available agent goes after Mark Done. */
    AgentState afterDoneState();

    int batchSize();

    Duration waitEstimatePerPosition();

    Duration dispatchInterval();

    /**
     * Longest a routing round may take. A round the database never answers (a connection lost mid-query) is given
     * up after this, so the next scheduled round runs instead of waiting behind it forever.
     */
    Duration dispatchTimeout();

    Duration timerInterval();

    /**
     * How long after an agent declined or missed a chat it may be offered to them again (whole seconds), when no
     * agent who has not seen it is free.
     */
    Duration reofferAfter();

    Duration positionInterval();

    /**
     * How many eligible agents an OFFERED decision lists as its candidates (the chosen one first), so analysts can see
     * why that agent got the chat; 0 lists none and spares the query.
     */
    int explainCandidates();

    Stats stats();

    Presence presence();

    /** Desktop presence ({@code agent.presence} from session-service). */
    interface Presence {

        /** Offer chats only to agents with a desktop connected, and set agents whose desktop is gone NOT_READY. */
        boolean required();

        /**
         * How long after an agent's last desktop closed their state and open offers are kept (a reload or a network
         * blip reconnects within it); no new offers meanwhile. After it: NOT_READY "disconnected", offers withdrawn.
         */
        Duration grace();
    }

    Seed seed();

    /**
     * Rules that route by a chat's attached data, by rule name (docs/routing-service.md, "Attached data rules"),
     * e.g. {@code tier=gold} raises the priority, {@code vip=true} requires the skill {@code vip}.
     */
    Map<String, DataRule> dataRules();

    interface DataRule {
        /** Only chats of this queue; every queue when absent. */
        Optional<String> queue();

        String key();

        /** The value that matches, as text ({@code gold}, {@code 2}, {@code true}). */
        String value();

        /** Added to the queue's priority for a matching chat (higher first). */
        @WithDefault("0")
        int priority();

        /** A skill the agent must have, on top of the queue's, for a matching chat. */
        Optional<String> skill();
    }

    interface Stats {
        Duration window();

        Duration serviceLevelThreshold();

        Duration publishInterval();

        /** How often the supervisors' live board is computed again (and pushed when it changed). */
        Duration liveInterval();

        /** How far back the board's chart goes (one point per minute). */
        Duration chartWindow();

        /** Board sockets one supervisor may hold on one replica (tabs, screens); more are closed with 1008. */
        @WithDefault("5")
        int boardSocketsPerSupervisor();
    }

    interface Seed {
        Map<String, QueueSeed> queues();

        Map<String, AgentSeed> agents();
    }

    interface QueueSeed {
        List<String> requiredSkills();

        @WithDefault("0")
        int priority();

        Duration maxWait();

        Optional<String> overflowQueue();

        Duration offerTimeout();
    }

    interface AgentSeed {
        String name();

        Map<String, Integer> skills();

        OptionalInt capacity();

        @WithDefault("agent")
        String role();
    }
}
