package io.switchboard.workflow.item;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.workflow.WorkflowConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Summaries are built for every chat (the decision comes last); those that never entered the workflow go. */
@ApplicationScoped
public class SummaryPruning {

    private final Duration retention;
    private final Transactions tx;

    public SummaryPruning(WorkflowConfig config, Transactions tx) {
        this.retention = config.summaryRetention();
        this.tx = tx;
    }

    @Scheduled(every = "${switchboard.workflow.summary-prune-interval}",
            delayed = "${switchboard.workflow.summary-prune-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> prune() {
        return tx.commit(() -> InteractionSummary.pruneUnused(retention)).replaceWithVoid();
    }
}
