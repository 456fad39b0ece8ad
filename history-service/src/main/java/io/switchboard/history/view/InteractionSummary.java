package io.switchboard.history.view;

import java.util.List;

/** One line of a list of interactions. */
public record InteractionSummary(String chatId, InteractionState state, String contactId, String contactName,
                                 String queue, List<String> agents, Timings timings, String dispositionCode) {
}
