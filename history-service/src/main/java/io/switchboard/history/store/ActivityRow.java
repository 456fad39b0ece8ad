package io.switchboard.history.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event about the chat other than a message or a join/leave notice, keyed by the event id: routing decisions,
 * transfer/conference/call requests, transcript requests and results, workflow changes. {@code type} is the event
 * type; each type fills the columns that make sense for it.
 */
@Entity
@Table(name = "interaction_activity")
public class ActivityRow extends PanacheEntityBase {

    /** The outcome of a {@code chat.monitoring} row: the supervisor started or stopped monitoring. */
    public static final String MONITORING_STARTED = "STARTED";
    public static final String MONITORING_STOPPED = "STOPPED";

    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "chat_id")
    public String chatId;
    public String type;
    public Instant at;
    public String outcome;
    public String queue;
    @Column(name = "from_queue")
    public String fromQueue;
    @Column(name = "actor_id")
    public String actorId;
    @Column(name = "actor_name")
    public String actorName;
    @Column(name = "target_type")
    public String targetType;
    @Column(name = "target_id")
    public String targetId;
    @Column(name = "offer_kind")
    public String offerKind;
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "item_id")
    public String itemId;
    public String detail;
    public Integer attempts;
}
