package io.switchboard.session.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Scans with ClamAV's daemon, clamd, over TCP: the {@code INSTREAM} command sends the file in length-prefixed chunks
 * and clamd answers {@code stream: OK} or {@code stream: <signature> FOUND}. The file never has to be on clamd's
 * machine. Any other answer (clamd's size limit, an error) or no answer in time is no verdict.
 */
final class ClamAvScanner implements VirusScanner {

    private static final byte[] INSTREAM = "zINSTREAM\0".getBytes(StandardCharsets.US_ASCII);
    private static final int LENGTH_BYTES = 4;
    private static final String CLEAN = "stream: OK";
    private static final String PREFIX = "stream: ";
    private static final String FOUND = " FOUND";
    /** Longest answer read; clamd's are one short line. */
    private static final int MAX_REPLY_BYTES = 1024;

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private final int chunkBytes;

    ClamAvScanner(String host, int port, Duration timeout, int chunkBytes) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
        this.chunkBytes = chunkBytes;
    }

    @Override
    public Verdict scan(Path file) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write(INSTREAM);
            byte[] chunk = new byte[chunkBytes];
            try (InputStream in = Files.newInputStream(file)) {
                int read;
                while ((read = in.readNBytes(chunk, 0, chunk.length)) > 0) {
                    out.write(ByteBuffer.allocate(LENGTH_BYTES).putInt(read).array());
                    out.write(chunk, 0, read);
                }
            }
            // A zero-length chunk ends the stream.
            out.write(new byte[LENGTH_BYTES]);
            out.flush();
            return verdict(reply(socket.getInputStream()));
        }
    }

    private static String reply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) > 0 && b != '\n' && reply.size() < MAX_REPLY_BYTES) {
            reply.write(b);
        }
        return reply.toString(StandardCharsets.US_ASCII).strip();
    }

    static Verdict verdict(String reply) throws IOException {
        if (CLEAN.equals(reply)) {
            return Verdict.CLEAN;
        }
        if (reply.startsWith(PREFIX) && reply.endsWith(FOUND)) {
            return new Verdict(false, reply.substring(PREFIX.length(), reply.length() - FOUND.length()));
        }
        throw new IOException("clamd gave no verdict: " + (reply.isEmpty() ? "no answer" : reply));
    }
}
