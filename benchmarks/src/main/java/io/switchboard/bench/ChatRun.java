package io.switchboard.bench;

import io.switchboard.bench.BenchChat.Direction;
import io.switchboard.bench.Offers.Offer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives the system under test: creates the run's queue and agents, measures chat request → offer, sets the chats
 * up (offers accepted, both sides resumed) and sends messages both ways at each offered rate.
 */
final class ChatRun {

    private static final int AGENT_SKILL_LEVEL = 5;
    private static final int QUEUE_MAX_WAIT_SECONDS = 3600;
    /** Offers of the run must not expire while the generator is busy setting up. */
    private static final int OFFER_TIMEOUT_SECONDS = 600;
    private static final int SETUP_RATE = 10;
    private static final long LIVE_TIMEOUT_SECONDS = 120;
    private static final long POLL_MS = 100;
    /** A backlog that delivers nothing for this long is not going to: the settle stops waiting for it. */
    private static final long STALL_SECONDS = 10;
    private static final String TEXT_PREFIX = "bench ";

    private final BenchOptions options;
    private final SystemUnderTest system;
    private final Rest rest;
    private final Sockets sockets;
    private final BenchTokens tokens;
    private final String runTag;
    private final long base;
    private final String queue;
    private final Offers offers = new Offers();
    private final List<BenchAgent> agents = new ArrayList<>();
    private final Map<String, BenchAgent> agentsById = new ConcurrentHashMap<>();
    private final Map<String, BenchChat> chatsById = new ConcurrentHashMap<>();
    private final List<BenchChat> chats = new ArrayList<>();
    private final List<StepStats> steps = new ArrayList<>();
    /** Frames outside a step (errors while setting up) still count. */
    private final AtomicLong errorFramesOutsideSteps = new AtomicLong();
    private final AtomicLong seqBreaksOutsideSteps = new AtomicLong();
    private final AtomicLong closedSockets = new AtomicLong();
    private volatile StepStats current;
    private volatile boolean closing;
    private final AtomicLong errorsPrinted = new AtomicLong();
    private static final int MAX_ERRORS_PRINTED = 20;

    ChatRun(BenchOptions options, SystemUnderTest system, Rest rest, Sockets sockets, BenchTokens tokens, String runTag,
            long baseNanos) {
        this.options = options;
        this.system = system;
        this.rest = rest;
        this.sockets = sockets;
        this.tokens = tokens;
        this.runTag = runTag;
        this.base = baseNanos;
        this.queue = "bench-" + runTag;
    }

    // --- where to send: the gateway (one origin) or the instances directly -------------------------------------

    private String sessionUrl(int index) {
        if (options.throughGateway()) {
            return system.gatewayUrl();
        }
        List<String> urls = system.sessionUrls();
        return urls.get(index % urls.size());
    }

    private String routingUrl() {
        return options.throughGateway() ? system.gatewayUrl() : system.routingUrl();
    }

    // --- setup -------------------------------------------------------------------------------------------------

    /** A queue and agents of this run only (own skill), so nothing else is offered to them and they to nothing else. */
    void createAgents() {
        String supervisor = tokens.supervisor();
        String skill = "bench-" + runTag;
        rest.call("POST", routingUrl() + "/api/routing/queues", supervisor, new JsonObject().put("name", queue)
                .put("requiredSkills", new JsonArray().add(skill)).put("priority", 1)
                .put("maxWaitSeconds", QUEUE_MAX_WAIT_SECONDS).put("offerTimeoutSeconds", OFFER_TIMEOUT_SECONDS));
        for (int i = 0; i < options.agents(); i++) {
            String id = "bench-" + runTag + "-a" + i;
            rest.call("POST", routingUrl() + "/api/routing/agents", supervisor, new JsonObject().put("id", id)
                    .put("name", "Bench agent " + i).put("skills", new JsonObject().put(skill, AGENT_SKILL_LEVEL))
                    .put("capacity", options.capacity()).put("role", "agent"));
            BenchAgent agent = new BenchAgent(id, tokens.agent(id), sessionUrl(i));
            agent.socket = sockets.open(agent.sessionUrl, "/ws/agent", agent.token,
                    (frame, received) -> onAgentFrame(agent, frame, received), this::socketClosed);
            agents.add(agent);
            agentsById.put(id, agent);
        }
        for (BenchAgent agent : agents) {
            rest.call("PUT", routingUrl() + "/api/routing/agents/me/state", agent.token,
                    new JsonObject().put("state", "READY"));
        }
    }

    /**
     * One chat request answered by an offer before anything is measured: a freshly started stack is ready before its
     * consumers have joined their groups, and the first requests would measure that.
     */
    void warmUpRouting() {
        JsonObject created = requestChat(0).join();
        String chatId = created.getString("chatId");
        offers.of(chatId).orTimeout(LIVE_TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
        offers.forget(chatId);
        rest.call("POST", sessionUrl(0) + "/api/chats/" + chatId + "/leave", created.getString("contactToken"), null);
    }

    private CompletableFuture<JsonObject> requestChat(int index) {
        return rest.send("POST", sessionUrl(index) + "/api/chats", null, new JsonObject()
                .put("name", "Bench contact " + index).put("email", "contact" + index + "@example.com")
                .put("queue", queue).put("subject", "benchmark"));
    }

    /** Creates the chats that carry the messages: requested, offered, accepted, and resumed on both sockets. */
    void openChats() {
        ExecutorService setup = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<BenchChat>> opening = new ArrayList<>();
            OpenLoop.run(SETUP_RATE, TimeUnit.SECONDS.toNanos(1) * options.chats() / SETUP_RATE + 1, (i, due) -> {
                int index = (int) i;
                opening.add(requestChat(index).thenApplyAsync(created -> openChat(index, created), setup));
            });
            for (CompletableFuture<BenchChat> future : opening) {
                BenchChat chat = future.join();
                synchronized (chats) {
                    chats.add(chat);
                }
            }
            chats.sort(java.util.Comparator.comparingInt(c -> c.index));
        } finally {
            setup.shutdownNow();
        }
    }

    private BenchChat openChat(int index, JsonObject created) {
        String chatId = created.getString("chatId");
        Offer offer = offers.of(chatId).orTimeout(LIVE_TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
        offers.forget(chatId);
        BenchAgent agent = agentsById.get(offer.agentId());
        rest.call("POST", routingUrl() + "/api/routing/offers/" + offer.offerId() + "/accept", agent.token, null);
        BenchChat chat = new BenchChat(index, chatId, created.getString("contactToken"), sessionUrl(index), agent);
        chatsById.put(chatId, chat);
        chat.contactSocket = sockets.open(chat.sessionUrl, "/ws/contact/" + chatId, chat.contactToken,
                (frame, received) -> onContactFrame(chat, frame, received), this::socketClosed);
        chat.contactSocket.writeTextMessage(new JsonObject().put("type", "resume").put("afterSeq", 0).encode());
        // The accept answers before session-service has read it from Kafka; the agent resumes once the contact saw
        // the JOINED notice, else the resume is refused (not yet a participant).
        await(chat.joined, chatId, "the agent's JOINED notice did not reach the contact");
        agent.socket.writeTextMessage(new JsonObject().put("type", "resume").put("chatId", chatId).put("afterSeq", 0)
                .encode());
        await(chat.agentLive, chatId, "the agent's socket received nothing of the chat after resume");
        return chat;
    }

    private static void await(java.util.concurrent.CountDownLatch latch, String chatId, String failure) {
        try {
            if (!latch.await(LIVE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("chat " + chatId + ": " + failure + " in " + LIVE_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- request → offer --------------------------------------------------------------------------------------

    /** The figures of a request step and the CPU each process used while its measured requests were sent. */
    record RequestStepResult(JsonObject figures, Map<String, Double> cpuMs) {
    }

    /**
     * Chat requests at {@code rate}/s (the first {@code --warmup} seconds not measured); each contact leaves as soon as
     * its offer is seen, freeing the agent.
     */
    RequestStepResult requestToOffer(int rate, int seconds, CpuMeter cpu) {
        long warmupCount = (long) rate * options.warmupSeconds();
        Map<String, Double>[] cpuAtStart = new Map[1];
        Latency latency = new Latency();
        AtomicLong failed = new AtomicLong();
        AtomicLong noOffer = new AtomicLong();
        AtomicLong leaveFailed = new AtomicLong();
        AtomicLong offered = new AtomicLong();
        List<CompletableFuture<?>> pending = java.util.Collections.synchronizedList(new ArrayList<>());
        long requests = OpenLoop.run(rate, TimeUnit.SECONDS.toNanos(options.warmupSeconds() + seconds), (i, due) -> {
            if (i == warmupCount) {
                cpuAtStart[0] = cpu.sample();
            }
            pending.add(requestChat(1_000_000 + (int) i).thenCompose(created -> {
                String chatId = created.getString("chatId");
                return offers.of(chatId).orTimeout(options.drainSeconds() + options.warmupSeconds() + seconds, TimeUnit.SECONDS)
                        .handle((offer, error) -> {
                            offers.forget(chatId, offer != null);
                            if (offer == null) {
                                noOffer.incrementAndGet();
                            } else {
                                offered.incrementAndGet();
                                if (i >= warmupCount) {
                                    latency.recordNanos(offer.receivedNanos() - due);
                                }
                            }
                            return rest.send("POST", sessionUrl((int) i) + "/api/chats/" + chatId + "/leave",
                                    created.getString("contactToken"), null).exceptionally(leaveFailure -> {
                                        leaveFailed.incrementAndGet();
                                        return null;
                                    });
                        }).thenCompose(leave -> leave);
            }).exceptionally(error -> {
                failed.incrementAndGet();
                return null;
            }));
        });
        // The window of the measured sends, as for messages: what the work they caused cost while it was caused.
        Map<String, Double> cpuUsed = CpuMeter.delta(cpuAtStart[0] == null ? Map.of() : cpuAtStart[0], cpu.sample());
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        JsonObject figures = new JsonObject().put("requestsPerSecond", rate).put("seconds", seconds)
                .put("requests", requests).put("measuredRequests", (long) rate * seconds)
                .put("offered", offered.get()).put("noOffer", noOffer.get()).put("failed", failed.get())
                .put("leaveFailed", leaveFailed.get())
                .put("requestToOffer", latency.json());
        return new RequestStepResult(figures, cpuUsed);
    }

    // --- messages ---------------------------------------------------------------------------------------------

    /** One step: warm-up, then {@code seconds} measured at {@code rate} messages/s, then a drain. */
    StepResult messages(int rate, CpuMeter cpu) {
        return messages(rate, options.warmupSeconds(), options.seconds(), cpu);
    }

    /**
     * Messages at {@code rate}/s for {@code seconds}, none measured (every text marked as warm-up), then a drain:
     * the JITs of the stack compile their hot paths before the first step.
     */
    void warmUp(int rate, int seconds, CpuMeter cpu) {
        messages(rate, seconds, 0, cpu);
    }

    private StepResult messages(int rate, int warmupSeconds, int measuredSeconds, CpuMeter cpu) {
        StepStats step = new StepStats(rate);
        int stepNumber;
        synchronized (steps) {
            steps.add(step);
            stepNumber = steps.size() - 1;
        }
        current = step;
        long warmupCount = (long) rate * warmupSeconds;
        int n = chats.size();
        Map<String, Double>[] cpuAtStart = new Map[1];
        OpenLoop.run(rate, TimeUnit.SECONDS.toNanos(warmupSeconds + measuredSeconds), (i, due) -> {
            if (i == warmupCount) {
                step.windowStartNanos = due;
                cpuAtStart[0] = cpu.sample();
            }
            BenchChat chat = chats.get((int) (i % n));
            Direction direction = (i / n) % 2 == 0 ? Direction.CONTACT_TO_AGENT : Direction.AGENT_TO_CONTACT;
            boolean contact = direction == Direction.CONTACT_TO_AGENT;
            int counter = (contact ? chat.nextContactCounter : chat.nextAgentCounter).getAndIncrement();
            String text = TEXT_PREFIX + stepNumber + " " + (i >= warmupCount ? 'm' : 'w') + " " + direction.code + " "
                    + counter + " " + (due - base);
            String clientMessageId = runTag + "-" + stepNumber + "-" + i;
            step.of(direction).sent.incrementAndGet();
            if (contact) {
                chat.sendAsContact(clientMessageId, text);
            } else {
                chat.sendAsAgent(clientMessageId, text);
            }
        });
        step.windowEndNanos = System.nanoTime();
        Map<String, Double> cpuUsed = CpuMeter.delta(cpuAtStart[0] == null ? Map.of() : cpuAtStart[0], cpu.sample());
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.drainSeconds());
        while (step.total(d -> d.delivered.get()) < step.total(d -> d.sent.get()) && System.nanoTime() < drainUntil) {
            sleep(POLL_MS);
        }
        return new StepResult(step, cpuUsed);
    }

    record StepResult(StepStats stats, Map<String, Double> cpuMs) {
    }

    /**
     * Waits for messages still on their way after a step's drain (a backlog queued in the system), so that the next
     * step does not start on it and the run does not stop the stack under it: until every message sent arrived, or
     * none arrived for {@code STALL_SECONDS}, or {@code maxSeconds} passed. What then still has not arrived is lost.
     *
     * @return the messages outstanding before and after, and the seconds waited
     */
    JsonObject settle(int maxSeconds) {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(maxSeconds);
        long outstandingBefore = outstanding();
        long lastDelivered = delivered();
        long lastProgress = start;
        while (outstanding() > 0 && System.nanoTime() < deadline
                && System.nanoTime() - lastProgress < TimeUnit.SECONDS.toNanos(STALL_SECONDS)) {
            sleep(POLL_MS);
            long now = delivered();
            if (now != lastDelivered) {
                lastDelivered = now;
                lastProgress = System.nanoTime();
            }
        }
        double waited = (System.nanoTime() - start) / 1e9;
        return new JsonObject().put("outstandingBefore", outstandingBefore).put("outstandingAfter", outstanding())
                .put("waitedSeconds", Math.round(waited * 10) / 10.0);
    }

    private long outstanding() {
        return steps.stream().mapToLong(s -> s.total(StepStats.PerDirection::lost)).sum();
    }

    private long delivered() {
        return steps.stream().mapToLong(s -> s.total(d -> d.delivered.get())).sum();
    }

    /** Offer frames that came for chats whose wait for an offer had timed out (made or delivered late, not lost). */
    long lateOffers() {
        return offers.late();
    }

    // --- frames -----------------------------------------------------------------------------------------------

    private void onAgentFrame(BenchAgent agent, JsonObject frame, long received) {
        switch (frame.getString("type", "")) {
            case "offer" -> offers.arrived(new Offer(frame.getString("offerId"), frame.getString("chatId"), agent.id,
                    received));
            case "item" -> {
                BenchChat chat = chatsById.get(frame.getString("chatId"));
                if (chat != null) {
                    chat.seenByAgent();
                    onItem(chat.atAgent, frame.getJsonObject("item"), Direction.CONTACT_TO_AGENT, received);
                }
            }
            case "error" -> countError(frame);
            default -> { }
        }
    }

    private void onContactFrame(BenchChat chat, JsonObject frame, long received) {
        switch (frame.getString("type", "")) {
            case "item" -> {
                JsonObject item = frame.getJsonObject("item");
                if (item != null && "JOINED".equals(item.getString("notice"))
                        && (chat.agent.id.equals(item.getString("participantId"))
                        || "AGENT".equalsIgnoreCase(item.getString("role")))) {
                    chat.joinedSeenByContact();
                }
                onItem(chat.atContact, frame.getJsonObject("item"), Direction.AGENT_TO_CONTACT, received);
            }
            case "error" -> countError(frame);
            default -> { }
        }
    }

    /** A socket the server closed while the run still used it (the generator's own closes at the end not counted). */
    private void socketClosed(io.vertx.core.http.WebSocket ws) {
        if (!closing) {
            closedSockets.incrementAndGet();
            System.err.printf("a socket was closed by the server: %s %s%n", ws.closeStatusCode(), ws.closeReason());
        }
    }

    private void countError(JsonObject frame) {
        if (errorsPrinted.getAndIncrement() < MAX_ERRORS_PRINTED) {
            System.err.println("error frame: " + frame.encode());
        }
        StepStats step = current;
        (step == null ? errorFramesOutsideSteps : step.errorFrames).incrementAndGet();
    }

    /** A timeline item on a socket: seq continuity, and for the other side's benchmark messages the verdict. */
    private void onItem(BenchChat.Received seen, JsonObject item, Direction expected, long received) {
        if (item == null) {
            return;
        }
        if (seen.seqBroken(item.getLong("seq", 0L))) {
            StepStats step = current;
            (step == null ? seqBreaksOutsideSteps : step.seqBreaks).incrementAndGet();
        }
        String text = item.getString("text");
        if (!"MESSAGE".equals(item.getString("kind")) || text == null || !text.startsWith(TEXT_PREFIX)) {
            return;
        }
        // bench <step> <m|w> <direction> <counter> <due>
        String[] parts = text.split(" ");
        Direction direction = Direction.of(parts[3].charAt(0));
        if (direction != expected) {
            return; // one's own message, echoed to one's socket
        }
        StepStats step = steps.get(Integer.parseInt(parts[1]));
        BenchChat.Verdict verdict = seen.message(Integer.parseInt(parts[4]));
        step.delivered(direction, "m".equals(parts[2]), base + Long.parseLong(parts[5]), received, verdict);
    }

    // --- end ----------------------------------------------------------------------------------------------------

    List<StepStats> steps() {
        return steps;
    }

    long errorFramesOutsideSteps() {
        return errorFramesOutsideSteps.get();
    }

    long seqBreaksOutsideSteps() {
        return seqBreaksOutsideSteps.get();
    }

    long closedSockets() {
        return closedSockets.get();
    }

    int chatCount() {
        return chats.size();
    }

    String queue() {
        return queue;
    }

    /** Leaves the run's agents NOT_READY (they keep their chats), so a running stack offers them nothing more. */
    void close() {
        current = null;
        closing = true;
        for (BenchAgent agent : agents) {
            try {
                rest.call("PUT", routingUrl() + "/api/routing/agents/me/state", agent.token,
                        new JsonObject().put("state", "NOT_READY").put("reason", "benchmark over"));
            } catch (RuntimeException e) {
                // the stack may already be going away
            }
        }
        chats.forEach(c -> {
            if (c.contactSocket != null) {
                c.contactSocket.close();
            }
        });
        agents.forEach(a -> a.socket.close());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
