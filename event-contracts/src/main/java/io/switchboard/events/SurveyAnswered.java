package io.switchboard.events;

import java.time.Instant;
import java.util.List;

/**
 * The contact answered the satisfaction survey after the chat ended ({@code chat.survey.answered}, published by
 * session-service): once per chat, only for queues that offer the survey.
 *
 * @param queue      the chat's queue when it ended (the one that served it, after a transfer the target queue)
 * @param agents     the agents and supervisors who took part in the chat, in order of first joining
 * @param score      1 (very unsatisfied) to 5 (very satisfied)
 * @param comment    the contact's words, absent when none were written
 * @param answeredAt when the answer was stored
 */
public record SurveyAnswered(String chatId, String queue, List<String> agents, int score, String comment,
                             Instant answeredAt) implements ChatEvent {
}
