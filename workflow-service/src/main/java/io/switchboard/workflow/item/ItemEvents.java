package io.switchboard.workflow.item;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.EventType;
import io.switchboard.events.WorkflowItemEvent;
import io.switchboard.kit.outbox.EventOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Records a workflow change in the outbox, inside the transaction that makes it. */
@ApplicationScoped
public class ItemEvents {

    /** The actor of changes nobody made by hand (overdue flags). */
    public static final String SYSTEM = "system";

    private final EventOutbox outbox;

    public ItemEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> publish(EventType type, WorkflowItem item, String fromQueue, String actor, String outcome,
                             Instant at) {
        WorkflowItemEvent event = new WorkflowItemEvent(item.chatId,
                item.state == ItemState.STOPPED ? null : item.id.toString(),
                item.queue, fromQueue, actor, outcome, at);
        return outbox.publish(event, type).replaceWithVoid();
    }

    public Uni<Void> publish(EventType type, WorkflowItem item, String actor, Instant at) {
        return publish(type, item, null, actor, null, at);
    }
}
