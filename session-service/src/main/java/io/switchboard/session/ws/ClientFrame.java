package io.switchboard.session.ws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * A client → server frame (docs/api.md): {@code resume}, {@code message}, {@code typing}, {@code leave}, and on the
 * agent socket {@code whisper}, {@code monitor} and {@code unmonitor} (supervision); web calls: {@code call-start},
 * {@code call-answer}, {@code call-decline}, {@code call-hangup} and {@code call-signal} ({@code callId},
 * {@code signal}); receipts: {@code received} and {@code read} ({@code seq}, the highest seq the client received or
 * showed).
 * Fields that a type does not use are ignored. On the contact socket the chat is the one of the path.
 */
public record ClientFrame(String type, String chatId, Long afterSeq, String clientMessageId, String text,
                          UUID standardResponseId, String pageUrl, Boolean typing, String callId, JsonNode signal,
                          Long seq) {
}
