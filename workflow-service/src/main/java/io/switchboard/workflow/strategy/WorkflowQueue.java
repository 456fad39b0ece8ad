package io.switchboard.workflow.strategy;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import io.switchboard.kit.tx.NativeSql;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** A workflow queue; a retired one is no longer offered nor parked in, but keeps its finished items. */
@Entity
@Table(name = "workflow_queue")
public class WorkflowQueue extends PanacheEntityBase {

    @Id
    public String name;

    @Column(nullable = false)
    public String description;

    @Column(name = "max_age_seconds", nullable = false)
    public long maxAgeSeconds;

    /** Order in which the queues are listed. */
    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public boolean retired;

    QueueDefinition definition() {
        return new QueueDefinition(name, description, maxAgeSeconds);
    }

    /**
     * The active queue of that name, or null, share-locked until the transaction ends: a concurrent strategy change
     * cannot retire it while an item is being put into it.
     */
    public static Uni<WorkflowQueue> lockActive(String name) {
        // The row is locked here (its id only), then loaded as an entity.
        return NativeSql.value("select name from workflow_queue where name = $1 and not retired for share",
                        String.class, name)
                .chain(found -> found == null ? Uni.createFrom().<WorkflowQueue>nullItem()
                        : WorkflowQueue.<WorkflowQueue>findById(found));
    }

    public static Uni<List<WorkflowQueue>> active() {
        return list("retired = false order by position, name");
    }
}
