package io.switchboard.stack;

import io.switchboard.events.EventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/** Admin operations on any broker (embedded or external): readiness, topic creation, a run's clean-up. */
public final class KafkaTopics {

    /** Matches the broker's num.partitions, so created and auto-created topics look the same. */
    public static final int PARTITIONS = 3;
    private static final short REPLICATION_FACTOR = 1;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private KafkaTopics() {
    }

    /**
     * Creates every event topic of {@link EventType#topics()} plus {@code extraTopics} (e.g. dead-letter topics),
     * each with {@code prefix} in front. Topics that exist already are left alone.
     *
     * @return the full names of all the topics
     */
    public static List<String> createAll(String bootstrapServers, String prefix, Collection<String> extraTopics) {
        Set<String> names = new LinkedHashSet<>();
        EventType.topics().forEach(t -> names.add(prefix + t));
        extraTopics.forEach(t -> names.add(prefix + t));
        List<NewTopic> topics = names.stream().map(n -> new NewTopic(n, PARTITIONS, REPLICATION_FACTOR)).toList();
        try (Admin admin = admin(bootstrapServers, REQUEST_TIMEOUT)) {
            for (Map.Entry<String, KafkaFuture<Void>> created : admin.createTopics(topics).values().entrySet()) {
                try {
                    created.getValue().get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + created.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("topic creation timed out on " + bootstrapServers, e);
        }
        return new ArrayList<>(names);
    }

    /**
     * At the end of a run with its own topic prefix: deletes the topics named with it. Left behind, a shared local
     * broker piled up seventeen thousand partitions of finished runs, each one a directory it opens, recovers at
     * start and checks for retention. Best effort: a broker that is gone (a fault test's) or refuses leaves them,
     * said on stderr, and the run's own result stands.
     *
     * @param prefix a run's own prefix (never empty: that would be every topic)
     */
    public static void deleteLeftover(String bootstrapServers, String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            throw new IllegalArgumentException("a run's topic prefix is required");
        }
        try (Admin admin = admin(bootstrapServers, REQUEST_TIMEOUT)) {
            List<String> leftover = admin.listTopics().names().get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .stream().filter(name -> name.startsWith(prefix)).toList();
            if (!leftover.isEmpty()) {
                admin.deleteTopics(leftover).all().get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.err.println("[switchboard] topics " + prefix + "* not deleted (left behind): " + e);
        }
    }

    /** True when a broker answers a metadata request within a short time. */
    public static boolean answers(String bootstrapServers) {
        try (Admin admin = admin(bootstrapServers, PROBE_TIMEOUT)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) PROBE_TIMEOUT.toMillis()))
                    .clusterId().get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static Admin admin(String bootstrapServers, Duration timeout) {
        int millis = (int) timeout.toMillis();
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                // a probe against a port nobody listens on must not retry for long
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500,
                AdminClientConfig.CLIENT_ID_CONFIG, "switchboard-local-stack"));
    }
}
