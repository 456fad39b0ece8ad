package io.switchboard.session.chat;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatEnded;
import io.switchboard.events.EndReason;
import io.switchboard.kit.outbox.EventOutbox;
import io.switchboard.session.domain.Chat;
import io.switchboard.session.domain.ChatState;
import jakarta.enterprise.context.ApplicationScoped;

/** Ends a locked chat for everyone: the end notice, state ENDED and {@code chat.ended}. */
@ApplicationScoped
public class ChatEnding {

    public static final String SYSTEM = "system";

    private final Timeline timeline;
    private final EventOutbox outbox;

    public ChatEnding(Timeline timeline, EventOutbox outbox) {
        this.timeline = timeline;
        this.outbox = outbox;
    }

    public Uni<Chat> end(Chat chat, EndReason reason, String endedBy, String endedByName) {
        return timeline.endNotice(chat, NoticeTexts.ended(reason, endedByName)).chain(notice -> {
            chat.state = ChatState.ENDED;
            chat.endedAt = notice.at;
            chat.endReason = reason;
            return outbox.publish(new ChatEnded(chat.id, notice.seq, reason, endedBy, notice.at));
        }).replaceWith(chat);
    }
}
