package io.switchboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.bench.BenchOptions;
import io.switchboard.bench.ChatBenchmark;
import io.switchboard.stack.ServiceApp;
import io.switchboard.stack.StackHome;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The chat benchmark works: a few seconds at a low rate against the system these tests started (its "running stack"
 * mode, as against {@code ./switchboard start}) end with figures in the JSON and nothing lost, duplicated or
 * reordered. It checks no speed: that is what the benchmark itself is for. The run has its own queue, skill and
 * agents, so the other tests' chats are not touched.
 */
@Order(3)
@ExtendWith(RunningSystem.class)
class ChatBenchmarkSmokeTest {

    @Test
    void aShortRunWritesItsFiguresAndLosesNothing(RunningSystem system) throws Exception {
        Path root = StackHome.locate().root();
        Path output = root.resolve("system-tests/target/bench-smoke");
        BenchOptions options = BenchOptions.parse(new String[] {
                "--gateway", system.gatewayUrl(), "--routing", system.baseUrl(ServiceApp.ROUTING),
                "--session", system.baseUrl(ServiceApp.SESSION), "--kafka", system.kafkaBootstrapServers(),
                "--topic-prefix", system.topicPrefix(),
                "--rates", "20", "--seconds", "3", "--warmup", "1", "--jit-warmup", "1", "--drain", "60",
                "--chats", "4", "--agents", "2", "--capacity", "10",
                "--request-rates", "5", "--request-seconds", "2", "--floor-seconds", "1",
                "--output", output.toString()}, output);

        ChatBenchmark.Result result = ChatBenchmark.run(options, root);

        assertThat(result.file()).exists();
        JsonObject json = new JsonObject(Files.readString(result.file()));
        JsonObject totals = json.getJsonObject("totals");
        assertThat(totals.getLong("sent")).as("messages sent").isPositive();
        assertThat(totals.getLong("delivered")).as("every message delivered").isEqualTo(totals.getLong("sent"));
        assertThat(totals.getLong("lost")).as("lost").isZero();
        assertThat(totals.getLong("duplicated")).as("duplicated").isZero();
        assertThat(totals.getLong("outOfOrder")).as("out of order").isZero();
        assertThat(totals.getLong("seqBreaks")).as("seq gaps").isZero();
        assertThat(totals.getLong("errorFrames")).as("refusals (rate limits included)").isZero();

        JsonObject step = json.getJsonArray("messages").getJsonObject(0);
        assertThat(step.getJsonObject("contactToAgent").getLong("count")).isPositive();
        assertThat(step.getJsonObject("agentToContact").getLong("count")).isPositive();
        assertThat(step.getJsonObject("floor").getJsonObject("kafka").getLong("count")).isPositive();
        assertThat(step.getJsonObject("floor").getJsonObject("webSocketEcho").getLong("count")).isPositive();
        assertThat(step.getJsonObject("cpuMs").fieldNames())
                .contains("session-service", "load generator", "postgresql (shared)");
        // what the JVMs spent compiling, so a reader can tell a cold step from a warm one
        assertThat(step.getDouble("jitCompilerShare")).as("JIT compilers' share of the JVMs' CPU").isBetween(0.0, 1.0);

        JsonObject requests = json.getJsonArray("requestToOffer").getJsonObject(0);
        assertThat(requests.getLong("failed")).as("chat requests refused").isZero();
        assertThat(requests.getLong("offered")).as("chat requests offered").isPositive();
        assertThat(requests.getJsonObject("cpuMsPerRequest").fieldNames()).as("CPU per request, per process")
                .contains("routing-service", "session-service", "load generator");

        // the capacity model's sockets per GiB: session-service's live heap read before and with the chats
        JsonObject sessionHeap = json.getJsonObject("memory").getJsonObject("session-service");
        assertThat(sessionHeap.getLong("beforeChatsBytes")).as("live heap before the chats").isPositive();
        assertThat(sessionHeap.getLong("withChatsBytes")).as("live heap with the chats").isPositive();

        // issue 11's verdict is there for every target; which one it is says the machine's speed, not the test's
        JsonArray targets = json.getJsonArray("targets");
        assertThat(targets.stream().map(t -> ((JsonObject) t).getString("name")))
                .containsExactlyInAnyOrder("messages", "routing", "low load");
        assertThat(targets.stream().map(t -> ((JsonObject) t).getString("status")))
                .allMatch(status -> List.of("met", "missed", "not measured").contains(status));
    }
}
