package io.switchboard.session.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Plays clamd on a real TCP port, speaking its INSTREAM protocol (a command ending in NUL, length-prefixed chunks, a
 * zero-length chunk, then one answer): a stream holding the EICAR test string is "found", anything else is OK. When
 * told it is down it closes connections without an answer. State is kept in system properties, which the test and
 * the resource see whatever their class loaders.
 */
public class FakeClamd implements QuarkusTestResourceLifecycleManager {

    /**
     * The standard anti-virus test string (not a virus): every scanner reports it. Written in two parts so that a
     * scanner looking at this source does not report the file itself.
     */
    public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-" + "ANTIVIRUS-TEST-FILE!$H+H*";
    private static final String SCANS = "switchboard.test.clamd.scans";
    private static final String DOWN = "switchboard.test.clamd.down";
    private static final int MAX_COMMAND_BYTES = 64;

    private ServerSocket server;
    private Thread acceptor;

    @Override
    public Map<String, String> start() {
        System.setProperty(SCANS, "0");
        up();
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        acceptor = new Thread(this::serve, "fake-clamd");
        acceptor.setDaemon(true);
        acceptor.start();
        return Map.of("switchboard.session.attachments.scanner.kind", "clamav",
                "switchboard.session.attachments.scanner.host", "127.0.0.1",
                "switchboard.session.attachments.scanner.port", String.valueOf(server.getLocalPort()),
                "switchboard.session.attachments.scanner.timeout", "5s");
    }

    @Override
    public void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Streams scanned so far. */
    public static int scans() {
        return Integer.parseInt(System.getProperty(SCANS, "0"));
    }

    public static void down() {
        System.setProperty(DOWN, "true");
    }

    public static void up() {
        System.setProperty(DOWN, "false");
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                answer(client);
            } catch (IOException e) {
                // a client that went away, or the server closing
            }
        }
    }

    private static void answer(Socket client) throws IOException {
        if (Boolean.getBoolean(DOWN)) {
            return;
        }
        DataInputStream in = new DataInputStream(client.getInputStream());
        ByteArrayOutputStream command = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) > 0 && command.size() < MAX_COMMAND_BYTES) {
            command.write(b);
        }
        OutputStream out = client.getOutputStream();
        if (!"zINSTREAM".equals(command.toString(StandardCharsets.US_ASCII))) {
            out.write("UNKNOWN COMMAND\0".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        int length;
        while ((length = in.readInt()) > 0) {
            stream.write(in.readNBytes(length));
        }
        synchronized (FakeClamd.class) {
            System.setProperty(SCANS, String.valueOf(scans() + 1));
        }
        boolean found = stream.toString(StandardCharsets.ISO_8859_1).contains(EICAR);
        out.write((found ? "stream: Eicar-Test-Signature FOUND\0" : "stream: OK\0").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
