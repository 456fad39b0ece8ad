package io.switchboard.session.chat;

import io.switchboard.events.TargetType;
import io.switchboard.events.WorkflowDecision;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies of the chat API; the limits keep one request small. */
final class ChatBodies {

    private ChatBodies() {
    }

    record NewChat(@NotBlank @Size(max = 200) String name,
                   @NotBlank @Email @Size(max = 320) String email,
                   @Size(max = 5) List<@NotBlank @Size(max = 40) String> phoneNumbers,
                   @Size(max = 100) String queue,
                   @Size(max = 500) String subject,
                   @Size(max = 35) @Pattern(regexp = "[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*") String language,
                   @Size(max = 8192) String identityToken,
                   Map<String, Object> data) {
    }

    /** The text limit is checked by the service, which answers 413 rather than a validation error. */
    record NewMessage(@NotBlank @Size(max = 100) String clientMessageId, String text, UUID standardResponseId,
                      String pageUrl) {
    }

    record NewWhisper(@NotBlank @Size(max = 100) String clientMessageId, String text) {
    }

    record Target(@NotNull TargetType targetType, @NotBlank @Size(max = 100) String targetId) {
    }

    record WrapUp(@Size(max = 10_000) String notes, boolean sendTranscript, @Size(max = 64) String dispositionCode) {
    }

    record Done(WorkflowDecision workflowDecision, @Size(max = 100) String workflowQueue) {
    }
}
