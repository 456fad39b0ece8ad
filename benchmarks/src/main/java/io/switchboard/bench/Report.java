package io.switchboard.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The readable table on stdout and the JSON document of a run (fields in docs/performance.md). */
final class Report {

    private static final double[] PERCENTILES = {50, 95, 99};
    private static final String[] NAMES = {"p50", "p95", "p99"};
    /** Above this share of the JVMs' CPU on their compiler threads, a step measured compilation as much as work. */
    private static final double WARM_JIT_SHARE = 0.05;

    private final JsonObject json;
    private final JsonArray requestSteps = new JsonArray();
    private final JsonArray messageSteps = new JsonArray();

    Report(JsonObject header) {
        json = header.copy().put("requestToOffer", requestSteps).put("messages", messageSteps);
    }

    /** Floor of a message: Kafka round trip + WebSocket echo, percentile by percentile. */
    static JsonObject floorSum(Latency kafka, Latency echo) {
        JsonObject sum = new JsonObject();
        for (int i = 0; i < PERCENTILES.length; i++) {
            sum.put(NAMES[i], Latency.round(kafka.percentileMs(PERCENTILES[i]) + echo.percentileMs(PERCENTILES[i])));
        }
        return sum.put("max", Latency.round(kafka.maxMs() + echo.maxMs()));
    }

    static JsonObject ratio(JsonObject figure, JsonObject floor) {
        JsonObject ratio = new JsonObject();
        for (String name : new String[] {"p50", "p95", "p99", "max"}) {
            Double value = figure.getDouble(name);
            Double base = floor.getDouble(name);
            ratio.put(name, value == null || base == null || base == 0 ? null : Math.round(value / base * 10) / 10.0);
        }
        return ratio;
    }

    void requestStep(JsonObject result, Latency kafkaFloor, Map<String, Double> cpuMs) {
        JsonObject floor = kafkaFloor.json();
        putCpu(result, cpuMs, result.getLong("measuredRequests"), result.getInteger("seconds"), "cpuMsPerRequest");
        result.put("floor", new JsonObject().put("kafka", floor))
                .put("ratioToFloor", ratio(result.getJsonObject("requestToOffer"), floor));
        requestSteps.add(result);
        JsonObject l = result.getJsonObject("requestToOffer");
        System.out.printf(Locale.ROOT, "request->offer %4d req/s: offered %d/%d (no offer %d, failed %d)  p50 %s p95 %s "
                        + "p99 %s max %s ms | Kafka floor p50 %s p99 %s ms | ratio p50 x%s p99 x%s%n",
                result.getInteger("requestsPerSecond"), result.getLong("offered"), result.getLong("requests"),
                result.getLong("noOffer"), result.getLong("failed"), l.getValue("p50"), l.getValue("p95"),
                l.getValue("p99"), l.getValue("max"), floor.getValue("p50"), floor.getValue("p99"),
                result.getJsonObject("ratioToFloor").getValue("p50"), result.getJsonObject("ratioToFloor").getValue("p99"));
        printCpu(result, "cpuMsPerRequest", "request");
    }

    void messageStep(StepStats stats, int seconds, Latency kafka, Latency echo, Map<String, Double> cpuMs) {
        JsonObject step = stats.json(seconds);
        JsonObject sum = floorSum(kafka, echo);
        step.put("floor", new JsonObject().put("kafka", kafka.json()).put("webSocketEcho", echo.json()).put("sum", sum));
        step.put("ratioToFloor", new JsonObject()
                .put("contactToAgent", ratio(step.getJsonObject("contactToAgent"), sum))
                .put("agentToContact", ratio(step.getJsonObject("agentToContact"), sum)));
        putCpu(step, cpuMs, (long) stats.rate * seconds, seconds, "cpuMsPerMessage");
        messageSteps.add(step);
        printStep(step);
    }

    /**
     * CPU of the measured window per process: in total ({@code cpuMs}), per unit of work ({@code perUnitKey}: per
     * message, per request) and in cores.
     */
    private static void putCpu(JsonObject step, Map<String, Double> cpuMs, long units, int seconds,
                               String perUnitKey) {
        JsonObject cpu = new JsonObject();
        JsonObject perUnit = new JsonObject();
        JsonObject cores = new JsonObject();
        cpuMs.forEach((name, ms) -> {
            cpu.put(name, Math.round(ms));
            perUnit.put(name, units == 0 ? null : Math.round(ms / units * 1000) / 1000.0);
            cores.put(name, Math.round(ms / (seconds * 1000.0) * 100) / 100.0);
        });
        step.put("cpuMs", cpu).put(perUnitKey, perUnit).put("cpuCores", cores);
        Double compilers = cpuMs.get(CpuMeter.JIT_COMPILERS);
        double jvms = cpuMs.entrySet().stream().filter(e -> !CpuMeter.JIT_COMPILERS.equals(e.getKey())
                && !ProcessFinder.POSTGRESQL.equals(e.getKey())).mapToDouble(Map.Entry::getValue).sum();
        if (compilers != null && jvms > 0) {
            step.put("jitCompilerShare", Math.round(compilers / jvms * 1000) / 1000.0);
        }
    }

    private static void printCpu(JsonObject step, String perUnitKey, String unit) {
        StringBuilder cpu = new StringBuilder("  CPU ms/" + unit + ":");
        step.getJsonObject(perUnitKey).forEach(e -> cpu.append(' ').append(e.getKey()).append(' ').append(e.getValue()));
        StringBuilder cores = new StringBuilder("  CPU cores:");
        step.getJsonObject("cpuCores").forEach(e -> cores.append(' ').append(e.getKey()).append(' ').append(e.getValue()));
        System.out.println(cpu);
        System.out.println(cores);
        Object share = step.getValue("jitCompilerShare");
        if (share != null) {
            System.out.println("  JIT compilers: " + share + " of the JVMs' CPU in this step"
                    + ((Double) share > WARM_JIT_SHARE ? " (not warm: a longer --jit-warmup measures the stack)" : ""));
        }
    }

    private static void printStep(JsonObject s) {
        JsonObject c2a = s.getJsonObject("contactToAgent");
        JsonObject a2c = s.getJsonObject("agentToContact");
        JsonObject floor = s.getJsonObject("floor");
        JsonObject r = s.getJsonObject("ratioToFloor");
        System.out.printf(Locale.ROOT, "messages %5d/s offered, %7.1f/s achieved | lost %d dup %d out-of-order %d "
                        + "seq breaks %d errors %d%n", s.getInteger("offeredPerSecond"), s.getDouble("achievedPerSecond"),
                s.getLong("lost"), s.getLong("duplicated"), s.getLong("outOfOrder"), s.getLong("seqBreaks"),
                s.getLong("errorFrames"));
        System.out.printf(Locale.ROOT, "  contact->agent p50 %s p95 %s p99 %s max %s ms (x%s x%s x%s x%s of floor)%n",
                c2a.getValue("p50"), c2a.getValue("p95"), c2a.getValue("p99"), c2a.getValue("max"),
                r.getJsonObject("contactToAgent").getValue("p50"), r.getJsonObject("contactToAgent").getValue("p95"),
                r.getJsonObject("contactToAgent").getValue("p99"), r.getJsonObject("contactToAgent").getValue("max"));
        System.out.printf(Locale.ROOT, "  agent->contact p50 %s p95 %s p99 %s max %s ms (x%s x%s x%s x%s of floor)%n",
                a2c.getValue("p50"), a2c.getValue("p95"), a2c.getValue("p99"), a2c.getValue("max"),
                r.getJsonObject("agentToContact").getValue("p50"), r.getJsonObject("agentToContact").getValue("p95"),
                r.getJsonObject("agentToContact").getValue("p99"), r.getJsonObject("agentToContact").getValue("max"));
        System.out.printf(Locale.ROOT, "  floor: Kafka round trip p50 %s p99 %s ms, WebSocket echo p50 %s p99 %s ms%n",
                floor.getJsonObject("kafka").getValue("p50"), floor.getJsonObject("kafka").getValue("p99"),
                floor.getJsonObject("webSocketEcho").getValue("p50"), floor.getJsonObject("webSocketEcho").getValue("p99"));
        printCpu(s, "cpuMsPerMessage", "message");
    }

    /** Judges issue 11's targets on the steps so far: printed as a block and recorded as {@code targets}. */
    List<Verdict> targets() {
        List<Verdict> verdicts = Targets.judge(messageSteps, requestSteps);
        JsonArray targets = new JsonArray();
        System.out.println("targets (docs/performance.md \"Targets\"):");
        for (Verdict verdict : verdicts) {
            targets.add(verdict.json());
            System.out.println(verdict.line());
        }
        if (verdicts.stream().anyMatch(v -> v.status() == Verdict.Status.MISSED)) {
            // The CPU lines of each step above say where the time went; why and what would close a miss is there.
            System.out.println("  a missed target: where the CPU goes per message and per request, and what would close"
                    + " it: docs/performance.md, \"Where each target stands\"");
        }
        json.put("targets", targets);
        return verdicts;
    }

    JsonObject json() {
        return json;
    }

    Path write(Path folder, String name) {
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(name);
            Files.writeString(file, json.encodePrettily());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
