package io.switchboard.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.switchboard.session.support.Socket;
import io.switchboard.session.support.WorkflowStub;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A participant holds a bounded number of sockets (5 here), and a socket lives no longer than its token: at expiry
 * it closes with 4401, which tells the page to renew the token, reconnect and resume.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "session"),
        @ResourceArg(name = "topics", value = "dlq.session-service,session.typing")})
@WithTestResource(WorkflowStub.class)
class SocketAdmissionTest {

    static final int MAX_SOCKETS = 5;
    static final long SHORT_LIFETIME_SECONDS = 3;

    @TestHTTPResource("/")
    URI base;

    @Test
    void aParticipantBeyondItsSocketsIsRefusedWith1008AndAFreedPlaceCanBeTakenAgain() {
        String agent = "admission-" + UUID.randomUUID();
        String token = Tokens.agent(agent, "Many Tabs");
        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_SOCKETS; i++) {
                open.add(Socket.open(base, "/ws/agent", token));
            }
            // Each socket is registered once the server answered it; a frame round trip proves that.
            open.forEach(s -> s.send(java.util.Map.of("type", "nonsense")));
            open.forEach(s -> s.awaitType("error"));
            try (Socket oneTooMany = Socket.open(base, "/ws/agent", token)) {
                assertThat(oneTooMany.awaitCloseCode()).isEqualTo(1008);
            }
            open.remove(0).close();
            org.awaitility.Awaitility.await().atMost(Socket.WAIT).until(() -> {
                try (Socket again = Socket.open(base, "/ws/agent", token)) {
                    again.send(java.util.Map.of("type", "nonsense"));
                    return again.awaitType("error") != null && again.isOpen();
                } catch (AssertionError | RuntimeException e) {
                    return false;
                }
            });
        } finally {
            open.forEach(Socket::close);
        }
    }

    @Test
    void aSocketClosesWith4401WhenItsTokenExpires() {
        String shortLived = Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).subject("expiring-agent")
                .groups(Set.of("agent")).claim("name", "Expiring").expiresIn(SHORT_LIFETIME_SECONDS)
                .sign(Tokens.DEV_SIGNING_KEY);
        try (Socket desk = Socket.open(base, "/ws/agent", shortLived)) {
            desk.send(java.util.Map.of("type", "nonsense"));
            desk.awaitType("error");
            assertThat(desk.isOpen()).isTrue();
            assertThat(desk.awaitCloseCode()).isEqualTo(4401);
        }
    }
}
