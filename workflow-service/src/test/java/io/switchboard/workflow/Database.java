package io.switchboard.workflow;

import static io.switchboard.stack.test.TestDatabase.count;

/** Reads the service's own tables, for facts no API shows (what was processed, what waits in the outbox). */
public final class Database {

    private Database() {
    }

    /** Events of that type about that chat written to the outbox (published or about to be). */
    public static long outboxCount(String topic, String chatId) {
        return count("select count(*) from outbox_event where topic = ? and record_key = ?", topic, chatId);
    }

    public static long processed(String consumer, java.util.UUID eventId) {
        return count("select count(*) from processed_event where consumer = ? and event_id = ?", consumer, eventId);
    }

    public static long items(String chatId) {
        return count("select count(*) from workflow_item where chat_id = ?", chatId);
    }
}
