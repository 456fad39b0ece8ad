package io.switchboard.workflow.strategy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A workflow queue as supervisors configure it.
 *
 * @param maxAgeSeconds how long an item may wait in the queue (from when it entered it) before it is flagged overdue
 */
public record QueueDefinition(
        @NotBlank @Pattern(regexp = NAME_PATTERN, message = "lower-case letters, digits and '-', at most 64")
        String name,
        @NotBlank @Size(max = 500) String description,
        @NotNull @Positive Long maxAgeSeconds) {

    public static final String NAME_PATTERN = "[a-z0-9][a-z0-9-]{0,63}";
}
