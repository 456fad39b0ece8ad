package io.switchboard.session.chat;

import io.switchboard.events.ParticipantRole;
import io.switchboard.session.domain.Chat;
import io.switchboard.session.domain.ChatState;
import io.switchboard.session.domain.Participant;
import java.util.List;
import java.util.Map;

/** Response bodies of the chat API. */
final class ChatViews {

    private ChatViews() {
    }

    record Created(String chatId, String contactToken, String contactId, String socket) {
    }

    record RenewedToken(String contactToken) {
    }

    record Contact(String name, String email, List<String> phoneNumbers) {
    }

    /** {@code deliveredSeq}/{@code readSeq}: the participant's receipts, so a client shows exact ticks at once. */
    record ParticipantView(String id, String name, ParticipantRole role, boolean present, long deliveredSeq,
                           long readSeq) {
        static ParticipantView of(Participant p) {
            return new ParticipantView(p.participantId, p.name, p.role, p.present(), p.deliveredSeq, p.readSeq);
        }
    }

    /**
     * {@code contactId} lets an agent open the contact's history (history-service). {@code data} is the attached
     * data, for agents only (null for the contact: it is the company's).
     */
    record ChatView(String chatId, ChatState state, String queue, String subject, String language, String contactId,
                    Contact contact, List<ParticipantView> participants, long lastSeq, String ownerAgentId,
                    Map<String, Object> data) {
        static ChatView of(Chat chat, List<Participant> participants, long lastSeq, boolean withData) {
            return new ChatView(chat.id, chat.state, chat.queue, chat.subject, chat.language, chat.contactId,
                    new Contact(chat.contactName, chat.contactEmail, chat.phoneNumberList()),
                    participants.stream().map(ParticipantView::of).toList(), lastSeq, chat.ownerAgentId,
                    withData ? chat.data() : null);
        }
    }

    record Data(Map<String, Object> data) {
    }

    record ChatSummary(String chatId, ChatState state, String queue, String subject, String contactName,
                       String ownerAgentId, long lastSeq) {
        static ChatSummary of(Chat chat) {
            return new ChatSummary(chat.id, chat.state, chat.queue, chat.subject, chat.contactName, chat.ownerAgentId,
                    chat.lastSeq);
        }
    }

    record Timeline(List<TimelineItem> items, long lastSeq) {
    }

    record Accepted(String requestId) {
    }

    record Numbers(List<String> numbers) {
    }
}
