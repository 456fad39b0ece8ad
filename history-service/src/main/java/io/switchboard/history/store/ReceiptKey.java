package io.switchboard.history.store;

import java.io.Serializable;
import java.util.Objects;

/** Key of a participant's receipts in a chat. */
public class ReceiptKey implements Serializable {

    public String chatId;
    public String participantId;

    @Override
    public boolean equals(Object other) {
        return other instanceof ReceiptKey key && Objects.equals(chatId, key.chatId)
                && Objects.equals(participantId, key.participantId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(chatId, participantId);
    }
}
