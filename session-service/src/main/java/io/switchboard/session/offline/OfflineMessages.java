package io.switchboard.session.offline;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.Events;
import io.switchboard.events.MessageLeft;
import io.switchboard.kit.outbox.EventOutbox;
import io.switchboard.kit.problem.Problems;
import io.switchboard.kit.tx.SqlStates;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.session.SessionConfig;
import io.switchboard.session.data.ChatData;
import io.switchboard.session.security.ContactIdentities;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * "Leave us a message": when a queue is closed, nobody is available, or the chat ended unanswered, the contact's
 * message is stored and published as {@code contact.message.left} in one transaction, so that workflow-service
 * files it for follow-up, transcript-service acknowledges it and history lists it. Nothing is stored when a field
 * is refused.
 */
@ApplicationScoped
public class OfflineMessages {

    private final Transactions tx;
    private final EventOutbox outbox;
    private final ChatData chatData;
    private final ContactIdentities identities;
    private final SessionConfig config;

    public OfflineMessages(Transactions tx, EventOutbox outbox, ChatData chatData, ContactIdentities identities,
                           SessionConfig config) {
        this.tx = tx;
        this.outbox = outbox;
        this.chatData = chatData;
        this.identities = identities;
        this.config = config;
    }

    /**
     * @param identityToken the company's site's signed word for who the contact is; null for anonymous visitors
     * @param data          attached data, checked as a chat request's (may be null)
     */
    public record Draft(String name, String email, String queue, String language, String text, String identityToken,
                        Map<String, Object> data, String clientMessageId) {
    }

    /** @param repeated the client had sent this submission before: nothing new was stored or published */
    public record Left(String messageId, Instant leftAt, boolean repeated) {
    }

    public Uni<Left> leave(Draft draft) {
        String text = draft.text().strip();
        if (text.length() > config.offlineMessages().maxTextLength()) {
            throw Problems.invalidField("text", "at most " + config.offlineMessages().maxTextLength()
                    + " characters");
        }
        Map<String, Object> data = chatData.initial(draft.data());
        ContactIdentities.Identity identity = identities.of(draft.identityToken());
        OfflineMessage message = new OfflineMessage();
        message.id = UUID.randomUUID().toString();
        message.contactId = identity.contactId();
        message.contactName = draft.name().strip();
        message.email = identity.email().orElse(draft.email()).strip();
        message.queue = draft.queue().strip();
        message.language = draft.language() == null || draft.language().isBlank() ? config.defaultLanguage()
                : draft.language().strip();
        message.text = text;
        message.contactVerified = identity.verified();
        message.data = data.isEmpty() ? null : json(data);
        message.leftAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        message.clientMessageId = draft.clientMessageId();
        if (message.clientMessageId == null) {
            return store(message, data);
        }
        // Sent before (a lost answer, a double click): the stored one, not a second work item and e-mail. Two
        // submissions at the same instant: the unique index lets one in, the other reads it.
        return earlier(message).onItem().ifNull().switchTo(() -> store(message, data))
                .onFailure(SqlStates::isUniqueViolation).recoverWithUni(() -> earlier(message));
    }

    private Uni<Left> store(OfflineMessage message, Map<String, Object> data) {
        return tx.commit(() -> message.persist().chain(() -> outbox.publish(new MessageLeft(message.id,
                        message.contactId, message.contactName, message.email, message.queue, message.language,
                        message.text, message.contactVerified, data.isEmpty() ? null : data, message.leftAt))))
                .map(ignored -> new Left(message.id, message.leftAt, false));
    }

    /** The message stored earlier under the same client id, if it is the same message; a different one is refused. */
    private Uni<Left> earlier(OfflineMessage message) {
        return tx.read(() -> OfflineMessage.<OfflineMessage>find("clientMessageId", message.clientMessageId)
                .firstResult()).map(stored -> {
                    if (stored == null) {
                        return null;
                    }
                    if (!stored.email.equals(message.email) || !stored.text.equals(message.text)
                            || !stored.queue.equals(message.queue)) {
                        throw Problems.conflict("client-message-id-reused", "Client message id reused",
                                "clientMessageId " + message.clientMessageId + " was used for another message.");
                    }
                    return new Left(stored.id, stored.leftAt, true);
                });
    }

    private static String json(Map<String, Object> data) {
        try {
            return Events.json().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("attached data cannot be written as JSON", e);
        }
    }
}
