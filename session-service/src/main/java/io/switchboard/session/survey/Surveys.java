package io.switchboard.session.survey;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.ParticipantRole;
import io.switchboard.events.SurveyAnswered;
import io.switchboard.kit.outbox.EventOutbox;
import io.switchboard.kit.problem.Problems;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.session.SessionConfig;
import io.switchboard.session.chat.Caller;
import io.switchboard.session.chat.ChatAccess;
import io.switchboard.session.domain.Chat;
import io.switchboard.session.domain.ChatState;
import io.switchboard.session.domain.Participant;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * The post-chat satisfaction survey: once the chat ended, its contact gives a score (1–5) and maybe a comment, once,
 * when the chat's queue has the survey on and an agent took the chat. The answer and its {@code chat.survey.answered}
 * commit together; sending the same answer again (a retry) is answered with the stored one and publishes nothing.
 */
@ApplicationScoped
public class Surveys {

    static final int MIN_SCORE = 1;
    static final int MAX_SCORE = 5;

    private final Transactions tx;
    private final ChatAccess access;
    private final EventOutbox outbox;
    private final SessionConfig.Survey config;

    public Surveys(Transactions tx, ChatAccess access, EventOutbox outbox, SessionConfig config) {
        this.tx = tx;
        this.access = access;
        this.outbox = outbox;
        this.config = config.survey();
    }

    /** What the contact's widget needs: whether to ask, whether it was answered, the answer. */
    public record Status(boolean offered, boolean answered, int maxCommentLength, Integer score, String comment,
                         Instant answeredAt) {
    }

    /** @param created false when the same answer had been stored before (a retry) */
    public record Submitted(Answer answer, boolean created) {
    }

    public record Answer(String chatId, int score, String comment, Instant answeredAt) {
        static Answer of(SurveyAnswer a) {
            return new Answer(a.chatId, a.score, a.comment, a.answeredAt);
        }
    }

    public Uni<Status> status(String chatId, Caller caller) {
        return tx.read(() -> Chat.byId(chatId).call(chat -> contactOf(chat, caller))
                .chain(chat -> SurveyAnswer.<SurveyAnswer>findById(chatId).map(a -> new Status(offered(chat),
                        a != null, config.maxCommentLength(), a == null ? null : a.score,
                        a == null ? null : a.comment, a == null ? null : a.answeredAt))));
    }

    /**
     * Stores the answer and publishes it. Bad fields are refused (400 naming the field) before anything is read; then
     * 403 for anyone but the chat's contact, 409 {@code chat-not-ended} while it goes on, 409
     * {@code survey-not-offered} when its queue has no survey (or no agent took it), 409 {@code survey-answered} for a
     * different second answer.
     */
    public Uni<Submitted> answer(String chatId, Caller caller, Integer score, String comment) {
        return Uni.createFrom().item(() -> checked(score, comment))
                .chain(text -> answerChecked(chatId, caller, score, text));
    }

    private Uni<Submitted> answerChecked(String chatId, Caller caller, int score, String text) {
        return tx.commit(() -> Chat.lockForUpdate(chatId).call(chat -> contactOf(chat, caller)).chain(chat -> {
            if (chat.state != ChatState.ENDED && chat.state != ChatState.DONE) {
                throw Problems.conflict("chat-not-ended", "Chat not ended",
                        "The survey of chat " + chatId + " opens when the chat has ended.");
            }
            if (!offered(chat)) {
                throw Problems.conflict("survey-not-offered", "No survey",
                        "Chat " + chatId + " has no satisfaction survey.");
            }
            return SurveyAnswer.<SurveyAnswer>findById(chatId).chain(stored -> {
                if (stored != null) {
                    if (stored.score == score && Objects.equals(stored.comment, text)) {
                        return Uni.createFrom().item(new Submitted(Answer.of(stored), false));
                    }
                    throw Problems.conflict("survey-answered", "Survey answered",
                            "The survey of chat " + chatId + " was answered already.");
                }
                return store(chat, score, text);
            });
        }));
    }

    private Uni<Submitted> store(Chat chat, int score, String comment) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Participant.of(chat.id).chain(participants -> {
            List<String> agents = participants.stream().filter(p -> p.role != ParticipantRole.CONTACT)
                    .map(p -> p.participantId).distinct().toList();
            SurveyAnswer answer = SurveyAnswer.of(chat.id, chat.queue, agents, score, comment, now);
            return answer.<SurveyAnswer>persist()
                    .call(() -> outbox.publish(new SurveyAnswered(chat.id, chat.queue, agents, score, comment, now)))
                    .map(stored -> new Submitted(Answer.of(answer), true));
        });
    }

    /** The comment as stored: trimmed, none when blank. */
    private String checked(Integer score, String comment) {
        if (score == null || score < MIN_SCORE || score > MAX_SCORE) {
            throw Problems.invalidField("score", "must be a whole number from " + MIN_SCORE + " to " + MAX_SCORE);
        }
        String text = comment == null ? null : comment.strip();
        if (text != null && text.isEmpty()) {
            return null;
        }
        if (text != null && text.codePointCount(0, text.length()) > config.maxCommentLength()) {
            throw Problems.invalidField("comment", "must be at most " + config.maxCommentLength() + " characters");
        }
        return text;
    }

    /** Asked only where the queue has the survey on, and only about a chat an agent took. */
    private boolean offered(Chat chat) {
        return chat.ownerAgentId != null && config.offeredIn(chat.queue);
    }

    /** The chat's own contact, and nobody else (agents included: the survey is the contact's word). */
    private Uni<?> contactOf(Chat chat, Caller caller) {
        if (!caller.isContact()) {
            return Uni.createFrom().failure(ChatAccess.notPartOf());
        }
        return access.participation(chat, caller);
    }
}
