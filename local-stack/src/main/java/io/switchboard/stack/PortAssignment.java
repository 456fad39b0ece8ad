package io.switchboard.stack;

import java.util.EnumMap;
import java.util.Map;

/** Which HTTP port each application gets. */
@FunctionalInterface
public interface PortAssignment {

    int portFor(ServiceApp app);

    /** 8080 for the gateway, 8081-8086 for the services (the README's ports). */
    PortAssignment STANDARD = ServiceApp::standardPort;

    /** Ports free right now, chosen once per application. */
    static PortAssignment free() {
        Map<ServiceApp, Integer> ports = new EnumMap<>(ServiceApp.class);
        for (ServiceApp app : ServiceApp.values()) {
            ports.put(app, FreePorts.next());
        }
        return ports::get;
    }
}
