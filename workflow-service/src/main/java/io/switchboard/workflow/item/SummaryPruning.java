package io.switchboard.workflow.item;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Summaries are built for every chat (the decision comes last); those that never entered the workflow go. */
@ApplicationScoped
public class SummaryPruning {

    private final Duration retention;

    public SummaryPruning(@ConfigProperty(name = "switchboard.workflow.summary-retention") Duration retention) {
        this.retention = retention;
    }

    @Scheduled(every = "${switchboard.workflow.summary-prune-interval}",
            delayed = "${switchboard.workflow.summary-prune-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> prune() {
        return Panache.withTransaction(() -> InteractionSummary.pruneUnused(retention)).replaceWithVoid();
    }
}
