package io.switchboard.routing.agent;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** An agent as supervisors create and change them. Capacity defaults to the configured one (3). */
public record AgentDefinition(
        @NotBlank @Pattern(regexp = ID, message = "letters, digits, '.', '-' or '_', at most 64") String id,
        @NotBlank @Size(max = MAX_NAME) String name,
        @NotNull @Size(max = MAX_SKILLS)
        Map<@NotBlank @Size(max = MAX_SKILL_LENGTH) String, @NotNull @Min(1) @Max(MAX_LEVEL) Integer> skills,
        @Min(value = 1, message = "must be at least 1") @Max(MAX_CAPACITY) Integer capacity,
        @Pattern(regexp = "agent|supervisor", message = "must be agent or supervisor") String role) {

    public static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final int MAX_NAME = 200;
    static final int MAX_SKILLS = 50;
    static final int MAX_SKILL_LENGTH = 64;
    static final int MAX_LEVEL = 10;
    /** Far above any contact centre's practice (Genesys caps chats per agent at 25). */
    static final int MAX_CAPACITY = 50;

    AgentRole roleOrDefault() {
        return role == null ? AgentRole.AGENT : AgentRole.of(role);
    }
}
