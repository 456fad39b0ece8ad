package io.switchboard.routing.queue;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.util.List;

/** A routing queue: who may answer its chats, how urgent they are and how long they may wait. */
@Entity
@Table(name = "routing_queue")
public class RoutingQueue extends PanacheEntityBase {

    @Id
    public String name;

    @Column(name = "required_skills")
    @Convert(converter = SkillListConverter.class)
    public List<String> requiredSkills;

    /** Higher first, across queues. */
    public int priority;

    @Column(name = "max_wait_seconds")
    public int maxWaitSeconds;

    /** Where chats go after waiting {@link #maxWaitSeconds}; none: the contact is told nobody is available. */
    @Column(name = "overflow_queue")
    public String overflowQueue;

    @Column(name = "offer_timeout_seconds")
    public int offerTimeoutSeconds;

    public Duration maxWait() {
        return Duration.ofSeconds(maxWaitSeconds);
    }

    public Duration offerTimeout() {
        return Duration.ofSeconds(offerTimeoutSeconds);
    }
}
