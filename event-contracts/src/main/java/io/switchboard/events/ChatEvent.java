package io.switchboard.events;

/** An event about one chat (interaction). */
public interface ChatEvent extends SwitchboardEvent {

    String chatId();

    @Override
    default String key() {
        return chatId();
    }
}
