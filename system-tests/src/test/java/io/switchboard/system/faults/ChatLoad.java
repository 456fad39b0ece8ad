package io.switchboard.system.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A steady stream of chats: {@code chatsInFlight} players, each starting a new chat when its last one is done. */
final class ChatLoad {

    private final LoadSettings settings;
    private final ChatScenario scenario;
    private final AtomicInteger numbers = new AtomicInteger();
    private final List<Thread> players = new ArrayList<>();
    private volatile boolean stopping;

    ChatLoad(LoadSettings settings, ChatScenario scenario) {
        this.settings = settings;
        this.scenario = scenario;
    }

    void start() {
        for (int i = 0; i < settings.chatsInFlight(); i++) {
            Thread player = new Thread(this::play, "chat-player-" + i);
            player.setDaemon(true);
            players.add(player);
            player.start();
        }
    }

    private void play() {
        while (!stopping && !Thread.currentThread().isInterrupted()) {
            scenario.run(numbers.incrementAndGet());
        }
    }

    /** No new chats; the ones in flight are played to the end (or until {@code patience} is over). */
    void stopAndDrain(Duration patience) throws InterruptedException {
        stopping = true;
        long deadline = System.nanoTime() + patience.toNanos();
        for (Thread player : players) {
            player.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        players.forEach(Thread::interrupt);
    }

    int chatsStarted() {
        return numbers.get();
    }
}
