package io.switchboard.routing.support;

import io.restassured.response.Response;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.RoutingOutcome;
import io.switchboard.stack.test.Tokens;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays a roster of agents at their desktops: every offer made to one of them is accepted over REST (spread over
 * the given service instances; an instance that does not answer, or answers 503, is asked again after the other)
 * and, right after, the chat is marked done (chat.completed) so the slot frees again.
 */
public class AgentSimulator implements AutoCloseable {

    private static final int WORKERS = 8;
    private static final long IDLE_PAUSE_MILLIS = 20;
    private static final long DRAIN_SECONDS = 30;
    private static final int CONFLICT = 409;
    private static final int UNAVAILABLE = 503;
    /** Times each instance is asked before an accept counts as refused. */
    private static final int ROUNDS = 3;

    private final RoutedRecords routed;
    private final List<RoutingApi> instances;
    private final SessionEvents session;
    private final Set<String> roster;
    private final Map<String, Boolean> handled = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    private final AtomicInteger next = new AtomicInteger();
    private final Queue<String> refused = new ConcurrentLinkedQueue<>();
    private final Thread watcher;
    private volatile boolean running = true;

    public AgentSimulator(RoutedRecords routed, List<RoutingApi> instances, SessionEvents session, Set<String> roster) {
        this.routed = routed;
        this.instances = instances;
        this.session = session;
        this.roster = roster;
        this.watcher = new Thread(this::watch, "agent-simulator");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Accept calls that were refused, each with its status and answer; none in a healthy run. */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    private void watch() {
        while (running) {
            boolean idle = true;
            for (RoutedRecords.Seen seen : routed.all()) {
                ChatRouted event = seen.event();
                if (event.outcome() == RoutingOutcome.OFFERED && roster.contains(event.agentId())
                        && handled.putIfAbsent(event.offerId(), true) == null) {
                    idle = false;
                    workers.submit(() -> acceptAndFinish(event));
                }
            }
            if (idle) {
                pause();
            }
        }
    }

    private void acceptAndFinish(ChatRouted offer) {
        String token = tokens.computeIfAbsent(offer.agentId(), Tokens::agent);
        int first = next.getAndIncrement();
        boolean unanswered = false;
        for (int i = 0; i < instances.size() * ROUNDS; i++) {
            RoutingApi api = instances.get(Math.floorMod(first + i, instances.size()));
            Response answer;
            try {
                answer = api.as(token).post("/api/routing/offers/" + offer.offerId() + "/accept");
            } catch (Exception instanceDown) { // RestAssured throws ConnectException unchecked
                unanswered = true;
                continue;
            }
            int status = answer.statusCode();
            if (status == UNAVAILABLE) {
                // "Try again" (a dependency was away): a desktop repeats it, and its outcome is not known.
                unanswered = true;
                pause();
                continue;
            }
            // After an attempt with no known outcome, "already accepted" means that attempt went through.
            if (status == 200 || unanswered && status == CONFLICT) {
                session.sendAsync(SessionEvents.completed(offer.chatId(), offer.agentId()));
            } else {
                refused.add(offer.offerId() + " " + status + " " + answer.asString());
            }
            return;
        }
        refused.add(offer.offerId() + " no instance answered");
    }

    private static void pause() {
        try {
            Thread.sleep(IDLE_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        watcher.join(TimeUnit.SECONDS.toMillis(5));
        workers.shutdown();
        workers.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS);
    }
}
