package io.switchboard.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What one run of the chat benchmark does; every option has a default, so {@code ./switchboard bench chat} alone
 * starts a stack and runs the standard sweep.
 *
 * @param rates           offered message rates (messages/s, both directions together), one step each
 * @param seconds         measured seconds per step
 * @param warmupSeconds   seconds sent before each step's measurement, excluded from its figures
 * @param drainSeconds    how long after a step the generator waits for late messages before counting them lost
 * @param chats           chats that carry the messages (one contact socket each)
 * @param agents          agents (one socket each) the chats are spread over
 * @param capacity        routing capacity of each agent (1..50)
 * @param requestRates    chat requests/s for the request→offer steps (empty: none)
 * @param requestSeconds  seconds per request→offer step
 * @param floorSeconds    seconds per floor measurement (Kafka round trip, WebSocket echo) per rate
 * @param sessionInstances session-service instances (2: contacts and agents connect directly to either)
 * @param sessionCpu      cores each session-service instance may use (0: no limit); a limit makes every instance a
 *                        machine of its own on this shared box, so one against two instances shows the scale-out
 * @param throughGateway  sockets and REST through the gateway (the one origin) instead of directly
 * @param gatewayUrl      use the running stack at these URLs instead of starting one (empty: start one)
 * @param routingUrl      routing-service of the running stack (direct)
 * @param sessionUrls     session-service instance(s) of the running stack (direct)
 * @param kafka           bootstrap servers for the Kafka floor (running stack; a started one knows its own)
 * @param topicPrefix     topic prefix of the running stack (the floor uses its own topic under it)
 * @param output          folder of the JSON result
 * @param jwtIssuer       issuer of the agent tokens the generator mints
 * @param jwtKey          PEM private key the generator signs agent tokens with (empty: the development key)
 * @param readyTimeout    how long a started stack may take to become ready (a busy machine starts slowly)
 * @param settleSeconds   longest wait, before each message step and at the end, for a backlog the drain left
 * @param jitWarmupSeconds seconds of chat requests sent once before the first request step, and of messages before
 *                        the first message step, not measured: the seven JVMs of a started stack compile their hot
 *                        paths then, not inside the first step
 */
public record BenchOptions(List<Integer> rates, int seconds, int warmupSeconds, int drainSeconds, int chats,
                           int agents, int capacity, List<Integer> requestRates, int requestSeconds,
                           int floorSeconds, int sessionInstances, double sessionCpu, boolean throughGateway,
                           Optional<String> gatewayUrl, Optional<String> routingUrl, List<String> sessionUrls,
                           Optional<String> kafka, String topicPrefix, Path output, String jwtIssuer,
                           Optional<Path> jwtKey, java.time.Duration readyTimeout, int settleSeconds,
                           int jitWarmupSeconds) {

    static final String DEFAULT_ISSUER = "https://switchboard.dev/local-idp";
    /** The JIT warm-up sends at the first step's rate, at most this: a warm-up must not itself saturate the box. */
    static final int JIT_WARMUP_MAX_RATE = 100;
    /**
     * Chat requests per second of the JIT warm-up at most: a warm-up must not itself pile up a backlog for the first
     * step, and on two cores the request path is full near 10/s (docs/performance.md, 2026-12-02).
     */
    static final int JIT_WARMUP_MAX_REQUEST_RATE = 10;

    public static final String USAGE = """
            ./switchboard bench chat [options]      the end-to-end chat benchmark (docs/performance.md)
              --rates 50,100,150,200     offered messages/s (both directions together), one step each
              --seconds 30               measured seconds per step      --warmup 5   --drain 10
              --chats 40 --agents 4 --capacity 50
              --request-rates 10,50      chat requests/s for the request->offer steps (none: --request-rates "")
              --request-seconds 20       --floor-seconds 10
              --session-instances 1|2    2: contacts and agents connect directly to either instance
              --session-cpu 0.25         cores each session-service instance may use (a cgroup CPU quota; needs
                                         root or a delegated cgroup): one vs two limited instances shows the
                                         scale-out the shared cores hide
              --through-gateway | --direct   (default: through the gateway with 1 instance, direct with 2)
              --gateway URL --routing URL --session URL[,URL]  use a running stack instead of starting one
              --kafka HOST:PORT --topic-prefix P   its Kafka (for the floor) and topic prefix
              --jwt-issuer ISS --jwt-key private.pem   how to mint agent tokens for a non-local stack
              --output DIR               where the JSON goes (default benchmarks/target/bench)
              --ready-timeout 300        seconds a started stack may take to become ready
              --settle 120               longest wait for a backlog before the next step and at the end (stops
                                         early when all arrived or nothing arrived for 10 s)
              --jit-warmup 60            seconds of chat requests (first request rate, at most 10/s) before the
                                         first request step and of messages (first rate, at most 100/s) before
                                         the first message step, not measured: cold JITs are not the system's
                                         speed (0: none)
            """;

    public static BenchOptions parse(String[] args, Path defaultOutput) {
        List<Integer> rates = List.of(50, 100, 150, 200);
        int seconds = 30;
        int warmup = 5;
        int drain = 10;
        int chats = 40;
        int agents = 4;
        int capacity = 50;
        List<Integer> requestRates = List.of(10, 50);
        int requestSeconds = 20;
        int floorSeconds = 10;
        int instances = 1;
        double sessionCpu = 0;
        Boolean gateway = null;
        String gatewayUrl = null;
        String routingUrl = null;
        List<String> sessionUrls = List.of();
        String kafka = null;
        String prefix = "";
        Path output = defaultOutput;
        String issuer = DEFAULT_ISSUER;
        Path key = null;
        int readySeconds = 300;
        int settle = 120;
        int jitWarmup = 60;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--through-gateway" -> gateway = true;
                case "--direct" -> gateway = false;
                case "-h", "--help" -> throw new IllegalArgumentException("");
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("unknown option or missing value: " + arg);
                    }
                    String value = args[++i];
                    switch (arg) {
                        case "--rates" -> rates = numbers(value);
                        case "--seconds" -> seconds = Integer.parseInt(value);
                        case "--warmup" -> warmup = Integer.parseInt(value);
                        case "--drain" -> drain = Integer.parseInt(value);
                        case "--chats" -> chats = Integer.parseInt(value);
                        case "--agents" -> agents = Integer.parseInt(value);
                        case "--capacity" -> capacity = Integer.parseInt(value);
                        case "--request-rates" -> requestRates = numbers(value);
                        case "--request-seconds" -> requestSeconds = Integer.parseInt(value);
                        case "--floor-seconds" -> floorSeconds = Integer.parseInt(value);
                        case "--session-instances" -> instances = Integer.parseInt(value);
                        case "--session-cpu" -> sessionCpu = Double.parseDouble(value);
                        case "--gateway" -> gatewayUrl = value;
                        case "--routing" -> routingUrl = value;
                        case "--session" -> sessionUrls = List.of(value.split(","));
                        case "--kafka" -> kafka = value;
                        case "--topic-prefix" -> prefix = value;
                        case "--output" -> output = Path.of(value);
                        case "--jwt-issuer" -> issuer = value;
                        case "--jwt-key" -> key = Path.of(value);
                        case "--ready-timeout" -> readySeconds = Integer.parseInt(value);
                        case "--settle" -> settle = Integer.parseInt(value);
                        case "--jit-warmup" -> jitWarmup = Integer.parseInt(value);
                        default -> throw new IllegalArgumentException("unknown option: " + arg);
                    }
                }
            }
        }
        if (gatewayUrl != null) {
            if (routingUrl == null || sessionUrls.isEmpty() || kafka == null) {
                throw new IllegalArgumentException("a running stack needs --gateway, --routing, --session and --kafka");
            }
            instances = sessionUrls.size();
        }
        if (chats < 1 || agents < 1 || capacity < 1 || instances < 1 || seconds < 1) {
            throw new IllegalArgumentException("--chats, --agents, --capacity, --session-instances, --seconds must be >= 1");
        }
        if ((long) agents * capacity < chats) {
            throw new IllegalArgumentException("agents x capacity must hold every chat: " + agents + " x " + capacity
                    + " < " + chats);
        }
        if (sessionCpu < 0 || sessionCpu > Runtime.getRuntime().availableProcessors()) {
            throw new IllegalArgumentException("--session-cpu must be between 0 (no limit) and the machine's "
                    + Runtime.getRuntime().availableProcessors() + " cores: " + sessionCpu);
        }
        boolean viaGateway = gateway == null ? instances == 1 : gateway;
        if (viaGateway && instances > 1) {
            throw new IllegalArgumentException("the gateway knows one session-service: use --direct with "
                    + instances + " instances");
        }
        return new BenchOptions(rates, seconds, warmup, drain, chats, agents, capacity, requestRates, requestSeconds,
                floorSeconds, instances, sessionCpu, viaGateway, Optional.ofNullable(gatewayUrl),
                Optional.ofNullable(routingUrl), sessionUrls, Optional.ofNullable(kafka), prefix, output, issuer,
                Optional.ofNullable(key), java.time.Duration.ofSeconds(readySeconds), settle, jitWarmup);
    }

    /** The rate of the JIT warm-up (0: none). */
    public int jitWarmupRate() {
        return jitWarmupSeconds <= 0 || rates.isEmpty() ? 0 : Math.min(rates.get(0), JIT_WARMUP_MAX_RATE);
    }

    /** The rate of the request path's JIT warm-up (0: none). */
    public int jitWarmupRequestRate() {
        return jitWarmupSeconds <= 0 || requestRates.isEmpty() ? 0
                : Math.min(requestRates.get(0), JIT_WARMUP_MAX_REQUEST_RATE);
    }

    public boolean startsStack() {
        return gatewayUrl.isEmpty();
    }

    private static List<Integer> numbers(String csv) {
        List<Integer> list = new ArrayList<>();
        Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::parseInt)
                .forEach(list::add);
        return List.copyOf(list);
    }
}
