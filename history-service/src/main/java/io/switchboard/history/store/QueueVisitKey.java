package io.switchboard.history.store;

import java.io.Serializable;
import java.util.Objects;

/** Key of {@link QueueVisitRow}. */
public class QueueVisitKey implements Serializable {

    public String chatId;
    public String queue;

    @Override
    public boolean equals(Object other) {
        return other instanceof QueueVisitKey key && Objects.equals(chatId, key.chatId)
                && Objects.equals(queue, key.queue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(chatId, queue);
    }
}
