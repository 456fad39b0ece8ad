package io.switchboard.events;

/** Marker of every event body; the concrete records live beside it and are listed in {@link EventType}. */
public interface SwitchboardEvent {

    /** The Kafka record key: the chat id for chat events, so that all events of one chat stay in order. */
    String key();
}
