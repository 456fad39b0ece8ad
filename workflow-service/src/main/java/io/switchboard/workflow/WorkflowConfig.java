package io.switchboard.workflow;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** workflow-service's own settings ({@code switchboard.workflow.*} in application.properties). */
@ConfigMapping(prefix = "switchboard.workflow")
public interface WorkflowConfig {

    /** The strategy seeded into an empty database at start; the packaged default when absent. */
    Optional<Path> strategyFile();

    /** Where a PARK goes when its queue is not (or no longer) a workflow queue. */
    String fallbackQueue();

    /** How often parked items are checked against their queue's maximum age (read by the schedule). */
    Duration overdueCheck();

    /** Summaries of chats that were never parked are kept this long. */
    Duration summaryRetention();

    /** How often those summaries are pruned (read by the schedule). */
    Duration summaryPruneInterval();

    OfflineMessages offlineMessages();

    /** Messages contacts leave (contact.message.left): the follow-up queue they become work items in. */
    interface OfflineMessages {

        /** The follow-up queue of a message to a queue not listed in {@link #queues()}. */
        String defaultQueue();

        /** Follow-up queue by the queue the message was left for. */
        Map<String, String> queues();
    }
}
