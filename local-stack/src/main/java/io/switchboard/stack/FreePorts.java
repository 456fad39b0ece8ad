package io.switchboard.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Ports nobody listens on right now, for servers that tests start side by side with other runs. */
public final class FreePorts {

    /**
     * Ports handed out by this JVM. The kernel may give the same free port to two asks in a row; two servers of one run
     * told the same port means one fails to bind while the other answers its readiness probe (a CI run's gateway sent
     * session-service's requests to another service), so a port is never handed out twice.
     */
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    public static synchronized int next() {
        while (true) {
            int port = ask();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
    }

    private static int ask() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
