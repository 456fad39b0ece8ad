package io.switchboard.telephony.pbx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.telephony.TelephonyConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The click-to-call request as the PBX receives it, for the body shapes PBX APIs take (plain unit test). */
class ClickToCallTest {

    private static final ClickToCall.Call CALL = new ClickToCall.Call("req-1", "chat \"7\"", "agent1", "+4930123456");

    private static TelephonyConfig.Pbx pbx(String url, String contentType, String body, TelephonyConfig.Auth auth,
                                           Map<String, String> extensions) {
        return new TelephonyConfig.Pbx() {
            public Optional<String> url() {
                return Optional.ofNullable(url);
            }

            public String method() {
                return "post";
            }

            public String contentType() {
                return contentType;
            }

            public Optional<String> body() {
                return Optional.ofNullable(body);
            }

            public TelephonyConfig.Auth auth() {
                return auth;
            }

            public Optional<String> username() {
                return Optional.empty();
            }

            public Optional<String> password() {
                return Optional.empty();
            }

            public Optional<String> token() {
                return Optional.of("t0ken");
            }

            public Map<String, String> headers() {
                return Map.of("X-Api-Key", "k");
            }

            public Map<String, String> agentExtensions() {
                return extensions;
            }

            public Optional<String> callbackUrl() {
                return Optional.of("https://sb.example.com/api/telephony/calls/{requestId}/status?c={chatId}");
            }

            public Duration requestTimeout() {
                return Duration.ofSeconds(5);
            }

            public int maxConcurrentRequests() {
                return 20;
            }

            public int maxAttempts() {
                return 3;
            }

            public Duration initialBackOff() {
                return Duration.ofSeconds(1);
            }

            public Duration maxBackOff() {
                return Duration.ofSeconds(10);
            }

            public Duration maxRetryAfter() {
                return Duration.ofMinutes(1);
            }

            public boolean retryOnTimeout() {
                return true;
            }

            public Optional<String> providerCallIdPointer() {
                return Optional.empty();
            }
        };
    }

    @Test
    void aJsonBodyStaysValidJsonWhateverTheValues() throws Exception {
        ClickToCall request = ClickToCall.build(pbx("https://pbx/calls", "application/json",
                "{\"to\":\"{phoneNumber}\",\"chat\":\"{chatId}\",\"callback\":\"{callbackUrl}\"}",
                TelephonyConfig.Auth.BEARER, Map.of()), CALL);

        JsonNode body = new ObjectMapper().readTree(request.body());
        assertThat(body.path("to").asText()).isEqualTo("+4930123456");
        assertThat(body.path("chat").asText()).isEqualTo("chat \"7\"");
        assertThat(body.path("callback").asText())
                .isEqualTo("https://sb.example.com/api/telephony/calls/req-1/status?c=chat%20%227%22");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.headers()).containsEntry("Authorization", "Bearer t0ken")
                .containsEntry("Content-Type", "application/json").containsEntry("X-Api-Key", "k")
                .containsEntry("Idempotency-Key", "req-1");
    }

    @Test
    void aFormBodyAndTheUrlAreUrlEncoded() throws Exception {
        ClickToCall request = ClickToCall.build(pbx("https://pbx/originate/{agentExtension}?to={phoneNumber}",
                "application/x-www-form-urlencoded", "To={phoneNumber}&StatusCallback={callbackUrl}",
                TelephonyConfig.Auth.NONE, Map.of("agent1", "sip:alice@pbx")), CALL);

        assertThat(request.url()).isEqualTo("https://pbx/originate/sip%3Aalice%40pbx?to=%2B4930123456");
        assertThat(request.body()).startsWith("To=%2B4930123456&StatusCallback=https%3A%2F%2Fsb.example.com");
        assertThat(request.headers()).doesNotContainKey("Authorization");
    }

    @Test
    void anAgentWithoutTheExtensionTheTemplateNeedsIsNotDialled() {
        assertThatThrownBy(() -> ClickToCall.build(pbx("https://pbx/originate/{agentExtension}", "application/json",
                null, TelephonyConfig.Auth.NONE, Map.of()), CALL))
                .isInstanceOf(ClickToCall.Unfillable.class).hasMessageContaining("agent1");
    }

    @Test
    void basicAuthWithoutItsCredentialsIsNotDialled() {
        assertThatThrownBy(() -> ClickToCall.build(pbx("https://pbx/calls", "application/json", null,
                TelephonyConfig.Auth.BASIC, Map.of()), CALL))
                .isInstanceOf(ClickToCall.Unfillable.class).hasMessageContaining("username");
    }
}
