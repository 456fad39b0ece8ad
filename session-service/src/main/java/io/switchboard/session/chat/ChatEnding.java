package io.switchboard.session.chat;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatEnded;
import io.switchboard.events.EndReason;
import io.switchboard.kit.outbox.EventOutbox;
import io.switchboard.session.call.CallLog;
import io.switchboard.session.call.WebCalls;
import io.switchboard.session.domain.Chat;
import io.switchboard.session.domain.ChatState;
import jakarta.enterprise.context.ApplicationScoped;

/** Ends a locked chat for everyone: the end notice, state ENDED and {@code chat.ended}. */
@ApplicationScoped
public class ChatEnding {

    public static final String SYSTEM = "system";

    private final Timeline timeline;
    private final EventOutbox outbox;
    private final WebCalls webCalls;

    public ChatEnding(Timeline timeline, EventOutbox outbox, WebCalls webCalls) {
        this.timeline = timeline;
        this.outbox = outbox;
        this.webCalls = webCalls;
    }

    /** A web call still ringing or talking ends first ({@code chat-ended}): its notice comes before the chat's end. */
    public Uni<Chat> end(Chat chat, EndReason reason, String endedBy, String endedByName) {
        return webCalls.endLive(chat, WebCalls.CHAT_ENDED, CallLog.By.SYSTEM, null)
                .chain(() -> timeline.endNotice(chat, reason, endedByName)).chain(notice -> {
            chat.state = ChatState.ENDED;
            chat.endedAt = notice.at;
            chat.endReason = reason;
            return outbox.publish(new ChatEnded(chat.id, notice.seq, reason, endedBy, notice.at));
        }).replaceWith(chat);
    }
}
