package io.switchboard.routing.queue;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.switchboard.events.OpeningInterval;
import io.switchboard.events.QueueHours;
import io.switchboard.routing.dispatch.JsonColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A queue's business hours as supervisors last set them; a queue without a row is always open. */
@Entity
@Table(name = "queue_hours")
public class BusinessHours extends PanacheEntityBase {

    private static final TypeReference<List<OpeningInterval>> INTERVALS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> DATES = new TypeReference<>() {
    };

    @Id
    public String queue;

    /** Null once cleared: always open again. */
    @Column(name = "time_zone")
    public String timeZone;

    public String weekly = "[]";

    public String holidays = "[]";

    public long version;

    @Column(name = "changed_at")
    public Instant changedAt;

    @Column(name = "changed_by")
    public String changedBy;

    /** What queue.hours publishes, and what {@link io.switchboard.events.OpeningHours} reads. */
    public QueueHours event() {
        return new QueueHours(queue, timeZone, JsonColumns.read(weekly, INTERVALS), JsonColumns.read(holidays, DATES),
                version, changedAt);
    }

    void set(String timeZone, List<OpeningInterval> weekly, List<String> holidays, String by, Instant now) {
        this.timeZone = timeZone;
        this.weekly = JsonColumns.write(weekly);
        this.holidays = JsonColumns.write(holidays);
        this.version++;
        this.changedAt = now;
        this.changedBy = by;
    }
}
