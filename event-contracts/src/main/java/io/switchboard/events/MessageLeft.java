package io.switchboard.events;

import java.time.Instant;
import java.util.Map;

/**
 * A contact left a message instead of chatting ({@code contact.message.left}, published by session-service): the
 * queue was closed, nobody was available, or the chat ended unanswered. A message is an interaction of its own:
 * history lists it in the contact's history, workflow-service makes it a work item in a follow-up queue and
 * transcript-service sends the contact an acknowledgement.
 *
 * @param chatId          the id of this interaction (a new id, like a chat's; the record key)
 * @param contactId       as for a chat: stable across interactions only when {@code contactVerified}
 * @param queue           the queue the message was left for (the subject the contact chose)
 * @param language        BCP 47 language tag of the contact, used for the acknowledgement
 * @param text            what the contact wrote
 * @param data            attached data given with the message (as with a chat request); absent when none
 */
public record MessageLeft(String chatId, String contactId, String contactName, String email, String queue,
                          String language, String text, boolean contactVerified, Map<String, Object> data,
                          Instant leftAt) implements ChatEvent {
}
