package io.switchboard.session.ws;

import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The frames of one socket, one lane per chat: a chat's frames run one after the other in the order they arrived
 * (so a sender's messages keep their order and their seq follows it), frames of different chats run side by side.
 * An agent's socket carries all their chats; handled strictly one frame at a time it took one message transaction
 * per turn (about 60 messages a second per desk).
 *
 * <p>Each frame runs on a Vert.x context of its own: Hibernate Reactive keeps one session per context, and frames
 * running at the same time must not share (and close) one. At most {@code maxInFlight} frames of the socket are
 * admitted at once; the next one is accepted only when one finished, so a client that sends faster than its chats
 * commit is slowed down (websockets-next hands over a connection's next frame once the previous one was accepted).
 */
final class FrameLanes {

    private static final CompletableFuture<Void> IDLE = CompletableFuture.completedFuture(null);

    private final Vertx vertx;
    private final int maxInFlight;
    private final Runnable onIdle;
    /** The last frame of each lane with frames queued or running; guarded by this. */
    private final Map<String, CompletableFuture<Void>> tails = new HashMap<>();
    private int inFlight;
    /** Completed when a frame finishes while the socket is at its bound; guarded by this. */
    private CompletableFuture<Void> slot;

    /** @param onIdle called when the last frame queued or running finished */
    FrameLanes(Vertx vertx, int maxInFlight, Runnable onIdle) {
        this.vertx = vertx;
        this.maxInFlight = maxInFlight;
        this.onIdle = onIdle;
    }

    /**
     * Queues the frame's work behind the earlier frames of its lane. Completes once the socket may hand over its next
     * frame: at once below the bound, otherwise when a frame finishes. The work's own failures are its own: a frame's
     * work reports them to the client and completes.
     */
    Uni<Void> submit(String lane, Supplier<Uni<Void>> work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Void> previous;
        CompletableFuture<Void> admitted;
        synchronized (this) {
            previous = tails.getOrDefault(lane, IDLE);
            tails.put(lane, done);
            inFlight++;
            if (inFlight < maxInFlight) {
                admitted = IDLE;
            } else {
                slot = new CompletableFuture<>();
                admitted = slot;
            }
        }
        previous.whenComplete((ignored, failure) -> run(work, done));
        done.whenComplete((ignored, failure) -> finished(lane, done));
        return Uni.createFrom().completionStage(admitted);
    }

    /** Whether no frame is queued or running (the lanes of the socket can be forgotten). */
    synchronized boolean idle() {
        return inFlight == 0;
    }

    private void run(Supplier<Uni<Void>> work, CompletableFuture<Void> done) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> {
            try {
                work.get().subscribe().with(item -> done.complete(null), failure -> {
                    Log.errorf(failure, "frame failed");
                    done.complete(null);
                });
            } catch (RuntimeException e) {
                Log.errorf(e, "frame failed");
                done.complete(null);
            }
        });
    }

    private void finished(String lane, CompletableFuture<Void> done) {
        CompletableFuture<Void> freed = null;
        boolean nowIdle;
        synchronized (this) {
            tails.remove(lane, done);
            inFlight--;
            nowIdle = inFlight == 0;
            if (slot != null && inFlight < maxInFlight) {
                freed = slot;
                slot = null;
            }
        }
        if (freed != null) {
            freed.complete(null);
        }
        if (nowIdle) {
            onIdle.run();
        }
    }
}
