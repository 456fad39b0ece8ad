package io.switchboard.system.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One agent's desktop: a socket that survives outages (reconnect, then resume every open chat from its last seq),
 * offers accepted as they come, and, like a reloaded desktop, the list of the agent's open chats
 * ({@code GET /api/chats?mine=true}) read now and then, so that a chat whose accept answer was lost is picked up.
 */
final class AgentDesk implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Duration RECONCILE_INTERVAL = Duration.ofSeconds(5);
    private static final Duration OWNED_POLL = Duration.ofMillis(300);

    final String id;
    final String token;
    private final Api api;
    private final Ledger ledger;
    private final Acks acks;
    private final Map<String, Timeline> open = new ConcurrentHashMap<>();
    private final Set<String> closed = ConcurrentHashMap.newKeySet();
    private final ExecutorService offers = Executors.newCachedThreadPool(daemon("offers"));
    private final ScheduledExecutorService reconciler = Executors.newSingleThreadScheduledExecutor(daemon("mine"));
    private final ReconnectingSocket socket;

    AgentDesk(String id, String token, HttpClient client, String gatewayUrl, Api api, Ledger ledger) {
        this.id = id;
        this.token = token;
        this.api = api;
        this.ledger = ledger;
        this.acks = new Acks(ledger);
        this.socket = new ReconnectingSocket(client, gatewayUrl, "/ws/agent", token, ledger, this::resumeAll,
                this::onFrame);
    }

    /** Opens the desktop and, once its socket is up (an offer is only seen there), goes READY. */
    AgentDesk start() {
        socket.open();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!socket.isOpen() && System.nanoTime() < deadline) {
            Pause.of(Duration.ofMillis(200));
        }
        api.put("/api/routing/agents/me/state", token, Map.of("state", "READY"), PATIENCE).expectOk("READY");
        reconciler.scheduleWithFixedDelay(this::reconcile, RECONCILE_INTERVAL.toMillis(),
                RECONCILE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    long send(String chatId, String clientMessageId, String text, Duration patience) {
        return acks.send(socket, chatId, clientMessageId, text, patience);
    }

    /** The chat is done: no more resuming it. */
    void forget(String chatId) {
        closed.add(chatId);
        open.remove(chatId);
    }

    private void resumeAll() {
        open.forEach((chatId, timeline) -> socket.send(Map.of("type", "resume", "chatId", chatId,
                "afterSeq", timeline.lastSeq())));
    }

    private void onFrame(JsonNode frame) {
        if (acks.onFrame(frame)) {
            return;
        }
        switch (frame.path("type").asText()) {
            case "offer" -> offers.execute(() -> accept(frame.path("offerId").asText(), frame.path("chatId").asText()));
            case "item" -> {
                String chatId = frame.path("chatId").asText();
                Timeline timeline = open.get(chatId);
                if (timeline != null) {
                    String fromContact = timeline.accept(frame.path("item"));
                    if (fromContact != null) {
                        ledger.chat(chatId).received(ChatRecord.Side.AGENT, fromContact);
                    }
                }
            }
            case "error" -> ledger.count("ws error without a message (agent): " + frame.path("code").asText());
            default -> { }
        }
    }

    private void accept(String offerId, String chatId) {
        Api.Reply reply = api.post("/api/routing/offers/" + offerId + "/accept", token, null, PATIENCE);
        if (reply.ok()) {
            awaitOwned(chatId);
        } else {
            ledger.count("offer not accepted: " + reply.status() + " " + reply.problem());
        }
    }

    /**
     * routing answers the accept at once, but session-service learns that the agent joined from {@code chat.routed}
     * a moment later, and refuses a resume or a message before that ({@code forbidden}): the window opens once the
     * chat is among the agent's chats.
     */
    private void awaitOwned(String chatId) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline && !open.containsKey(chatId)) {
            Api.Reply mine = api.get("/api/chats?mine=true", token, Duration.ZERO);
            if (mine.ok()) {
                for (JsonNode chat : mine.json()) {
                    if (chatId.equals(chat.path("chatId").asText())) {
                        join(chatId);
                        return;
                    }
                }
            }
            Pause.of(OWNED_POLL);
        }
    }

    /** Opens the chat's window: resume from seq 0 shows the conversation so far. */
    private void join(String chatId) {
        if (closed.contains(chatId)) {
            return;
        }
        if (open.putIfAbsent(chatId, new Timeline(chatId, ChatRecord.Side.AGENT, ledger)) == null) {
            socket.send(Map.of("type", "resume", "chatId", chatId, "afterSeq", 0));
            ledger.chat(chatId).accepted.complete(this);
        }
    }

    private void reconcile() {
        try {
            // An offer made while the socket was down times out, and routing sets the agent NOT_READY; the person
            // at the desktop would see it and go READY again.
            Api.Reply me = api.get("/api/routing/agents/me", token, Duration.ZERO);
            if (socket.isOpen() && me.ok() && "NOT_READY".equals(me.json().path("state").asText())) {
                ledger.count("agent READY again after a missed offer");
                api.put("/api/routing/agents/me/state", token, Map.of("state", "READY"), Duration.ZERO);
            }
            Api.Reply mine = api.get("/api/chats?mine=true", token, Duration.ZERO);
            if (mine.ok()) {
                for (JsonNode chat : mine.json()) {
                    String chatId = chat.path("chatId").asText();
                    if (id.equals(chat.path("ownerAgentId").asText()) && !open.containsKey(chatId)) {
                        ledger.count("chat picked up from the list of open chats");
                        join(chatId);
                    }
                }
            }
        } catch (RuntimeException e) {
            ledger.example("agent " + id + " could not read its chats: " + e);
        }
    }

    int openChats() {
        return open.size();
    }

    @Override
    public void close() {
        reconciler.shutdownNow();
        offers.shutdownNow();
        socket.close();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
