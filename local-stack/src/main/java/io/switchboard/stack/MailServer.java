package io.switchboard.stack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP + IMAP server (GreenMail) in this JVM. Authentication is off, so the services can send without
 * credentials and a test can read any mailbox over IMAP with any password (the mailbox appears with its first
 * mail). GreenMail's HTTP API is not started: its default port 8080 belongs to the gateway.
 */
public final class MailServer implements AutoCloseable {

    public static final int STANDARD_SMTP_PORT = 3025;
    public static final int STANDARD_IMAP_PORT = 3143;
    private static final String HOST = "127.0.0.1";

    private final GreenMail greenMail;
    private final MailEndpoint endpoint;

    private MailServer(GreenMail greenMail, MailEndpoint endpoint) {
        this.greenMail = greenMail;
        this.endpoint = endpoint;
    }

    public static MailServer start(int smtpPort, int imapPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, HOST, ServerSetup.PROTOCOL_IMAP) })
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return new MailServer(greenMail, new MailEndpoint(HOST, smtpPort, imapPort));
    }

    public MailEndpoint endpoint() {
        return endpoint;
    }

    /** For in-process assertions; over the wire, read mail with IMAP. */
    public GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
