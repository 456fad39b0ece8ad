package io.switchboard.history.figures;

/**
 * Satisfaction survey figures of one agent (or supervisor) on one day (of requests): the answers of the chats they
 * took part in, as the survey event named them, and the average score (1-5).
 */
public record AgentDayFigures(String agentId, String day, long surveys, Double averageScore) {
}
