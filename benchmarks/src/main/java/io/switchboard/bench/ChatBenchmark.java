package io.switchboard.bench;

import io.switchboard.stack.StackHome;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./switchboard bench chat}: the end-to-end chat benchmark. One light JVM (this one) is the load generator:
 * contacts and agents on real WebSockets, messages both ways at fixed offered rates (open model), chat requests at
 * fixed rates for request→offer, and in the same run the floors (Kafka round trip, WebSocket echo). Prints a table
 * and writes the JSON described in docs/performance.md, ending with issue 11's targets met, missed or not measured
 * (a speed verdict only: it does not change the exit status). Exit status 1 when anything was lost, duplicated or
 * reordered (a fast run that loses a message is a failed run), 2 on bad options.
 */
public final class ChatBenchmark {

    private static final int EVENT_LOOPS = 2;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private ChatBenchmark() {
    }

    public static void main(String[] args) {
        Path root = StackHome.locate().root();
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, root.resolve("benchmarks/target/bench"));
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        Result result = run(options, root);
        System.out.println("results: " + result.file());
        System.exit(result.clean() ? 0 : 1);
    }

    /** The outcome of a run: the JSON written, and whether nothing was lost, duplicated or reordered. */
    public record Result(Path file, JsonObject json) {
        public boolean clean() {
            JsonObject totals = json.getJsonObject("totals");
            return totals.getLong("lost") == 0 && totals.getLong("duplicated") == 0
                    && totals.getLong("outOfOrder") == 0 && totals.getLong("seqBreaks") == 0;
        }
    }

    public static Result run(BenchOptions options, Path root) {
        long base = System.nanoTime();
        Instant started = Instant.now();
        String runTag = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(EVENT_LOOPS));
        try (SystemUnderTest system = SystemUnderTest.open(options, root);
             CpuQuota limits = CpuQuota.limitEach(system.sessionPids(), options.sessionCpu())) {
            Sockets sockets = new Sockets(vertx);
            BenchTokens tokens = BenchTokens.of(options.jwtIssuer(), options.jwtKey().orElse(root.resolve(BenchTokens.DEV_KEY)));
            CpuMeter cpu = new CpuMeter(system.pids());
            HeapMeter heap = new HeapMeter(system.pids());
            Report report = new Report(header(options, system, root, started));
            System.out.printf(
                    "chat benchmark %s: %s, %d session instance(s)%s, %d chats over %d agents; processes %s%n", runTag,
                    options.throughGateway() ? "through the gateway " + system.gatewayUrl()
                            : "direct to " + system.sessionUrls(), system.sessionUrls().size(),
                    options.sessionCpu() > 0
                            ? String.format(Locale.ROOT, " limited to %.2f core each", options.sessionCpu()) : "",
                    options.chats(), options.agents(), system.pids());
            ChatRun run = new ChatRun(options, system, new Rest(), sockets, tokens, runTag, base);
            try (Floors floors = new Floors(vertx, sockets, system.kafka(), system.topicPrefix(), runTag,
                    options.chats(), base)) {
                run.createAgents();
                run.warmUpRouting();
                if (options.jitWarmupRequestRate() > 0) {
                    System.out.printf("JIT warm-up of the request path: %d s at %d requests/s, not measured%n",
                            options.jitWarmupSeconds(), options.jitWarmupRequestRate());
                    run.requestToOffer(options.jitWarmupRequestRate(), options.jitWarmupSeconds(), cpu);
                }
                for (int rate : options.requestRates()) {
                    Latency kafka = floors.kafka(rate, Math.min(options.floorSeconds(), options.requestSeconds()));
                    ChatRun.RequestStepResult step = run.requestToOffer(rate, options.requestSeconds(), cpu);
                    report.requestStep(step.figures(), kafka, step.cpuMs());
                }
                Map<String, Object> heapBefore = heap.liveBytes();
                run.openChats();
                System.out.printf("%d chats live%n", run.chatCount());
                JsonObject memory = HeapMeter.perChat(heapBefore, heap.liveBytes(), run.chatCount());
                report.json().put("memory", memory);
                System.out.println(HeapMeter.describe(memory));
                if (options.jitWarmupRate() > 0) {
                    System.out.printf("JIT warm-up: %d s at %d/s, not measured%n", options.jitWarmupSeconds(),
                            options.jitWarmupRate());
                    run.warmUp(options.jitWarmupRate(), options.jitWarmupSeconds(), cpu);
                }
                for (int rate : options.rates()) {
                    settle(run, options, "before the " + rate + "/s step");
                    Latency kafka = floors.kafka(rate, options.floorSeconds());
                    Latency echo = floors.echo(rate, options.floorSeconds());
                    ChatRun.StepResult step = run.messages(rate, cpu);
                    report.messageStep(step.stats(), options.seconds(), kafka, echo, step.cpuMs());
                }
                report.json().put("settledAtEnd", settle(run, options, "at the end"));
            } finally {
                run.close();
            }
            JsonObject totals = totals(run);
            report.json().put("totals", totals).put("finishedAt", Instant.now().toString())
                    .getJsonObject("machine").put("loadAverageAtEnd", loadAverage());
            System.out.println("totals: " + totals.encode());
            report.targets();
            Path file = report.write(options.output(), "chat-" + FILE_TIME.format(started) + "-" + runTag + ".json");
            return new Result(file, report.json());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
    }

    /** Waits for a backlog left by the steps so far (bounded by --settle) and says what it found. */
    private static JsonObject settle(ChatRun run, BenchOptions options, String when) {
        JsonObject settled = run.settle(options.settleSeconds());
        if (settled.getLong("outstandingBefore") > 0) {
            System.out.printf("backlog %s: %d messages still on their way, %d after %.1f s%n", when,
                    settled.getLong("outstandingBefore"), settled.getLong("outstandingAfter"),
                    settled.getDouble("waitedSeconds"));
        }
        return settled;
    }

    /** Counted at the very end, so a message that came after its step's drain is delivered, not lost. */
    private static JsonObject totals(ChatRun run) {
        long sent = 0;
        long delivered = 0;
        long lost = 0;
        long duplicated = 0;
        long outOfOrder = 0;
        long seqBreaks = run.seqBreaksOutsideSteps();
        long errors = run.errorFramesOutsideSteps();
        for (StepStats step : run.steps()) {
            sent += step.total(d -> d.sent.get());
            delivered += step.total(d -> d.delivered.get());
            lost += step.total(StepStats.PerDirection::lost);
            duplicated += step.total(d -> d.duplicated.get());
            outOfOrder += step.total(d -> d.outOfOrder.get());
            seqBreaks += step.seqBreaks.get();
            errors += step.errorFrames.get();
        }
        return new JsonObject().put("sent", sent).put("delivered", delivered).put("lost", lost)
                .put("duplicated", duplicated).put("outOfOrder", outOfOrder).put("seqBreaks", seqBreaks)
                .put("errorFrames", errors).put("socketsClosedByServer", run.closedSockets())
                .put("lateOffers", run.lateOffers());
    }

    private static JsonObject header(BenchOptions options, SystemUnderTest system, Path root, Instant started) {
        JsonObject opts = new JsonObject().put("rates", new JsonArray(options.rates())).put("seconds", options.seconds())
                .put("warmupSeconds", options.warmupSeconds())
                .put("jitWarmupSeconds", options.jitWarmupSeconds()).put("drainSeconds", options.drainSeconds())
                .put("chats", options.chats()).put("agents", options.agents()).put("capacity", options.capacity())
                .put("requestRates", new JsonArray(options.requestRates()))
                .put("requestSeconds", options.requestSeconds()).put("floorSeconds", options.floorSeconds())
                .put("sessionInstances", system.sessionUrls().size()).put("sessionCpu", options.sessionCpu())
                .put("throughGateway", options.throughGateway())
                .put("startedStack", options.startsStack());
        JsonObject machine = new JsonObject().put("cpus", Runtime.getRuntime().availableProcessors())
                .put("loadAverageAtStart", loadAverage());
        JsonObject processes = new JsonObject();
        system.pids().forEach(processes::put);
        return new JsonObject().put("benchmark", "chat").put("startedAt", started.toString())
                .put("commit", git(root)).put("machine", machine).put("options", opts)
                .put("system", new JsonObject().put("gatewayUrl", system.gatewayUrl())
                        .put("routingUrl", system.routingUrl()).put("sessionUrls", new JsonArray(system.sessionUrls()))
                        .put("kafka", system.kafka()).put("processes", processes));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return null;
        }
    }

    private static String git(Path root) {
        try {
            Process git = new ProcessBuilder("git", "-C", root.toString(), "describe", "--always", "--dirty")
                    .redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
