package io.switchboard.system.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.stack.ApplicationSettings;
import io.switchboard.stack.ServiceApp;
import io.switchboard.stack.StackHome;
import io.switchboard.stack.SwitchboardApplications;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue "Staying power", item 7: the real processes under a steady load of chats and messages, while each fault
 * happens in turn: kill -9 and restart of services, a restart of the Kafka broker, PostgreSQL stopped, the SMTP
 * server unreachable. Afterwards every acked message was delivered to the other side exactly once and in order,
 * every chat is done and DONE in history, every transcript with the box checked was mailed exactly once, no agent
 * holds a chat and no record went to a dead-letter topic. The figures are printed as a table (and written to
 * {@code system-tests/target/faults-<version>.md}).
 *
 * <p>The normal build runs the short version (one service killed, short outages); {@code -Dfaults=full}
 * ({@code ./switchboard test-faults}) runs every fault at its full length. The test owns its broker, database and
 * mail server: it stops them, so it never uses the shared ones.
 */
@Order(100)
class SystemFaultTest {

    private static final Duration DRAIN = Duration.ofMinutes(6);
    private static final Duration DEAD_TIME = Duration.ofSeconds(3);
    /** Seven JVMs starting at once on a busy 2-core machine took 150 s. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(6);
    private static final String[] AGENTS = {"agent1", "agent3"};
    private static final String[] STEPPING_AWAY = {"agent2", "supervisor1"};

    @Test
    void everyAckedMessageChatAndTranscriptSurvivesCrashesAndOutages() throws Exception {
        LoadSettings settings = LoadSettings.chosen();
        String runId = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Path root = StackHome.locate().root();
        Path work = root.resolve("system-tests").resolve("target").resolve("faults-" + runId);
        Path logs = Files.createDirectories(work.resolve("logs"));
        Ledger ledger = new Ledger();
        Instant started = Instant.now();
        ApplicationSettings appSettings = ApplicationSettings.isolatedRun(root, logs, runId)
                // one test client asks for every chat: the per-address limit is for visitors, not for this load
                .withExtraEnvironment(Map.of("LIMIT_CHAT_REQUESTS_BURST", "100",
                        "LIMIT_CHAT_REQUESTS_PER_MINUTE", "600",
                        // Flyway's connection at start: 5 s was too short with seven JVMs starting on 2 busy cores
                        "QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "60S"));
        try (FaultInfrastructure infra = FaultInfrastructure.start(work.resolve("data"), logs);
             SwitchboardApplications apps = SwitchboardApplications.start(infra.infrastructure(), appSettings,
                     READY_TIMEOUT)) {
            ledger.event("system up (" + settings.name() + " version, logs in " + logs + ")");
            String gateway = apps.baseUrl(ServiceApp.GATEWAY);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            Api api = new Api(client, gateway, ledger);
            String supervisor = token(api, "supervisor1");
            prepareAgents(api, supervisor, settings);
            String disposition = api.get("/api/disposition-codes", supervisor, Duration.ofSeconds(30))
                    .expectOk("disposition codes").json().at("/codes/0/code").asText();

            List<AgentDesk> desks = new ArrayList<>();
            for (String agent : AGENTS) {
                desks.add(new AgentDesk(agent, token(api, agent), client, gateway, api, ledger).start());
            }
            ChatScenario scenario = new ChatScenario(settings, api, client, gateway, ledger, disposition);
            ChatLoad load = new ChatLoad(settings, scenario);
            load.start();
            Pause.of(settings.warmUp());

            injectFaults(settings, infra, apps, ledger);

            ledger.event("no new chats; the ones in flight finish");
            load.stopAndDrain(DRAIN);
            closeUnscriptedChats(ledger, scenario);
            ledger.event("load drained (" + load.chatsStarted() + " chats started); checking");
            Figures figures = new Checks(ledger, api, supervisor, infra.mailDirect(), infra.kafkaBootstrapServers(),
                    appSettings.topicPrefix()).run();
            desks.forEach(AgentDesk::close);
            report(settings, started, ledger, figures, root);

            // The problems go on the message's first line: a CI summary keeps only that line.
            assertThat(figures.problems).as("broken promises: %s (table above)", String.join("; ", figures.problems))
                    .isEmpty();
            assertThat(figures.get("chats completed (Mark Done)")).isPositive();
        }
    }

    private static void injectFaults(LoadSettings settings, FaultInfrastructure infra, SwitchboardApplications apps,
                                     Ledger ledger) {
        List<ServiceApp> victims = settings.killEveryService() ? ServiceApp.backends() : List.of(ServiceApp.SESSION);
        for (ServiceApp victim : victims) {
            ledger.event("kill -9 " + victim.module() + " (pid " + apps.process(victim).pid() + ")");
            apps.kill(victim);
            Pause.of(DEAD_TIME);
            apps.restart(victim);
            ledger.event(victim.module() + " restarted and ready (pid " + apps.process(victim).pid() + ")");
            Pause.of(settings.settle());
        }
        ledger.event("Kafka broker: controlled shutdown and restart");
        infra.restartBroker();
        ledger.event("Kafka broker back");
        Pause.of(settings.settle());

        ledger.event("PostgreSQL stopped for " + settings.databaseOutage().toSeconds() + " s");
        infra.stopDatabase();
        Pause.of(settings.databaseOutage());
        infra.startDatabase();
        ledger.event("PostgreSQL back");
        Pause.of(settings.settle());

        ledger.event("SMTP/IMAP unreachable for " + settings.mailOutage().toSeconds() + " s");
        infra.cutMail();
        Pause.of(settings.mailOutage());
        infra.restoreMail();
        ledger.event("SMTP/IMAP back");
        Pause.of(settings.settle());
    }

    /** The two agents get the capacity for the load (their desktops go READY); everybody else steps away. */
    private static void prepareAgents(Api api, String supervisor, LoadSettings settings) {
        int capacity = settings.chatsInFlight() / AGENTS.length + 1;
        for (String id : AGENTS) {
            JsonNode agent = api.get("/api/routing/agents/" + id, supervisor, Duration.ofSeconds(30))
                    .expectOk("agent " + id).json();
            Map<String, Object> update = new LinkedHashMap<>();
            update.put("id", id);
            update.put("name", agent.path("name").asText());
            update.put("skills", agent.path("skills"));
            update.put("role", agent.path("role").asText());
            update.put("capacity", capacity);
            api.put("/api/routing/agents/" + id, supervisor, update, Duration.ofSeconds(30)).expectOk("capacity");
        }
        for (String id : STEPPING_AWAY) {
            api.put("/api/routing/agents/" + id + "/state", supervisor,
                    Map.of("state", "NOT_READY", "reason", "fault test"), Duration.ofSeconds(30)).expectOk("away");
        }
    }

    /**
     * A chat request whose answer was lost and that was sent again leaves a second chat nobody talks in; the agent
     * who got it wraps it up, as a person would.
     */
    private static void closeUnscriptedChats(Ledger ledger, ChatScenario scenario) {
        for (ChatRecord chat : ledger.chats.values()) {
            if (!chat.scripted && chat.accepted.isDone()) {
                try {
                    scenario.wrapUp(chat, chat.accepted.join());
                } catch (RuntimeException e) {
                    ledger.example("could not close the extra chat " + chat.chatId + ": " + e.getMessage());
                }
            }
        }
    }

    private static String token(Api api, String user) {
        return api.post("/auth/dev-token", null, Map.of("username", user), Duration.ofSeconds(30))
                .expectOk("token for " + user).json().get("token").asText();
    }

    private static void report(LoadSettings settings, Instant started, Ledger ledger, Figures figures, Path root)
            throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("## Fault run (").append(settings.name()).append(") ").append(started).append(", ")
                .append(Duration.between(started, Instant.now()).toSeconds()).append(" s\n\n")
                .append(settings).append("\n\n");
        ledger.events.forEach(e -> out.append("    ").append(e).append('\n'));
        out.append('\n').append(figures.table()).append('\n');
        out.append("Temporary answers the clients waited out: ").append(ledger.temporary).append("\n\n");
        if (!ledger.examples.isEmpty()) {
            out.append("Examples:\n");
            ledger.examples.forEach(e -> out.append("- ").append(e).append('\n'));
        }
        if (!figures.problems.isEmpty()) {
            out.append("\nProblems:\n");
            figures.problems.forEach(p -> out.append("- ").append(p).append('\n'));
        }
        System.out.println(out);
        Files.writeString(root.resolve("system-tests").resolve("target").resolve("faults-" + settings.name() + ".md"),
                out.toString());
    }
}
