package io.switchboard.session.presence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An agent's presence as last published on {@code agent.presence}; locked to order that agent's changes. */
@Entity
@Table(name = "agent_presence")
public class AgentPresenceRow extends PanacheEntityBase {

    @Id
    @Column(name = "agent_id")
    public String agentId;

    public boolean connected;

    public long version;

    @Column(name = "changed_at")
    public Instant changedAt;
}
