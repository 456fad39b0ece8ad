package io.switchboard.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A contact asked for a chat ({@code chat.requested}, published by session-service).
 *
 * @param contactId       id of the contact: stable across chats only when {@code contactVerified}; otherwise an id
 *                        of this chat alone, since an address typed in a web form proves nothing
 * @param phoneNumbers    the contact's numbers in E.164 form, offered to the agent for "make a call"
 * @param queue           the routing queue asked for (from the queue or subject chosen on the web page)
 * @param language        BCP 47 language tag of the contact (e.g. {@code en}, {@code fr}), used for the transcript
 * @param contactVerified true when the company's site vouched for the contact with a signed identity token; only
 *                        then are the contact's earlier interactions shown to the agents who serve it
 * @param data            the attached data given with the request (string, number or boolean values), read by
 *                        routing's queue rules; absent when none was given
 */
public record ChatRequested(String chatId, String contactId, String contactName, String email,
                            List<String> phoneNumbers, String queue, String subject, String language,
                            Instant requestedAt, boolean contactVerified, Map<String, Object> data)
        implements ChatEvent {

    public ChatRequested(String chatId, String contactId, String contactName, String email,
                         List<String> phoneNumbers, String queue, String subject, String language,
                         Instant requestedAt, boolean contactVerified) {
        this(chatId, contactId, contactName, email, phoneNumbers, queue, subject, language, requestedAt,
                contactVerified, null);
    }

    /** A request from a visitor the company's site did not identify. */
    public ChatRequested(String chatId, String contactId, String contactName, String email,
                         List<String> phoneNumbers, String queue, String subject, String language,
                         Instant requestedAt) {
        this(chatId, contactId, contactName, email, phoneNumbers, queue, subject, language, requestedAt, false);
    }
}
