package io.switchboard.system.faults;

import java.time.Duration;

/**
 * The steady load and the faults of one run.
 *
 * @param chatsInFlight     chats played at the same time (each by its own contact and one of the agents)
 * @param messagesPerSide   messages each side sends in a chat, in turn
 * @param messagePause      pause after each message (a few messages a second in all)
 * @param warmUp            load before the first fault
 * @param settle            load between two faults, so that each recovery is seen on its own
 * @param databaseOutage    how long PostgreSQL is stopped
 * @param mailOutage        how long the SMTP/IMAP server is unreachable
 * @param killEveryService  kill -9 all five services in turn (else session-service only)
 */
record LoadSettings(String name, int chatsInFlight, int messagesPerSide, Duration messagePause, Duration warmUp,
                    Duration settle, Duration databaseOutage, Duration mailOutage, boolean killEveryService) {

    /** The system property choosing the version: {@code -Dfaults=full}. */
    static final String PROPERTY = "faults";

    /** In the normal build: a few minutes on a 2-core machine. */
    static final LoadSettings SHORT = new LoadSettings("short", 4, 4, Duration.ofMillis(700), Duration.ofSeconds(15),
            Duration.ofSeconds(20), Duration.ofSeconds(10), Duration.ofSeconds(15), false);

    /** Every fault of the issue at its full length: ./switchboard test-faults. */
    static final LoadSettings FULL = new LoadSettings("full", 6, 6, Duration.ofMillis(700), Duration.ofSeconds(30),
            Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60), true);

    static LoadSettings chosen() {
        return "full".equalsIgnoreCase(System.getProperty(PROPERTY, "short")) ? FULL : SHORT;
    }
}
