package io.switchboard.session.data;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatDataChanged;
import io.switchboard.events.DataOrigin;
import io.switchboard.events.ParticipantRole;
import io.switchboard.kit.outbox.EventOutbox;
import io.switchboard.kit.problem.Problems;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.session.SessionConfig;
import io.switchboard.session.chat.Caller;
import io.switchboard.session.chat.ChatAccess;
import io.switchboard.session.domain.Chat;
import io.switchboard.session.domain.ChatState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * A chat's attached data: given with the request, changed by integrations (service token, supervisors) and by the
 * agent who owns the chat until Mark Done (wrap-up included). Each change is one {@code chat.data.changed} event in
 * the transaction of the change; a change that changes nothing publishes nothing.
 */
@ApplicationScoped
public class ChatData {

    private final Transactions tx;
    private final ChatAccess access;
    private final EventOutbox outbox;
    private final AttachedData rules;

    public ChatData(Transactions tx, ChatAccess access, EventOutbox outbox, SessionConfig config) {
        this.tx = tx;
        this.access = access;
        this.outbox = outbox;
        this.rules = new AttachedData(config.attachedData());
    }

    /** The data given with a chat request, checked before anything is stored. */
    public Map<String, Object> initial(Map<String, Object> given) {
        return rules.apply(Map.of(), given, true).data();
    }

    /** Inside the request's transaction: the data given with it, as the chat's first change. */
    public Uni<Void> requested(Chat chat, Map<String, Object> data) {
        AttachedData.Result result = rules.apply(Map.of(), data, true);
        chat.data(result.data());
        return published(chat, result, chat.contactId, DataOrigin.REQUEST, chat.requestedAt);
    }

    /** Who reads it: participants (not the contact: the data is the company's), supervisors and integrations. */
    public Uni<Map<String, Object>> read(String chatId, Caller caller, boolean integration) {
        return tx.read(() -> Chat.byId(chatId).call(chat -> allowed(chat, caller, integration, false))
                .map(Chat::data));
    }

    /**
     * Sets (a value) and removes (null) keys. The owning agent, until Mark Done; a supervisor or an integration,
     * on any chat until Mark Done. A refusal changes nothing.
     */
    public Uni<Map<String, Object>> change(String chatId, Caller caller, boolean integration,
                                           Map<String, Object> change) {
        return tx.commit(() -> Chat.lockForUpdate(chatId).chain(chat -> allowed(chat, caller, integration, true)
                .chain(origin -> {
                    if (chat.state == ChatState.DONE) {
                        throw ChatAccess.chatFinished(chat);
                    }
                    AttachedData.Result result = rules.apply(chat.data(), change, false);
                    chat.data(result.data());
                    return published(chat, result, caller.id(), origin, Instant.now().truncatedTo(ChronoUnit.MICROS))
                            .replaceWith(result.data());
                })));
    }

    private Uni<Void> published(Chat chat, AttachedData.Result result, String by, DataOrigin origin, Instant at) {
        if (result.changes().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return outbox.publish(new ChatDataChanged(chat.id, result.data(), result.changes(), by, origin, at))
                .replaceWithVoid();
    }

    /** The origin the caller writes as; a refusal when the caller may not read ({@code write} false) or write. */
    private Uni<DataOrigin> allowed(Chat chat, Caller caller, boolean integration, boolean write) {
        if (integration || caller.role() == ParticipantRole.SUPERVISOR
                && !caller.id().equals(chat.ownerAgentId)) {
            return Uni.createFrom().item(DataOrigin.INTEGRATION);
        }
        if (caller.isContact()) {
            return Uni.createFrom().failure(ChatAccess.notPartOf());
        }
        return access.participation(chat, caller).map(me -> {
            if (write && !caller.id().equals(chat.ownerAgentId)) {
                throw Problems.forbidden(
                        "Only the agent who owns chat " + chat.id + " changes its data.");
            }
            return DataOrigin.AGENT;
        });
    }
}
