package io.switchboard.system.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/** The contact widget of one chat: its socket resumes from the last seq it has after every reconnection. */
final class ContactClient implements AutoCloseable {

    private final String chatId;
    private final Ledger ledger;
    private final Acks acks;
    private final Timeline timeline;
    private final ReconnectingSocket socket;

    ContactClient(String chatId, String contactToken, HttpClient client, String gatewayUrl, Ledger ledger) {
        this.chatId = chatId;
        this.ledger = ledger;
        this.acks = new Acks(ledger);
        this.timeline = new Timeline(chatId, ChatRecord.Side.CONTACT, ledger);
        this.socket = new ReconnectingSocket(client, gatewayUrl, "/ws/contact/" + chatId, contactToken, ledger,
                this::resume, this::onFrame);
    }

    ContactClient start() {
        socket.open();
        return this;
    }

    long send(String clientMessageId, String text, Duration patience) {
        return acks.send(socket, chatId, clientMessageId, text, patience);
    }

    private void resume() {
        socket.send(Map.of("type", "resume", "afterSeq", timeline.lastSeq()));
    }

    private void onFrame(JsonNode frame) {
        if (acks.onFrame(frame)) {
            return;
        }
        if ("error".equals(frame.path("type").asText())) {
            ledger.count("ws error without a message (contact): " + frame.path("code").asText());
        }
        if (!"item".equals(frame.path("type").asText())) {
            return;
        }
        String fromAgent = timeline.accept(frame.path("item"));
        if (fromAgent != null) {
            ledger.chat(chatId).received(ChatRecord.Side.CONTACT, fromAgent);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
