package io.switchboard.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live heap of the processes that hold the sockets (session-service instances and the gateway), read with
 * {@code jcmd <pid> GC.class_histogram}: a full collection, then the bytes of every object still reachable. Read once
 * before the chats open and once when they are live, it gives the heap one live chat costs (its contact socket, the
 * agent socket following it, the gateway's tunnels), the "sockets per GiB" of the capacity model. A full collection
 * pauses the service, so it is read only between steps, never inside one.
 */
final class HeapMeter {

    private static final String SESSION_SERVICE = "session-service";
    private static final String GATEWAY = "gateway";
    private static final long GIB = 1L << 30;
    /** A histogram of a few hundred MB takes a second or two; a stuck attach must not stall the run. */
    private static final long JCMD_TIMEOUT_SECONDS = 60;
    /** The histogram's last line: {@code Total <instances> <bytes>}. */
    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final String jcmd;

    HeapMeter(Map<String, Long> servicePids) {
        servicePids.forEach((name, pid) -> {
            if (name.startsWith(SESSION_SERVICE) || name.equals(GATEWAY)) {
                pids.put(name, pid);
            }
        });
        // The generator's own JDK: the services run on the same one (the stack it starts, or ./switchboard start).
        jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    }

    /** Live bytes per process; a process that could not be read maps to its reason (a String). */
    Map<String, Object> liveBytes() {
        Map<String, Object> live = new LinkedHashMap<>();
        pids.forEach((name, pid) -> live.put(name, read(pid)));
        return live;
    }

    private Object read(long pid) {
        try {
            Process process = new ProcessBuilder(jcmd, Long.toString(pid), "GC.class_histogram")
                    .redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "jcmd did not answer in " + JCMD_TIMEOUT_SECONDS + " s";
            }
            Matcher total = TOTAL.matcher(new String(out, StandardCharsets.UTF_8));
            return total.find() ? (Object) Long.parseLong(total.group(1)) : "no Total line in jcmd's answer";
        } catch (IOException e) {
            return "jcmd failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * Per process: live bytes before and with the chats, the difference per chat and what a GiB of heap holds at that
     * rate. A difference at or below zero (a few chats, a collection of caches in between) gives no per-chat figure.
     */
    static JsonObject perChat(Map<String, Object> before, Map<String, Object> with, int chats) {
        JsonObject json = new JsonObject();
        before.forEach((name, b) -> {
            Object w = with.get(name);
            JsonObject process = new JsonObject();
            if (b instanceof Long beforeBytes && w instanceof Long withBytes) {
                process.put("beforeChatsBytes", beforeBytes).put("withChatsBytes", withBytes).put("chats", chats);
                long perChat = chats > 0 ? (withBytes - beforeBytes) / chats : 0;
                if (perChat > 0) {
                    process.put("perChatBytes", perChat).put("chatsPerGiB", GIB / perChat);
                }
            } else {
                process.put("error", String.valueOf(b instanceof Long ? w : b));
            }
            json.put(name, process);
        });
        return json;
    }

    /** One line per process for stdout. */
    static String describe(JsonObject perChat) {
        StringBuilder text = new StringBuilder("live heap after a full GC (jcmd GC.class_histogram):");
        perChat.forEach(entry -> {
            JsonObject p = (JsonObject) entry.getValue();
            text.append(String.format(Locale.ROOT, "%n  %-18s ", entry.getKey()));
            if (p.containsKey("error")) {
                text.append("not measured: ").append(p.getString("error"));
                return;
            }
            text.append(String.format(Locale.ROOT, "%.1f MB before the chats, %.1f MB with %d live",
                    p.getLong("beforeChatsBytes") / 1e6, p.getLong("withChatsBytes") / 1e6, p.getInteger("chats")));
            if (p.containsKey("perChatBytes")) {
                text.append(String.format(Locale.ROOT, ": %.1f KB per chat, %,d chats per GiB",
                        p.getLong("perChatBytes") / 1e3, p.getLong("chatsPerGiB")));
            }
        });
        return text.toString();
    }
}
