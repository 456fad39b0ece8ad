package io.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The one origin holds many sockets and a burst of handshakes at once: every socket opens and echoes through its
 * own tunnel, none waits for another to close, and afterwards new sockets still open (issue "Staying power").
 */
@QuarkusTest
@WithTestResource(TestOrigin.class)
class WebSocketCapacityTest {

    private static final int HELD = 2_000;
    /** Opened together while the others are held: the burst of concurrent handshakes. */
    private static final int BURST = 1_000;
    /** The held sockets are opened in waves of this size, gentler than the burst that follows. */
    private static final int WAVE = 250;

    @Test
    void thousandsOfSocketsAndABurstOfHandshakesAllOpenAndEcho() throws Exception {
        List<TestSockets.Open> held = new ArrayList<>();
        for (int wave = 0; wave < HELD / WAVE; wave++) {
            held.addAll(openAll(WAVE, "/ws/agent?held=" + wave));
        }
        List<TestSockets.Open> burst = openAll(BURST, "/ws/contact/burst");

        List<TestSockets.Open> all = new ArrayList<>(held);
        all.addAll(burst);
        assertThat(all).hasSize(HELD + BURST);
        for (int i = 0; i < all.size(); i++) {
            all.get(i).greetedAndEchoes("{\"type\":\"typing\",\"n\":" + i + "}");
        }
        for (TestSockets.Open socket : all) {
            socket.close();
        }

        TestSockets.Open after = TestSockets.openNow("/ws/agent");
        after.greetedAndEchoes("still here");
        after.close();
    }

    /** Starts every handshake before waiting for any: each must be answered with an open socket. */
    private static List<TestSockets.Open> openAll(int count, String path) throws Exception {
        List<CompletableFuture<TestSockets.Open>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pending.add(TestSockets.open(path));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .get(TestSockets.WAIT_SECONDS, TimeUnit.SECONDS);
        return pending.stream().map(CompletableFuture::join).toList();
    }
}
