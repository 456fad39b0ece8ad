package io.switchboard.workflow.item;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A finished interaction in the workflow: parked in a queue (and then worked), or stopped. One per chat. */
@Entity
@Table(name = "workflow_item")
public class WorkflowItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "chat_id", nullable = false, unique = true, updatable = false)
    public String chatId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ItemState state;

    /** Null only when STOPPED. */
    public String queue;

    /** The agent who chose PARK or STOP at Mark Done. */
    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    /** When it entered its current queue; its age there counts from this. */
    @Column(name = "entered_queue_at")
    public Instant enteredQueueAt;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    /** When it was found past its queue's maximum age (published once). */
    @Column(name = "overdue_at")
    public Instant overdueAt;

    public String outcome;

    @Column(name = "completed_by")
    public String completedBy;

    @Column(name = "completed_at")
    public Instant completedAt;

    boolean isOpen() {
        return ItemState.OPEN.contains(state);
    }

    void claim(String worker, Instant now) {
        state = ItemState.CLAIMED;
        claimedBy = worker;
        claimedAt = now;
    }

    void release() {
        state = ItemState.WAITING;
        claimedBy = null;
        claimedAt = null;
    }

    void complete(String worker, String result, Instant now) {
        state = ItemState.COMPLETED;
        outcome = result;
        completedBy = worker;
        completedAt = now;
        claimedBy = null;
        claimedAt = null;
    }

    /** Enters {@code target} afresh: unclaimed, and its age (and overdue flag) start over there. */
    void moveTo(String target, Instant now) {
        release();
        queue = target;
        enteredQueueAt = now;
        overdueAt = null;
    }
}
