package io.switchboard.session.standard;

import io.smallrye.mutiny.Uni;
import io.switchboard.kit.problem.Problems;
import io.switchboard.session.SessionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The library of standard responses: search, manage, and fill in on use. */
@ApplicationScoped
public class StandardResponses {

    public static final String CONTACT_NAME = "{contact.name}";
    public static final String AGENT_NAME = "{agent.name}";
    /** {@code {data.<key>}}: a value of the chat's attached data (keys as in AttachedData.KEY). */
    static final Pattern DATA_PLACEHOLDER = Pattern.compile("\\{data\\.([A-Za-z][A-Za-z0-9_.-]*)}");

    private final String defaultLanguage;

    public StandardResponses(SessionConfig config) {
        this.defaultLanguage = config.defaultLanguage();
    }

    public record Draft(String category, String title, Map<String, String> texts) {
    }

    public Uni<List<StandardResponse>> search(String q, String category, String language) {
        return StandardResponse.<StandardResponse>list("order by category, title").map(all -> all.stream()
                .filter(r -> category == null || category.isBlank() || r.category.equalsIgnoreCase(category))
                .filter(r -> language == null || language.isBlank() || r.texts().containsKey(language))
                .filter(r -> q == null || q.isBlank() || matches(r, q.toLowerCase(Locale.ROOT)))
                .toList());
    }

    public Uni<StandardResponse> get(UUID id) {
        return StandardResponse.<StandardResponse>findById(id)
                .onItem().ifNull().failWith(() -> Problems.notFound("Standard response", String.valueOf(id)));
    }

    public Uni<StandardResponse> create(Draft draft) {
        StandardResponse r = new StandardResponse();
        r.id = UUID.randomUUID();
        apply(r, draft);
        return r.persist();
    }

    public Uni<StandardResponse> update(UUID id, Draft draft) {
        return get(id).invoke(r -> apply(r, draft));
    }

    public Uni<Void> delete(UUID id) {
        return get(id).chain(StandardResponse::delete);
    }

    /**
     * The text in the chat's language (or the default one), with the names and the chat's attached data
     * ({@code {data.orderNumber}}) filled in. A placeholder of data the chat does not have is refused (409
     * {@code missing-data}) rather than sent to the contact as written.
     */
    public String fill(StandardResponse r, String language, String contactName, String agentName,
                       Map<String, Object> data) {
        Map<String, String> texts = r.texts();
        String text = texts.getOrDefault(language, texts.get(defaultLanguage));
        if (text == null) {
            throw Problems.badRequest("Standard response '" + r.title + "' has no text in '" + language
                    + "' nor in '" + defaultLanguage + "'.");
        }
        String named = text.replace(CONTACT_NAME, contactName).replace(AGENT_NAME, agentName);
        Matcher placeholder = DATA_PLACEHOLDER.matcher(named);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            Object value = data.get(placeholder.group(1));
            if (value == null) {
                throw Problems.conflict("missing-data", "Attached data missing", "Standard response '" + r.title
                        + "' uses {data." + placeholder.group(1) + "}, which this chat's attached data does not have.");
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(String.valueOf(value)));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }

    private static boolean matches(StandardResponse r, String q) {
        return r.title.toLowerCase(Locale.ROOT).contains(q) || r.category.toLowerCase(Locale.ROOT).contains(q)
                || r.texts().values().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(q));
    }

    private static void apply(StandardResponse r, Draft draft) {
        r.category = draft.category().strip();
        r.title = draft.title().strip();
        r.texts(draft.texts());
        r.updatedAt = Instant.now();
    }
}
