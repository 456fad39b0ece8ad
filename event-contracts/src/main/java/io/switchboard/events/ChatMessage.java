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
 */
public record ChatMessage(String chatId, long seq, UUID messageId, String clientMessageId, String authorId,
                          String authorName, ParticipantRole authorRole, MessageKind kind, String text, String url,
                          List<String> phoneNumbers, Instant sentAt) implements ChatEvent {
}
