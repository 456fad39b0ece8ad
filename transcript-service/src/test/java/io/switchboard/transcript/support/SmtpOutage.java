package io.switchboard.transcript.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * The real broker and database, but a mail server of the test's own on a port where nothing listens until the
 * test starts it. No audit mailbox (it would be down too), and a short retry time so that giving up is seen.
 */
public class SmtpOutage extends SwitchboardInfrastructure {

    private static final String HOST = "127.0.0.1";
    /** Retries stop this long after the first attempt. */
    public static final String GIVE_UP_AFTER = "8s";

    private static int smtpPort;
    private static GreenMail server;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        smtpPort = freePort();
        config.put(MAILER_HOST, HOST);
        config.put(MAILER_PORT, Integer.toString(smtpPort));
        config.put("switchboard.transcript.audit.address", "");
        config.put("switchboard.transcript.delivery.give-up-after", GIVE_UP_AFTER);
        return config;
    }

    @Override
    public void stop() {
        stopServer();
        super.stop();
    }

    public static synchronized GreenMail startServer() {
        server = new GreenMail(new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        return server;
    }

    public static synchronized void stopServer() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
