package io.switchboard.routing.stats;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.Events;
import io.switchboard.events.QueueStats;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.routing.agent.AgentDirectory;
import io.switchboard.routing.agent.AgentView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The supervisors' live board, pushed over {@code /ws/routing/board} instead of polled: every queue's figures, every
 * agent with their state and since when, and the chart of the last hour. While at least one supervisor of this
 * replica watches, the board is computed once per {@code live-interval} for all of them (not once per supervisor) and
 * pushed only when it changed; with nobody watching nothing is computed. Every replica reads the same database, so a
 * supervisor sees the same board whichever replica holds the socket.
 */
@ApplicationScoped
public class LiveBoard {

    /** The pushed frame (docs/api.md, "Supervisor live board"). */
    public record Frame(String type, List<QueueStats> queues, List<AgentView> agents,
                        Map<String, List<MinuteSamples.Point>> chart, Instant at) {
    }

    private final QueueFigures figures;
    private final MinuteSamples samples;
    private final AgentDirectory agents;
    private final Transactions tx;
    private final Set<WebSocketConnection> watchers = ConcurrentHashMap.newKeySet();
    /** The content last pushed, without its time, to push only changes. */
    private volatile String lastContent;
    private volatile String lastFrame;

    public LiveBoard(QueueFigures figures, MinuteSamples samples, AgentDirectory agents, Transactions tx) {
        this.figures = figures;
        this.samples = samples;
        this.agents = agents;
        this.tx = tx;
    }

    /** A new watcher gets the current board at once, then every change. */
    public Uni<Void> watch(WebSocketConnection connection) {
        watchers.add(connection);
        String current = lastFrame;
        if (current != null) {
            return send(connection, current);
        }
        return compute().chain(frame -> send(connection, json(frame)))
                .onFailure().invoke(e -> Log.debugf("board not computed for a new watcher: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    public void unwatch(WebSocketConnection connection) {
        watchers.remove(connection);
        if (watchers.isEmpty()) {
            lastContent = null;
            lastFrame = null;
        }
    }

    @Scheduled(every = "${switchboard.routing.stats.live-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refresh() {
        if (watchers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return compute().invoke(frame -> {
                    String content = json(new Frame(frame.type(), frame.queues(), frame.agents(), frame.chart(), null));
                    if (content.equals(lastContent)) {
                        return;
                    }
                    lastContent = content;
                    lastFrame = json(frame);
                    watchers.forEach(connection -> send(connection, lastFrame).subscribe().with(ok -> { }));
                })
                // The database is away: supervisors keep the last board, whose time shows how old it is.
                .onFailure().invoke(e -> Log.debugf("live board not computed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Frame> compute() {
        Instant now = Instant.now();
        return tx.read(() -> figures.compute().chain(queues -> agents.list().chain(list -> samples.lastWindow(now)
                .map(chart -> new Frame("board", queues.stream().map(LiveBoard::timeless).toList(), list, chart,
                        now)))));
    }

    /** The board's time is the frame's; per-queue times would make every board differ from the last. */
    private static QueueStats timeless(QueueStats q) {
        return new QueueStats(q.queue(), q.waiting(), q.longestWaitSeconds(), q.agentsReady(), q.agentsBusy(),
                q.agentsNotReady(), q.offered(), q.accepted(), q.abandoned(), q.serviceLevel(), q.windowSeconds(),
                null);
    }

    private static Uni<Void> send(WebSocketConnection connection, String frame) {
        if (!connection.isOpen()) {
            return Uni.createFrom().voidItem();
        }
        return connection.sendText(frame).onFailure().recoverWithNull().replaceWithVoid();
    }

    private static String json(Frame frame) {
        try {
            return Events.json().writeValueAsString(frame);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
