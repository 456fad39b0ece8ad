package io.switchboard.session.survey;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The contact's answer to a chat's satisfaction survey: at most one per chat, never changed once written. */
@Entity
@Table(name = "chat_survey")
public class SurveyAnswer extends PanacheEntityBase {

    private static final String AGENT_SEPARATOR = ",";

    @Id
    @Column(name = "chat_id")
    public String chatId;
    public String queue;
    /** Staff ids, comma separated (ids never contain a comma: they come from tokens and the roster). */
    public String agents;
    public int score;
    public String comment;
    @Column(name = "answered_at")
    public Instant answeredAt;

    static SurveyAnswer of(String chatId, String queue, List<String> agents, int score, String comment,
                           Instant answeredAt) {
        SurveyAnswer answer = new SurveyAnswer();
        answer.chatId = chatId;
        answer.queue = queue;
        answer.agents = String.join(AGENT_SEPARATOR, agents);
        answer.score = score;
        answer.comment = comment;
        answer.answeredAt = answeredAt;
        return answer;
    }

    List<String> agentList() {
        return agents == null || agents.isEmpty() ? List.of() : Arrays.asList(agents.split(AGENT_SEPARATOR));
    }
}
