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

    Duration positionInterval();

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

    interface Stats {
        Duration window();

        Duration serviceLevelThreshold();

        Duration publishInterval();
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
