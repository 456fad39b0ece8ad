package io.switchboard.session.hours;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A queue's business hours as routing last published them ({@code queue.hours}), kept as the event's data. */
@Entity
@Table(name = "queue_hours")
public class KnownHours extends PanacheEntityBase {

    @Id
    public String queue;

    /** The {@link io.switchboard.events.QueueHours} as JSON. */
    public String hours;

    public long version;
}
