package io.switchboard.telephony.pbx;

import io.switchboard.telephony.TelephonyConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The click-to-call request for one call, built from the configured templates: URL, method, headers (content type,
 * authentication, {@code Idempotency-Key}, the configured extras) and body.
 */
public record ClickToCall(String method, String url, Map<String, String> headers, String body) {

    /** What a call request gives the templates. */
    public record Call(String requestId, String chatId, String agentId, String phoneNumber) {
    }

    /** The template could not be filled in (missing configuration); nothing should be sent. */
    public static final class Unfillable extends Exception {
        Unfillable(String message) {
            super(message);
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final String AGENT_EXTENSION = "agentExtension";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** Builds the request, or says why it cannot be built. */
    public static ClickToCall build(TelephonyConfig.Pbx pbx, Call call) throws Unfillable {
        String urlTemplate = pbx.url().orElseThrow(() -> new Unfillable("no click-to-call URL configured "
                + "(switchboard.telephony.pbx.url, TELEPHONY_PBX_URL)"));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("phoneNumber", call.phoneNumber());
        values.put("agentId", call.agentId());
        values.put("requestId", call.requestId());
        values.put("chatId", call.chatId());
        String extension = pbx.agentExtensions().get(call.agentId());
        boolean needsExtension = urlTemplate.contains("{" + AGENT_EXTENSION + "}")
                || pbx.body().map(b -> b.contains("{" + AGENT_EXTENSION + "}")).orElse(false);
        if (extension == null && needsExtension) {
            throw new Unfillable("no extension configured for agent " + call.agentId()
                    + " (switchboard.telephony.pbx.agent-extensions." + call.agentId() + ")");
        }
        values.put(AGENT_EXTENSION, extension == null ? "" : extension);
        Map<String, String> forCallback = new LinkedHashMap<>(values);
        values.put("callbackUrl", pbx.callbackUrl().map(t -> fill(t, forCallback, ClickToCall::urlEncode)).orElse(""));

        String url = fill(urlTemplate, values, ClickToCall::urlEncode);
        String contentType = pbx.contentType();
        String body = pbx.body().map(b -> fill(b, values, bodyEncoding(contentType))).orElse(null);

        Map<String, String> headers = new LinkedHashMap<>();
        if (body != null) {
            headers.put("Content-Type", contentType);
        }
        headers.put("Accept", "application/json");
        headers.put(IDEMPOTENCY_KEY, call.requestId());
        switch (pbx.auth()) {
            case BASIC -> headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (required(pbx.username(), "username") + ":" + required(pbx.password(), "password"))
                            .getBytes(StandardCharsets.UTF_8)));
            case BEARER -> headers.put("Authorization", "Bearer " + required(pbx.token(), "token"));
            case NONE -> { }
        }
        headers.putAll(pbx.headers());
        return new ClickToCall(pbx.method().toUpperCase(Locale.ROOT), url, headers, body);
    }

    private static String required(Optional<String> value, String name) throws Unfillable {
        if (value.isEmpty() || value.get().isBlank()) {
            throw new Unfillable("switchboard.telephony.pbx." + name + " is required by the configured auth");
        }
        return value.get();
    }

    private static UnaryOperator<String> bodyEncoding(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            return ClickToCall::jsonEscape;
        }
        if (type.contains("x-www-form-urlencoded")) {
            return ClickToCall::urlEncode;
        }
        return UnaryOperator.identity();
    }

    /** Replaces each known placeholder by its encoded value; unknown ones stay as they are. */
    static String fill(String template, Map<String, String> values, UnaryOperator<String> encode) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : encode.apply(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The inside of a JSON string (the template writes the quotes). */
    static String jsonEscape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
