package io.switchboard.bench;

import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.util.BitSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One chat under load: the contact's socket, the agent who accepted it, and per direction the counter of the next
 * message and what the receiving side has seen (for lost, duplicated and out-of-order counts).
 */
final class BenchChat {

    /** Who writes: the contact (received on the agent socket) or the agent (received on the contact socket). */
    enum Direction {
        CONTACT_TO_AGENT('c'), AGENT_TO_CONTACT('a');

        final char code;

        Direction(char code) {
            this.code = code;
        }

        static Direction of(char code) {
            return code == 'c' ? CONTACT_TO_AGENT : AGENT_TO_CONTACT;
        }
    }

    /** What one receiving socket saw of one direction of this chat. */
    static final class Received {
        private final BitSet counters = new BitSet();
        private int highest = -1;
        private long lastSeq;

        /** @return the verdict for a message with this counter */
        synchronized Verdict message(int counter) {
            if (counters.get(counter)) {
                return Verdict.DUPLICATE;
            }
            counters.set(counter);
            if (counter < highest) {
                return Verdict.OUT_OF_ORDER;
            }
            highest = counter;
            return Verdict.OK;
        }

        /** @return true when the item's seq is not the one after the last (a gap, or a step back) */
        synchronized boolean seqBroken(long seq) {
            boolean broken = lastSeq != 0 && seq != lastSeq + 1;
            lastSeq = Math.max(lastSeq, seq);
            return broken;
        }
    }

    enum Verdict { OK, DUPLICATE, OUT_OF_ORDER }

    final int index;
    final String chatId;
    final String contactToken;
    final String sessionUrl;
    final BenchAgent agent;
    final AtomicInteger nextContactCounter = new AtomicInteger();
    final AtomicInteger nextAgentCounter = new AtomicInteger();
    final Received atAgent = new Received();
    final Received atContact = new Received();
    /** The contact saw the agent's JOINED notice: session-service has made the agent a participant. */
    final CountDownLatch joined = new CountDownLatch(1);
    /** The agent's socket, resumed after the join, saw the chat's items. */
    final CountDownLatch agentLive = new CountDownLatch(1);
    volatile WebSocket contactSocket;

    BenchChat(int index, String chatId, String contactToken, String sessionUrl, BenchAgent agent) {
        this.index = index;
        this.chatId = chatId;
        this.contactToken = contactToken;
        this.sessionUrl = sessionUrl;
        this.agent = agent;
    }

    void joinedSeenByContact() {
        joined.countDown();
    }

    void seenByAgent() {
        agentLive.countDown();
    }

    void sendAsContact(String clientMessageId, String text) {
        contactSocket.writeTextMessage(new JsonObject().put("type", "message").put("clientMessageId", clientMessageId)
                .put("text", text).encode());
    }

    void sendAsAgent(String clientMessageId, String text) {
        agent.socket.writeTextMessage(new JsonObject().put("type", "message").put("chatId", chatId)
                .put("clientMessageId", clientMessageId).put("text", text).encode());
    }
}
