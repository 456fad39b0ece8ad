package io.switchboard.system.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One chat from request to Mark Done, as a contact and an agent play it through the gateway: request, offer
 * accepted, messages in turn, finish, wrap-up (transcript box checked on every other chat), Mark Done. Every step
 * waits out temporary failures; a step that cannot be done in time leaves the chat as it is, and the checks report
 * it as stuck.
 */
final class ChatScenario {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final String QUEUE = "sales";

    private final LoadSettings settings;
    private final Api api;
    private final HttpClient client;
    private final String gatewayUrl;
    private final Ledger ledger;
    private final String disposition;

    ChatScenario(LoadSettings settings, Api api, HttpClient client, String gatewayUrl, Ledger ledger,
                 String disposition) {
        this.settings = settings;
        this.api = api;
        this.client = client;
        this.gatewayUrl = gatewayUrl;
        this.ledger = ledger;
        this.disposition = disposition;
    }

    void run(int number) {
        String email = "contact." + UUID.randomUUID() + "@example.com";
        Map<String, Object> request = Map.of("name", "Contact " + number, "email", email, "queue", QUEUE,
                "subject", "Fault run chat " + number, "language", "en");
        Api.Reply created = api.post("/api/chats", null, request, PATIENCE);
        if (created.status() != 201) {
            ledger.example("chat " + number + " not created: HTTP " + created.status() + " " + created.body());
            ledger.count("chat request refused: " + created.status());
            return;
        }
        JsonNode chat = created.json();
        ChatRecord record = ledger.chat(chat.get("chatId").asText());
        record.scripted = true;
        record.contactEmail = email;
        record.sendTranscript = number % 2 == 0;
        try (ContactClient contact = new ContactClient(record.chatId, chat.get("contactToken").asText(), client,
                gatewayUrl, ledger).start()) {
            AgentDesk agent = record.accepted.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            converse(record, contact, agent);
            awaitDeliveries(record);
            wrapUp(record, agent);
        } catch (java.util.concurrent.TimeoutException e) {
            record.failure = "no agent accepted it within " + PATIENCE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            record.failure = "interrupted";
        } catch (Exception e) {
            record.failure = e.toString();
        }
    }

    private void converse(ChatRecord record, ContactClient contact, AgentDesk agent) {
        for (int i = 1; i <= settings.messagesPerSide(); i++) {
            String agentId = "a" + i + "-" + record.chatId;
            if (agent.send(record.chatId, agentId, "Agent line " + i, PATIENCE) > 0) {
                record.acked(ChatRecord.Side.AGENT, agentId);
            }
            Pause.of(settings.messagePause());
            String contactId = "c" + i + "-" + record.chatId;
            if (contact.send(contactId, "Contact line " + i, PATIENCE) > 0) {
                record.acked(ChatRecord.Side.CONTACT, contactId);
            }
            Pause.of(settings.messagePause());
        }
    }

    /** Like people reading before they say goodbye; a message that never arrives is reported by the checks. */
    private static void awaitDeliveries(ChatRecord record) {
        long deadline = System.nanoTime() + DELIVERY_WAIT.toNanos();
        while (!record.allDelivered() && System.nanoTime() < deadline) {
            Pause.of(POLL);
        }
    }

    /** Finish, wrap-up, Mark Done: each repeated until done; a 409 chat-finished means an earlier try went through. */
    void wrapUp(ChatRecord record, AgentDesk agent) {
        String base = "/api/chats/" + record.chatId;
        Api.Reply finish = api.post(base + "/finish", agent.token, null, PATIENCE);
        if (!finish.ok() && !"chat-finished".equals(finish.problem())) {
            throw new IllegalStateException("finish: HTTP " + finish.status() + " " + finish.body());
        }
        Map<String, Object> wrapUp = new LinkedHashMap<>();
        wrapUp.put("notes", "Handled during the fault run");
        wrapUp.put("sendTranscript", record.sendTranscript);
        wrapUp.put("dispositionCode", disposition);
        Api.Reply saved = api.put(base + "/wrap-up", agent.token, wrapUp, PATIENCE);
        boolean alreadyDone = "chat-finished".equals(saved.problem());
        if (!saved.ok() && !alreadyDone) {
            throw new IllegalStateException("wrap-up: HTTP " + saved.status() + " " + saved.body());
        }
        if (!alreadyDone) {
            JsonNode options = api.get(base + "/workflow-options", agent.token, PATIENCE)
                    .expectOk("workflow options").json();
            Map<String, Object> decision = options.path("applies").asBoolean()
                    ? Map.of("workflowDecision", "STOP") : Map.of();
            Api.Reply done = api.post(base + "/done", agent.token, decision, PATIENCE);
            if (!done.ok() && !"chat-finished".equals(done.problem())) {
                throw new IllegalStateException("done: HTTP " + done.status() + " " + done.body());
            }
        }
        agent.forget(record.chatId);
        record.done = true;
    }

    static List<String> queues() {
        return List.of(QUEUE);
    }
}
