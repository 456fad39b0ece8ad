package io.switchboard.routing.queue;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A queue as supervisors create, change and read it. */
public record QueueDefinition(
        @NotBlank @Pattern(regexp = NAME, message = "lower-case letters, digits, '-' or '_', at most 64") String name,
        @NotNull @Size(max = MAX_SKILLS) List<@NotBlank @Size(max = MAX_SKILL_LENGTH) String> requiredSkills,
        @NotNull @Min(0) @Max(MAX_PRIORITY) Integer priority,
        @NotNull @Min(1) @Max(MAX_SECONDS) Integer maxWaitSeconds,
        @Pattern(regexp = NAME, message = "lower-case letters, digits, '-' or '_', at most 64") String overflowQueue,
        @NotNull @Min(1) @Max(MAX_SECONDS) Integer offerTimeoutSeconds) {

    public static final String NAME = "[a-z0-9][a-z0-9_-]{0,63}";
    static final int MAX_SKILLS = 20;
    static final int MAX_SKILL_LENGTH = 64;
    static final int MAX_PRIORITY = 100;
    /** One day: nothing should wait longer, and offers are answered in seconds. */
    static final int MAX_SECONDS = 86_400;

    static QueueDefinition of(RoutingQueue queue) {
        return new QueueDefinition(queue.name, queue.requiredSkills, queue.priority, queue.maxWaitSeconds,
                queue.overflowQueue, queue.offerTimeoutSeconds);
    }

    void applyTo(RoutingQueue queue) {
        queue.requiredSkills = List.copyOf(requiredSkills);
        queue.priority = priority;
        queue.maxWaitSeconds = maxWaitSeconds;
        queue.overflowQueue = overflowQueue == null || overflowQueue.isBlank() ? null : overflowQueue;
        queue.offerTimeoutSeconds = offerTimeoutSeconds;
    }
}
