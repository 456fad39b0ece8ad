package io.switchboard.system.faults;

import io.switchboard.stack.EmbeddedDatabase;
import io.switchboard.stack.FreePorts;
import io.switchboard.stack.Infrastructure;
import io.switchboard.stack.InfrastructureSettings;
import io.switchboard.stack.KafkaBroker;
import io.switchboard.stack.MailEndpoint;
import io.switchboard.stack.MailServer;
import io.switchboard.stack.test.TcpProxy;
import java.nio.file.Path;
import java.util.Map;

/**
 * Kafka, PostgreSQL and the mail server of the fault test alone, on free ports and in its own folder (never the
 * shared servers other tests use, since this test stops them). The broker and the database are restarted on their
 * data directories; the mail server runs in this JVM behind two proxies (SMTP, and IMAP for the transcript audit
 * mailbox) that the test cuts to take it away from the services, while the test still reads the mailboxes directly.
 */
final class FaultInfrastructure implements AutoCloseable {

    private final int kafkaPort = FreePorts.next();
    private final int kafkaControllerPort = FreePorts.next();
    private final int databasePort = FreePorts.next();
    private final Path kafkaData;
    private final Path databaseData;
    private final Path logs;
    private KafkaBroker broker;
    private EmbeddedDatabase database;
    private MailServer mail;
    private TcpProxy smtpProxy;
    private TcpProxy imapProxy;
    private Infrastructure infrastructure;

    private FaultInfrastructure(Path data, Path logs) {
        this.kafkaData = data.resolve("kafka");
        this.databaseData = data.resolve("postgres");
        this.logs = logs;
    }

    static FaultInfrastructure start(Path data, Path logs) {
        FaultInfrastructure parts = new FaultInfrastructure(data, logs);
        try {
            parts.startBroker();
            parts.startDatabase();
            parts.mail = MailServer.start(FreePorts.next(), FreePorts.next());
            MailEndpoint direct = parts.mail.endpoint();
            parts.smtpProxy = TcpProxy.start(direct.host(), direct.smtpPort());
            parts.imapProxy = TcpProxy.start(direct.host(), direct.imapPort());
            // Named as external servers: Infrastructure only passes them on and never stops them.
            parts.infrastructure = Infrastructure.start(
                    InfrastructureSettings.freePorts(data.resolve("unused"), logs), Map.of(
                            Infrastructure.KAFKA_BOOTSTRAP_SERVERS, parts.broker.bootstrapServers(),
                            Infrastructure.DB_HOST, parts.database.server().host(),
                            Infrastructure.DB_PORT, Integer.toString(parts.databasePort),
                            Infrastructure.DB_USER, EmbeddedDatabase.USER,
                            Infrastructure.DB_PASSWORD, EmbeddedDatabase.PASSWORD,
                            Infrastructure.SMTP_HOST, parts.smtpProxy.host(),
                            Infrastructure.SMTP_PORT, Integer.toString(parts.smtpProxy.port()),
                            Infrastructure.IMAP_PORT, Integer.toString(parts.imapProxy.port())));
            return parts;
        } catch (RuntimeException e) {
            parts.close();
            throw e;
        }
    }

    /** What the applications are wired to (the mail server through the proxies). */
    Infrastructure infrastructure() {
        return infrastructure;
    }

    String kafkaBootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The mail server itself, for the test's own IMAP reads. */
    MailEndpoint mailDirect() {
        return mail.endpoint();
    }

    /** A controlled shutdown of the broker and a start on the same data directory (topics and offsets kept). */
    void restartBroker() {
        broker.close();
        startBroker();
    }

    void stopDatabase() {
        database.close();
        database = null;
    }

    /** Starts PostgreSQL on its data directory again (same port, same databases). */
    void startDatabase() {
        database = EmbeddedDatabase.start(databasePort, databaseData, false, logs.resolve("postgres.log"));
    }

    void cutMail() {
        smtpProxy.cut();
        imapProxy.cut();
    }

    void restoreMail() {
        smtpProxy.restore();
        imapProxy.restore();
    }

    private void startBroker() {
        broker = KafkaBroker.start(kafkaPort, kafkaControllerPort, kafkaData, logs.resolve("kafka.log"));
    }

    @Override
    public void close() {
        for (AutoCloseable part : new AutoCloseable[] {smtpProxy, imapProxy, broker, database, mail}) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception e) {
                    System.err.println("[faults] failed to stop " + part + ": " + e);
                }
            }
        }
    }
}
