package io.switchboard.stack;

import java.nio.file.Path;

/**
 * Ports and folders of the embedded servers.
 *
 * @param dataDirectory kafka/ and postgres/ live under it
 * @param logDirectory  kafka.log and postgres.log go there
 */
public record InfrastructureSettings(int kafkaPort, int kafkaControllerPort, int databasePort, int smtpPort,
                                     int imapPort, Path dataDirectory, Path logDirectory) {

    /** The fixed ports of the local stack, which the services' "local" profile and the README use. */
    public static InfrastructureSettings standard(Path dataDirectory, Path logDirectory) {
        return new InfrastructureSettings(KafkaBroker.STANDARD_PORT, KafkaBroker.STANDARD_CONTROLLER_PORT,
                EmbeddedDatabase.STANDARD_PORT, MailServer.STANDARD_SMTP_PORT, MailServer.STANDARD_IMAP_PORT,
                dataDirectory, logDirectory);
    }

    /** Ports free right now, for tests that must not collide with a running stack or with each other. */
    public static InfrastructureSettings freePorts(Path dataDirectory, Path logDirectory) {
        return new InfrastructureSettings(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), dataDirectory, logDirectory);
    }
}
