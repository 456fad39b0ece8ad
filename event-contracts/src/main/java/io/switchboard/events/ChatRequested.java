package io.switchboard.events;

import java.time.Instant;
import java.util.List;

/**
 * A contact asked for a chat ({@code chat.requested}, published by session-service).
 *
 * @param contactId    stable id of the contact, derived from the e-mail address unless the caller gave one
 * @param phoneNumbers the contact's numbers in E.164 form, offered to the agent for "make a call"
 * @param queue        the routing queue asked for (from the queue or subject chosen on the web page)
 * @param language     BCP 47 language tag of the contact (e.g. {@code en}, {@code fr}), used for the transcript
 */
public record ChatRequested(String chatId, String contactId, String contactName, String email,
                            List<String> phoneNumbers, String queue, String subject, String language,
                            Instant requestedAt) implements ChatEvent {
}
