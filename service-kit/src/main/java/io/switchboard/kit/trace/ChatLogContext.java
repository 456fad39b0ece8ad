package io.switchboard.kit.trace;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Names the chat a request or a socket frame is about: {@code chatId} in the logging context (MDC) and the attribute
 * {@code switchboard.chat.id} on the current span, so a chat's log lines and traces can be found by its id. REST
 * requests with a {@code {chatId}} path parameter get it by the filter below; socket handlers and resources that
 * create a chat call {@link #chat(String)}. The MDC lives in the request's (Vert.x duplicated) context and goes with
 * it.
 */
public class ChatLogContext {

    private static final AttributeKey<String> CHAT_ID = AttributeKey.stringKey("switchboard.chat.id");
    private static final String PATH_PARAMETER = "chatId";

    /** Sets the chat of the work running now; null is ignored. */
    public static void chat(String chatId) {
        if (chatId == null || chatId.isBlank()) {
            return;
        }
        MDC.put(EventSpans.MDC_CHAT_ID, chatId);
        Span.current().setAttribute(CHAT_ID, chatId);
    }

    @ServerRequestFilter
    public void chatOfRequest(UriInfo uri) {
        chat(uri.getPathParameters().getFirst(PATH_PARAMETER));
    }
}
