package io.switchboard.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.switchboard.events.EventEnvelope;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.TestDatabase;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Cost of the live consumer per record, not a test (nothing about speed is asserted): N events of whole chats are
 * published while the channel is paused, then it is resumed and the time and this JVM's CPU until every event id is
 * recorded in processed_event are printed. Outside the normal build; run with
 * {@code mvn -B -pl history-service -am verify -Dtest=ConsumerBenchmark -Dswitchboard.bench.consumer=true
 * -Dsurefire.failIfNoSpecifiedTests=false -DskipITs} (optionally {@code -Dswitchboard.bench.chats=200}).
 */
@QuarkusTest
@TestProfile(ConsumerBenchmark.Paused.class)
@EnabledIfSystemProperty(named = "switchboard.bench.consumer", matches = "true")
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "history"),
        @ResourceArg(name = "topics", value = "dlq.history-service")})
class ConsumerBenchmark {

    static final String CHANNEL = "history-events";
    static final int DEFAULT_CHATS = 200;
    static final long POLL_MS = 50;

    /** The channel starts paused, so that the whole backlog is there when it starts consuming. */
    public static class Paused implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming." + CHANNEL + ".pausable", "true",
                    "mp.messaging.incoming." + CHANNEL + ".initially-paused", "true");
        }
    }

    @Inject
    ChannelRegistry channels;

    @Test
    void drainABacklog() throws Exception {
        int chats = Integer.getInteger("switchboard.bench.chats", DEFAULT_CHATS);
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < chats; i++) {
            events.addAll(new ChatScenario().envelopes());
        }
        EventLog.publish(events);

        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Connection db = TestDatabase.connect()) {
            long cpuBefore = os.getProcessCpuTime();
            long start = System.nanoTime();
            channels.getPausable(CHANNEL).resume();
            while (processed(db) < events.size()) {
                Thread.sleep(POLL_MS);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMsPerRecord = (os.getProcessCpuTime() - cpuBefore) / 1e6 / events.size();
            System.out.printf("[consumer-benchmark] %d events (%d chats) drained in %.2f s: %.0f events/s, "
                    + "%.3f ms of service CPU per event%n", events.size(), chats, seconds, events.size() / seconds,
                    cpuMsPerRecord);
            assertThat(processed(db)).isEqualTo(events.size());
        }
    }

    private static long processed(Connection db) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery("select count(*) from processed_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
