package io.switchboard.history.view;

import java.util.List;

/**
 * One line of a list of interactions; {@code surveyScore} is the contact's survey score (1-5), null when none;
 * {@code kind} is CHAT, or MESSAGE for a message the contact left (out of hours, or when nobody answered).
 */
public record InteractionSummary(String chatId, InteractionState state, String contactId, String contactName,
                                 String queue, List<String> agents, Timings timings, String dispositionCode,
                                 Integer surveyScore, String kind) {
}
