package io.switchboard.history.search;

import java.time.Instant;

/**
 * What to look for; every criterion is optional and they combine with AND.
 *
 * @param from  requested at or after (inclusive)
 * @param to    requested before (exclusive)
 * @param words words that must all appear in the chat's messages (web search syntax: "quoted phrase", -not, or)
 */
public record InteractionCriteria(String contactId, String agentId, String queue, String disposition, Instant from,
                                  Instant to, String words) {

    public static InteractionCriteria ofContact(String contactId) {
        return new InteractionCriteria(contactId, null, null, null, null, null, null);
    }
}
