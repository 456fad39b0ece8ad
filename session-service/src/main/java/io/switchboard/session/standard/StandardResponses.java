package io.switchboard.session.standard;

import io.smallrye.mutiny.Uni;
import io.switchboard.kit.problem.Problems;
import io.switchboard.session.config.SessionConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The library of standard responses: search, manage, and fill in on use. */
@ApplicationScoped
public class StandardResponses {

    public static final String CONTACT_NAME = "{contact.name}";
    public static final String AGENT_NAME = "{agent.name}";

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

    /** The text in the chat's language (or the default one), with the names filled in. */
    public String fill(StandardResponse r, String language, String contactName, String agentName) {
        Map<String, String> texts = r.texts();
        String text = texts.getOrDefault(language, texts.get(defaultLanguage));
        if (text == null) {
            throw Problems.badRequest("Standard response '" + r.title + "' has no text in '" + language
                    + "' nor in '" + defaultLanguage + "'.");
        }
        return text.replace(CONTACT_NAME, contactName).replace(AGENT_NAME, agentName);
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
