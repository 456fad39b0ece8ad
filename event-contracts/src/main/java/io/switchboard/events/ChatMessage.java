package io.switchboard.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message posted in a chat ({@code chat.message}, published by session-service).
 *
 * @param seq             position in the chat's timeline (messages and notices share one gap-free sequence from 1)
 * @param clientMessageId the sender's id for the message, which makes re-sending after a network fault safe
 * @param authorName      shown before the text on every participant's screen
 * @param text            exactly as sent; never interpreted as HTML
 * @param url             the pushed page, for {@code PAGE_PUSH} only (http or https)
 * @param phoneNumbers    phone numbers found in the text (E.164), for click-to-call
 * @param whisper         true for a whisper: written by a supervisor or an agent of the chat for the agents and
 *                        supervisors of the chat only, never shown or mailed to the contact; absent otherwise
 * @param attachment      the file of a {@code FILE} message; absent for every other kind (added in a
 *                        backward-compatible way: readers that ignore it see the file's name as the text)
 */
public record ChatMessage(String chatId, long seq, UUID messageId, String clientMessageId, String authorId,
                          String authorName, ParticipantRole authorRole, MessageKind kind, String text, String url,
                          List<String> phoneNumbers, Instant sentAt, Boolean whisper, Attachment attachment)
        implements ChatEvent {

    /**
     * A file posted in the chat. Its bytes are not in the event: participants download them from session-service
     * ({@code GET /api/chats/{chatId}/attachments/{id}}) with a token of the chat.
     *
     * @param name        the file's name, made safe (no path, no control characters; its extension matches the type)
     * @param contentType what the bytes are, as session-service read it from them (never the client's claim)
     * @param size        in bytes
     */
    public record Attachment(UUID id, String name, String contentType, long size) {
    }

    /** A message of any kind but {@code FILE}, or a whisper. */
    public ChatMessage(String chatId, long seq, UUID messageId, String clientMessageId, String authorId,
                       String authorName, ParticipantRole authorRole, MessageKind kind, String text, String url,
                       List<String> phoneNumbers, Instant sentAt, Boolean whisper) {
        this(chatId, seq, messageId, clientMessageId, authorId, authorName, authorRole, kind, text, url, phoneNumbers,
                sentAt, whisper, null);
    }

    /** A message everyone in the chat sees. */
    public ChatMessage(String chatId, long seq, UUID messageId, String clientMessageId, String authorId,
                       String authorName, ParticipantRole authorRole, MessageKind kind, String text, String url,
                       List<String> phoneNumbers, Instant sentAt) {
        this(chatId, seq, messageId, clientMessageId, authorId, authorName, authorRole, kind, text, url, phoneNumbers,
                sentAt, null);
    }

    /** Whether only the chat's staff may see it (readers must honour this before showing or mailing a message). */
    public static boolean isWhisper(ChatMessage message) {
        return Boolean.TRUE.equals(message.whisper());
    }
}
