package io.switchboard.kit.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.switchboard.kit.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets for what anyone can call. Buckets live in this replica's memory: the limit holds per replica (with
 * N replicas behind a load balancer a key gets at most N times the rate), which is what stops a flood without a
 * shared store on every request; the memory is bounded by {@link LimitsConfig#maxKeys()} per rule.
 */
@ApplicationScoped
public class RateLimits {

    /** The outcome of one attempt. */
    public record Decision(boolean allowed, Duration retryAfter) {
    }

    private final LimitsConfig config;
    private final Map<String, Cache<String, Bucket>> buckets = new ConcurrentHashMap<>();

    public RateLimits(LimitsConfig config) {
        this.config = config;
    }

    public Decision tryTake(String rule, String key) {
        ConsumptionProbe probe = bucket(rule, key).tryConsumeAndReturnRemaining(1);
        return new Decision(probe.isConsumed(), Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Takes a token or refuses with a 429 problem that says when to try again. */
    public void check(String rule, String key) {
        Decision decision = tryTake(rule, key);
        if (!decision.allowed()) {
            throw Problems.tooManyRequests(rule, decision.retryAfter());
        }
    }

    private Bucket bucket(String rule, String key) {
        LimitsConfig.Rule limit = config.rules().get(rule);
        if (limit == null) {
            throw new IllegalArgumentException("no rate limit named " + rule + " (switchboard.limits.rules)");
        }
        return buckets.computeIfAbsent(rule, r -> Caffeine.newBuilder().maximumSize(config.maxKeys())
                        .expireAfterAccess(config.idleExpiry()).build())
                .get(key, k -> Bucket.builder().addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillGreedy(limit.refillTokens(), limit.refillPeriod()).build()).build());
    }
}
