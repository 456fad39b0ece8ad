package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeapMeterTest {

    @Test
    void readsTheLiveHeapOfARealJvmWithJcmd() {
        // This test's own JVM stands for a session-service: jcmd attaches to it as it does to the services.
        HeapMeter heap = new HeapMeter(Map.of("session-service", ProcessHandle.current().pid(),
                "routing-service", ProcessHandle.current().pid()));

        Map<String, Object> live = heap.liveBytes();

        assertThat(live).containsOnlyKeys("session-service");
        assertThat(live.get("session-service")).isInstanceOf(Long.class);
        assertThat((Long) live.get("session-service")).isBetween(1L, Runtime.getRuntime().maxMemory());
    }

    @Test
    void givesTheHeapPerChatAndWhatAGibHolds() {
        JsonObject perChat = HeapMeter.perChat(Map.of("session-service", 30_000_000L),
                Map.of("session-service", 130_000_000L), 1_000);

        JsonObject session = perChat.getJsonObject("session-service");
        assertThat(session.getLong("perChatBytes")).isEqualTo(100_000L);
        assertThat(session.getLong("chatsPerGiB")).isEqualTo((1L << 30) / 100_000L);
        assertThat(HeapMeter.describe(perChat)).contains("30.0 MB before the chats, 130.0 MB with 1000 live",
                "100.0 KB per chat", "10,737 chats per GiB");
    }

    @Test
    void aHeapThatDidNotGrowGivesNoPerChatFigureAndAFailedReadSaysWhy() {
        JsonObject perChat = HeapMeter.perChat(Map.of("session-service", 30_000_000L, "gateway", "jcmd failed: x"),
                Map.of("session-service", 29_000_000L, "gateway", "jcmd failed: x"), 4);

        assertThat(perChat.getJsonObject("session-service").containsKey("perChatBytes")).isFalse();
        assertThat(perChat.getJsonObject("gateway").getString("error")).isEqualTo("jcmd failed: x");
        assertThat(HeapMeter.describe(perChat)).contains("gateway", "not measured: jcmd failed: x");
    }
}
