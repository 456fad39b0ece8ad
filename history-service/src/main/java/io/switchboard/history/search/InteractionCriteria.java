package io.switchboard.history.search;

import java.time.Instant;

/**
 * What to look for; every criterion is optional and they combine with AND.
 *
 * @param from  requested at or after (inclusive)
 * @param to    requested before (exclusive)
 * @param words     words that must all appear in the chat's messages (web search syntax: "quoted phrase", -not, or)
 * @param dataKey   a key the chat's attached data has (its latest values)
 * @param dataValue the value of {@code dataKey}, as text ({@code gold}, {@code 129.5}, {@code true}); needs dataKey
 */
public record InteractionCriteria(String contactId, String agentId, String queue, String disposition, Instant from,
                                  Instant to, String words, String dataKey, String dataValue) {

    public InteractionCriteria(String contactId, String agentId, String queue, String disposition, Instant from,
                               Instant to, String words) {
        this(contactId, agentId, queue, disposition, from, to, words, null, null);
    }

    public static InteractionCriteria ofContact(String contactId) {
        return new InteractionCriteria(contactId, null, null, null, null, null, null);
    }
}
