package io.switchboard.telephony.support;

import static io.switchboard.stack.test.TestDatabase.execute;

/** Writes the service's own table directly, to leave a call as a crashed process would have left it. */
public final class Database {

    private Database() {
    }

    /** A call waiting for its first attempt, as the consumer records it. */
    public static void due(String chatId, String requestId, String agentId, String number) {
        execute("""
                insert into telephony_call (request_id, chat_id, agent_id, phone_number, state, attempts,
                    next_attempt_at, requested_at, received_at, updated_at)
                values (?, ?, ?, ?, 'REQUESTED', 0, now(), now(), now(), now())""",
                requestId, chatId, agentId, number);
    }

    /** A call the PBX accepted {@code secondsAgo} seconds ago and that nobody reported on since. */
    public static void diallingSince(String chatId, String requestId, int secondsAgo) {
        execute("""
                insert into telephony_call (request_id, chat_id, agent_id, phone_number, state, attempts,
                    attempt_started_at, dialling_at, requested_at, received_at, updated_at)
                values (?, ?, 'agent1', '+14155550100', 'DIALLING', 1, now(), now() - ? * interval '1 second',
                    now(), now(), now())""",
                requestId, chatId, secondsAgo);
    }

    /** A call whose attempt was recorded (PLACING) by a process that died before it learnt the outcome. */
    public static void attemptInFlight(String chatId, String requestId, String agentId, String number) {
        execute("""
                insert into telephony_call (request_id, chat_id, agent_id, phone_number, state, attempts,
                    attempt_started_at, requested_at, received_at, updated_at)
                values (?, ?, ?, ?, 'PLACING', 1, now(), now(), now(), now())""",
                requestId, chatId, agentId, number);
    }
}
