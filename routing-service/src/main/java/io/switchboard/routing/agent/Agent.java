package io.switchboard.routing.agent;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;

/** An agent or supervisor who can be offered chats. */
@Entity
@Table(name = "agent")
public class Agent extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    @Convert(converter = SkillsConverter.class)
    public Map<String, Integer> skills;

    /** Maximum number of chats held and offered at once. */
    public int capacity;

    @Enumerated(EnumType.STRING)
    public AgentRole role;

    @Enumerated(EnumType.STRING)
    public AgentState state;

    @Column(name = "state_reason")
    public String stateReason;

    @Column(name = "state_since")
    public Instant stateSince;

    /** Since when the agent has had no new offer (or became READY): the longest idle is offered first. */
    @Column(name = "idle_since")
    public Instant idleSince;

    /** Open offers plus chats held. */
    public int workload;

    /** Some session-service instance holds a desktop (agent socket) of this agent ({@code agent.presence}). */
    @Column(name = "desktop_connected")
    public boolean desktopConnected;

    @Column(name = "presence_version")
    public long presenceVersion;

    /** When the last desktop closed, while the grace period runs. */
    @Column(name = "desktop_lost_at")
    public Instant desktopLostAt;

    public boolean hasRoom() {
        return workload < capacity;
    }

    public void changeState(AgentState next, String reason, Instant now) {
        if (next == AgentState.READY && state != AgentState.READY) {
            idleSince = now;
        }
        if (next != state) {
            stateSince = now;
        }
        state = next;
        stateReason = reason;
    }
}
