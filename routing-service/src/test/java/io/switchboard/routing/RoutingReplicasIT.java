package io.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.events.ChatRouted;
import io.switchboard.events.RoutingOutcome;
import io.switchboard.routing.support.AgentSimulator;
import io.switchboard.routing.support.RoutedRecords;
import io.switchboard.routing.support.RoutingApi;
import io.switchboard.routing.support.SessionEvents;
import io.switchboard.stack.ServiceApp;
import io.switchboard.stack.test.PackagedService;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two routing-service processes on one database and one set of topics, a burst of a few hundred chat requests and
 * agents who accept every offer and mark the chat done; one instance is killed (SIGKILL) a third of the way through.
 * Every chat is still accepted exactly once, no agent is ever above capacity, and no chat is ever offered to two
 * agents at once.
 */
class RoutingReplicasIT {

    private static final int CHATS = 300;
    private static final int AGENTS = 20;
    private static final int CAPACITY = 3;
    private static final String QUEUE = "replicas";
    private static final String SKILL = "replicas";
    private static final Duration ALL_ACCEPTED = Duration.ofSeconds(120);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> HEAP = List.of("-Xmx384m");

    @Test
    void twoInstancesRouteEveryChatOnceWithinCapacityEvenWhenOneCrashes() throws Exception {
        Assumptions.assumeTrue(PackagedService.packaged(),
                "no packaged routing-service at " + PackagedService.jar() + "; run mvn verify");

        SwitchboardInfrastructure infrastructure = new SwitchboardInfrastructure();
        infrastructure.init(Map.of(SwitchboardInfrastructure.DATABASE_ARG, "routing_it"));
        Map<String, String> config = infrastructure.start();
        String bootstrap = config.get(SwitchboardInfrastructure.KAFKA_BOOTSTRAP_SERVERS);
        String prefix = config.get(SwitchboardInfrastructure.TOPIC_PREFIX);
        String jdbcUrl = config.get(SwitchboardInfrastructure.JDBC_URL);
        URI db = URI.create(jdbcUrl.substring("jdbc:".length()));
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "KAFKA_TOPIC_PREFIX", prefix,
                "DB_HOST", db.getHost(),
                "DB_PORT", Integer.toString(db.getPort()),
                "DB_NAME", db.getPath().substring(1),
                "DB_USER", config.get(SwitchboardInfrastructure.DB_USERNAME),
                "DB_PASSWORD", config.get(SwitchboardInfrastructure.DB_PASSWORD),
                // The simulated agents answer over REST with no desktop: presence is DesktopPresenceTest's subject.
                "ROUTING_PRESENCE_REQUIRED", "false");

        Path logs = Files.createDirectories(Path.of("target", "replicas-it"));
        try (PackagedService one = PackagedService.start(ServiceApp.ROUTING, env, logs.resolve("instance-1.log"),
                HEAP).awaitReady(START_TIMEOUT);
             PackagedService two = PackagedService.start(ServiceApp.ROUTING, env, logs.resolve("instance-2.log"),
                     HEAP).awaitReady(START_TIMEOUT);
             SessionEvents session = new SessionEvents(bootstrap, prefix);
             RoutedRecords routed = new RoutedRecords(bootstrap, prefix)) {
            List<RoutingApi> instances = List.of(new RoutingApi(one.baseUrl()), new RoutingApi(two.baseUrl()));
            Set<String> roster = prepareQueueAndAgents(instances);
            List<String> chats = IntStream.range(0, CHATS).mapToObj(i -> "it-" + UUID.randomUUID()).toList();

            try (AgentSimulator agents = new AgentSimulator(routed, instances, session, roster)) {
                long start = System.nanoTime();
                chats.forEach(chat -> session.sendAsync(SessionEvents.request(chat, QUEUE)));
                session.flush();
                await().atMost(ALL_ACCEPTED).until(() -> routed.count(chats, RoutingOutcome.ACCEPTED) >= CHATS / 3);
                one.kill();
                await().atMost(ALL_ACCEPTED).until(() -> routed.count(chats, RoutingOutcome.ACCEPTED) >= CHATS);
                System.out.printf("RoutingReplicasIT: %d chats accepted through 2 instances (one killed) in %d ms%n", CHATS,
                        Duration.ofNanos(System.nanoTime() - start).toMillis());
                assertThat(agents.refused()).as("accept calls refused").isEmpty();
            }

            Map<String, List<ChatRouted>> accepted = chats.stream().collect(Collectors.toMap(c -> c,
                    c -> routed.of(c, RoutingOutcome.ACCEPTED)));
            assertThat(accepted.values()).as("every chat accepted exactly once").allMatch(list -> list.size() == 1);
            try (Connection connection = DriverManager.getConnection(jdbcUrl,
                    config.get(SwitchboardInfrastructure.DB_USERNAME),
                    config.get(SwitchboardInfrastructure.DB_PASSWORD))) {
                assertThat(single(connection, "select count(distinct chat_id) from assignment")).isEqualTo(CHATS);
                assertThat(single(connection, "select count(*) from assignment")).isEqualTo(CHATS);
                assertThat(single(connection, "select count(*) from routing_request")).isEqualTo(CHATS);
                assertThat(single(connection, OVERLAPPING_OFFERS)).as("simultaneous offers of one chat").isZero();
                assertThat(single(connection, PEAK_LOAD)).as("highest load of any agent").isBetween(1L,
                        (long) CAPACITY);
            }
        }
    }

    private static Set<String> prepareQueueAndAgents(List<RoutingApi> instances) {
        instances.get(0).createQueue(QUEUE, List.of(SKILL), 600, null, 60);
        Set<String> roster = new HashSet<>();
        for (int i = 0; i < AGENTS; i++) {
            String agent = "it-agent-" + i;
            RoutingApi api = instances.get(i % instances.size());
            api.createAgent(agent, Map.of(SKILL, 3), CAPACITY, "agent");
            api.ready(agent);
            roster.add(agent);
        }
        return roster;
    }

    /** Pairs of offers of one chat whose open periods overlap. */
    private static final String OVERLAPPING_OFFERS = """
            select count(*) from offer a join offer b on a.chat_id = b.chat_id and a.id <> b.id
            where a.offered_at < coalesce(b.answered_at, 'infinity')
              and b.offered_at < coalesce(a.answered_at, 'infinity')""";

    /**
     * The highest number of offers and chats any agent had at one moment: at the start of each offer or chat,
     * count the agent's periods that cover it.
     */
    private static final String PEAK_LOAD = """
            with periods as (
                select agent_id, offered_at as starts, answered_at as ends from offer
                union all
                select agent_id, accepted_at, released_at from assignment)
            select max((select count(*) from periods p
                        where p.agent_id = q.agent_id and p.starts <= q.starts
                          and coalesce(p.ends, 'infinity') > q.starts))
            from periods q""";

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
