package io.switchboard.system.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the clients of one chat did and saw: the messages each side got an ack for, in the order it sent them, and
 * the messages each side received from the other, in the order they arrived (a duplicate appears twice).
 */
final class ChatRecord {

    enum Side { CONTACT, AGENT }

    final String chatId;
    /** Completed by the agent that accepted the offer. */
    final CompletableFuture<AgentDesk> accepted = new CompletableFuture<>();
    volatile String contactEmail;
    volatile boolean sendTranscript;
    /** False for a chat the load did not ask for (a request retried after its answer was lost). */
    volatile boolean scripted;
    volatile boolean done;
    volatile String failure;
    private final List<String> ackedByContact = new ArrayList<>();
    private final List<String> ackedByAgent = new ArrayList<>();
    private final List<String> receivedByContact = new ArrayList<>();
    private final List<String> receivedByAgent = new ArrayList<>();

    ChatRecord(String chatId) {
        this.chatId = chatId;
    }

    synchronized void acked(Side sender, String clientMessageId) {
        (sender == Side.CONTACT ? ackedByContact : ackedByAgent).add(clientMessageId);
    }

    synchronized void received(Side receiver, String clientMessageId) {
        (receiver == Side.CONTACT ? receivedByContact : receivedByAgent).add(clientMessageId);
    }

    /** The acked messages of {@code sender}, in sending order. */
    synchronized List<String> acked(Side sender) {
        return List.copyOf(sender == Side.CONTACT ? ackedByContact : ackedByAgent);
    }

    /** The messages of the other side that {@code receiver} got, in arrival order, duplicates included. */
    synchronized List<String> received(Side receiver) {
        return List.copyOf(receiver == Side.CONTACT ? receivedByContact : receivedByAgent);
    }

    /** True once each side has received every message the other side got an ack for. */
    synchronized boolean allDelivered() {
        return new ArrayList<>(receivedByAgent).containsAll(ackedByContact)
                && new ArrayList<>(receivedByContact).containsAll(ackedByAgent);
    }
}
