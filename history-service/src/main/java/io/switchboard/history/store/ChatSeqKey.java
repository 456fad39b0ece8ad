package io.switchboard.history.store;

import java.io.Serializable;
import java.util.Objects;

/** Key of the rows that sit at a position of a chat's timeline (messages, join/leave notices). */
public class ChatSeqKey implements Serializable {

    public String chatId;
    public long seq;

    @Override
    public boolean equals(Object other) {
        return other instanceof ChatSeqKey key && seq == key.seq && Objects.equals(chatId, key.chatId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(chatId, seq);
    }
}
