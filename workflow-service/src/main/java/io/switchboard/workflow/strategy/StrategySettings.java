package io.switchboard.workflow.strategy;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The single row holding the strategy's switch and rules; the queues live in {@link WorkflowQueue}. */
@Entity
@Table(name = "workflow_strategy")
public class StrategySettings extends PanacheEntityBase {

    /** There is one strategy per deployment. */
    static final short ID = 1;

    @Id
    public short id = ID;

    @Column(nullable = false)
    public boolean enabled;

    /** JSON array of {@link Rule}. */
    @Column(nullable = false, columnDefinition = "text")
    public String rules;

    /** JSON array of queue names. */
    @Column(name = "default_queues", nullable = false, columnDefinition = "text")
    public String defaultQueues;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
