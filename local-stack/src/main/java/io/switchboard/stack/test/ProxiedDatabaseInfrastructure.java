package io.switchboard.stack.test;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link SwitchboardInfrastructure} with the service's reactive datasource behind a {@link TcpProxy}, so that a test
 * can take the database away from the service (and give it back) without touching the shared PostgreSQL:
 *
 * <pre>{@code
 * @WithTestResource(value = ProxiedDatabaseInfrastructure.class,
 *         initArgs = @ResourceArg(name = "database", value = "history"))
 * ... ProxiedDatabaseInfrastructure.cutDatabase(); ... ProxiedDatabaseInfrastructure.restoreDatabase();
 * }</pre>
 *
 * Flyway migrates at start over JDBC, directly. The switch is a system property, which every class loader of the
 * test JVM sees (the test class and this resource may not share one); the proxy follows it within a few
 * milliseconds.
 */
public class ProxiedDatabaseInfrastructure extends SwitchboardInfrastructure {

    private static final String SWITCH = "switchboard.test.database-proxy";
    private static final String CUT = "cut";
    private static final String OPEN = "open";
    private static final long FOLLOW_INTERVAL_MS = 20;

    private TcpProxy proxy;
    private Thread follower;

    @Override
    public Map<String, String> start() {
        Map<String, String> values = new LinkedHashMap<>(super.start());
        URI database = URI.create(values.get(REACTIVE_URL));
        proxy = TcpProxy.start(database.getHost(), database.getPort());
        values.put(REACTIVE_URL, "postgresql://" + proxy.host() + ":" + proxy.port() + database.getPath());
        System.setProperty(SWITCH, OPEN);
        follower = new Thread(this::follow, "database-proxy-switch");
        follower.setDaemon(true);
        follower.start();
        return values;
    }

    /** Closes the service's database connections and refuses new ones. */
    public static void cutDatabase() {
        System.setProperty(SWITCH, CUT);
    }

    public static void restoreDatabase() {
        System.setProperty(SWITCH, OPEN);
    }

    @Override
    public void stop() {
        if (follower != null) {
            follower.interrupt();
        }
        if (proxy != null) {
            proxy.close();
        }
        super.stop();
    }

    private void follow() {
        while (!Thread.currentThread().isInterrupted()) {
            boolean wantCut = CUT.equals(System.getProperty(SWITCH));
            if (wantCut && !proxy.isCut()) {
                proxy.cut();
            } else if (!wantCut && proxy.isCut()) {
                proxy.restore();
            }
            try {
                Thread.sleep(FOLLOW_INTERVAL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
