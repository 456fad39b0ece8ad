package io.switchboard.session.chat;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.CallRequested;
import io.switchboard.events.ConferenceRequested;
import io.switchboard.events.ParticipantRole;
import io.switchboard.events.TargetType;
import io.switchboard.events.TranscriptRequested;
import io.switchboard.events.TransferRequested;
import io.switchboard.kit.outbox.EventOutbox;
import io.switchboard.kit.problem.Problems;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.session.call.PhoneCalls;
import io.switchboard.session.domain.Chat;
import io.switchboard.session.domain.ChatState;
import io.switchboard.session.domain.Participant;
import io.switchboard.session.domain.TimelineEntry;
import io.switchboard.session.text.PhoneNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What an agent asks other services to do for a chat: routing (transfer, conference), telephony (a call) and
 * transcript-service (send now). Each request is an event with a request id the answer refers to.
 */
@ApplicationScoped
public class AgentRequests {

    private final Transactions tx;
    private final ChatAccess access;
    private final EventOutbox outbox;
    private final PhoneNumbers phoneNumbers;
    private final PhoneCalls phoneCalls;

    public AgentRequests(Transactions tx, ChatAccess access, EventOutbox outbox, PhoneNumbers phoneNumbers,
                         PhoneCalls phoneCalls) {
        this.phoneCalls = phoneCalls;
        this.tx = tx;
        this.access = access;
        this.outbox = outbox;
        this.phoneNumbers = phoneNumbers;
    }

    public record Target(TargetType targetType, String targetId) {
    }

    /** The owner hands the chat over; they stay until the new agent accepts. */
    public Uni<String> transfer(String chatId, Caller caller, Target target) {
        return request(chatId, caller, (chat, requestId, now) -> {
            if (!caller.id().equals(chat.ownerAgentId)) {
                throw Problems.forbidden("Only the agent who owns chat " + chatId + " transfers it.");
            }
            return outbox.publish(new TransferRequested(chatId, requestId, caller.id(), target.targetType(),
                    target.targetId(), chat.queue, now));
        });
    }

    /** Any agent in the chat invites someone else; the chat stays with its owner. */
    public Uni<String> conference(String chatId, Caller caller, Target target) {
        return request(chatId, caller, (chat, requestId, now) -> outbox.publish(new ConferenceRequested(chatId,
                requestId, caller.id(), target.targetType(), target.targetId(), chat.queue, now)));
    }

    /**
     * "Make a call": to the contact's numbers, or a number the contact wrote in the chat. Besides the request to the
     * telephony, the call enters the chat's call log as a PHONE call (REQUESTED, its id the request's), with its
     * notice and {@code chat.call.updated}; the telephony adapter's statuses move it on.
     */
    public Uni<String> call(String chatId, Caller caller, String rawNumber) {
        return request(chatId, caller, (chat, requestId, now) -> callableNumbers(chat).chain(numbers -> {
            String number = phoneNumbers.normalize(rawNumber, chat.phoneHints());
            if (!numbers.contains(number)) {
                throw Problems.badRequest(number + " is not one of the contact's numbers.");
            }
            return outbox.publish(new CallRequested(chatId, requestId, caller.id(), number, now))
                    .chain(() -> Participant.inChat(chatId, caller.id()))
                    .chain(agent -> phoneCalls.requested(chat, requestId, agent, number, now));
        }));
    }

    /** Mail the transcript now; allowed during the chat and its wrap-up. */
    public Uni<String> transcript(String chatId, Caller caller) {
        String requestId = UUID.randomUUID().toString();
        return tx.commit(() -> Chat.lockForUpdate(chatId).call(chat -> agentIn(chat, caller)).chain(chat -> {
            if (chat.state == ChatState.DONE) {
                throw ChatAccess.chatFinished(chat);
            }
            return outbox.publish(new TranscriptRequested(chatId, requestId, caller.id(), now()));
        })).replaceWith(requestId);
    }

    public Uni<List<String>> phoneNumbers(String chatId, Caller caller) {
        return tx.read(() -> Chat.byId(chatId).call(chat -> agentIn(chat, caller)).chain(this::callableNumbers));
    }

    private Uni<List<String>> callableNumbers(Chat chat) {
        return TimelineEntry.<TimelineEntry>list("chatId = ?1 and authorRole = ?2 and phoneNumbers <> '' order by seq",
                chat.id, ParticipantRole.CONTACT).map(messages -> {
                    Set<String> numbers = new LinkedHashSet<>(chat.phoneNumberList());
                    messages.forEach(m -> numbers.addAll(m.phoneNumberList()));
                    return List.copyOf(numbers);
                });
    }

    private interface RequestEvent {
        Uni<?> publish(Chat chat, String requestId, Instant now);
    }

    private Uni<String> request(String chatId, Caller caller, RequestEvent event) {
        String requestId = UUID.randomUUID().toString();
        return tx.commit(() -> Chat.lockForUpdate(chatId).call(chat -> agentIn(chat, caller)).chain(chat -> {
            ChatAccess.requireActive(chat);
            return event.publish(chat, requestId, now());
        })).replaceWith(requestId);
    }

    private Uni<?> agentIn(Chat chat, Caller caller) {
        if (!caller.isAgent()) {
            return Uni.createFrom().failure(Problems.forbidden("Only agents do this."));
        }
        return access.presentParticipant(chat, caller);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
