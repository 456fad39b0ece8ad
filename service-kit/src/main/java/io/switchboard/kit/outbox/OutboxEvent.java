package io.switchboard.kit.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.ColumnResult;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SqlResultSetMapping;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event waiting in the outbox (or already relayed, until pruned). Also holds the named result set mappings of the
 * kit's native statements (the kit's one entity, present in every service).
 */
@Entity
@Table(name = "outbox_event")
// The inbox's insert of a batch's event ids (inbox.EventBatch): named, so that Hibernate finds the statement's plan
// in its cache. With a result class instead its cache key never equals the last one (the class's result builder has
// no equals): every batch added a plan and walked the growing pile of equal-hash keys.
@SqlResultSetMapping(name = OutboxEvent.EVENT_ID_MAPPING, columns = @ColumnResult(name = "event_id", type = String.class))
public class OutboxEvent extends PanacheEntityBase {

    /** A statement returning one {@code event_id} column as text. */
    public static final String EVENT_ID_MAPPING = "kit-event-id";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(nullable = false, unique = true)
    public UUID id;

    /** Topic name without the deployment prefix. */
    @Column(nullable = false)
    public String topic;

    @Column(name = "record_key")
    public String recordKey;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The whole envelope as JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** W3C traceparent of the span that wrote the event (null when nothing was traced); the relay sends it on. */
    @Column(name = "trace_parent")
    public String traceParent;

    @Column(name = "trace_state")
    public String traceState;
}
