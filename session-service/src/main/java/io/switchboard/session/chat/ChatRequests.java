package io.switchboard.session.chat;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatRequested;
import io.switchboard.events.ParticipantChange;
import io.switchboard.events.ParticipantRole;
import io.switchboard.kit.outbox.EventOutbox;
import io.switchboard.kit.problem.Problems;
import io.switchboard.kit.security.Roles;
import io.switchboard.kit.trace.ChatLogContext;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.session.SessionConfig;
import io.switchboard.session.data.ChatData;
import io.switchboard.session.domain.Chat;
import io.switchboard.session.domain.ChatState;
import io.switchboard.session.domain.Participant;
import io.switchboard.session.hours.QueueOpening;
import io.switchboard.session.security.ContactIdentities;
import io.switchboard.session.security.ContactTokenConfig;
import io.switchboard.session.text.PhoneNumbers;
import io.switchboard.session.text.PhoneRegions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A web visitor asks for a chat: the chat is stored, routing is told, the visitor gets a token for this chat. */
@ApplicationScoped
public class ChatRequests {

    private final Transactions tx;
    private final Timeline timeline;
    private final EventOutbox outbox;
    private final PhoneNumbers phoneNumbers;
    private final SessionConfig config;
    private final ContactIdentities identities;
    private final ContactTokenConfig tokens;
    private final ChatData chatData;
    private final QueueOpening opening;

    public ChatRequests(Transactions tx, Timeline timeline, EventOutbox outbox, PhoneNumbers phoneNumbers,
                        SessionConfig config, ContactIdentities identities, ContactTokenConfig tokens,
                        ChatData chatData, QueueOpening opening) {
        this.opening = opening;
        this.chatData = chatData;
        this.identities = identities;
        this.tokens = tokens;
        this.tx = tx;
        this.timeline = timeline;
        this.outbox = outbox;
        this.phoneNumbers = phoneNumbers;
        this.config = config;
    }

    /**
     * @param identityToken the company's site's signed word for who the contact is; null for anonymous visitors
     * @param data          the attached data given with the request (may be null)
     */
    public record NewChat(String name, String email, List<String> phoneNumbers, String queue, String subject,
                          String language, String identityToken, Map<String, Object> data) {
    }

    public record CreatedChat(String chatId, String contactToken, String contactId, String socket) {
    }

    public Uni<CreatedChat> request(NewChat request) {
        // Checked before anything is stored: a bad number is a 400 that changes nothing.
        // A number given without a country code is read in the country of the others, the language or the queue.
        String queue = blank(request.queue()) ? config.defaultQueue() : request.queue().strip();
        String language = blank(request.language()) ? config.defaultLanguage() : request.language().strip();
        List<String> given = request.phoneNumbers() == null ? List.of() : request.phoneNumbers();
        PhoneRegions.Hints hints = new PhoneRegions.Hints(given, language, queue);
        List<String> numbers = given.stream().map(n -> phoneNumbers.normalize(n, hints)).distinct().toList();
        Map<String, Object> data = chatData.initial(request.data());
        ContactIdentities.Identity identity = identities.of(request.identityToken());
        Chat chat = new Chat();
        chat.id = UUID.randomUUID().toString();
        // The new chat's id in this request's log lines and on its span (the start of the chat's trace).
        ChatLogContext.chat(chat.id);
        chat.state = ChatState.WAITING;
        chat.contactId = identity.contactId();
        chat.contactName = request.name().strip();
        chat.contactEmail = identity.email().orElse(request.email()).strip();
        chat.phoneNumberList(numbers);
        chat.queue = queue;
        chat.subject = request.subject();
        chat.language = language;
        chat.requestedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        chat.data(data);
        Participant contact = Participant.joining(chat.id, Caller.contactId(chat.id), chat.contactName,
                ParticipantRole.CONTACT, chat.requestedAt);
        // A closed queue refuses before anything is stored; routing checks again for a request that raced a closing.
        return tx.commit(() -> opening.requireOpen(chat.queue, chat.requestedAt)
                        .chain(() -> chat.persist())
                        .chain(() -> contact.persist())
                        .chain(() -> outbox.publish(new ChatRequested(chat.id, chat.contactId, chat.contactName,
                                chat.contactEmail, numbers, chat.queue, chat.subject, chat.language,
                                chat.requestedAt, identity.verified(), data.isEmpty() ? null : data)))
                        .chain(() -> chatData.requested(chat, data))
                        .chain(() -> timeline.participantChange(chat, contact, ParticipantChange.CONTACT_JOINED,
                                NoticeTexts.joined(chat.contactName))))
                .map(ignored -> new CreatedChat(chat.id, contactToken(chat.id, chat.contactName), chat.contactId,
                        "/ws/contact/" + chat.id));
    }

    /**
     * A fresh contact token for the contact of {@code chatId}, who proves it with a valid token of that chat: the
     * widget renews before its token's lifetime ends (sockets close with 4401 then). Needs no database.
     */
    public String renewContactToken(String chatId, Caller caller) {
        if (!caller.isContact() || !chatId.equals(caller.chatId())) {
            throw Problems.forbidden("Only the contact of this chat renews its token.");
        }
        return contactToken(chatId, caller.name());
    }

    private String contactToken(String chatId, String contactName) {
        return Jwt.issuer(tokens.issuer())
                .audience(tokens.audience())
                .subject(Caller.contactId(chatId))
                .groups(Set.of(Roles.CONTACT))
                .claim(Roles.CHAT_CLAIM, chatId)
                .claim(Roles.NAME_CLAIM, contactName)
                .expiresIn(config.contactTokenLifetime())
                .sign(tokens.signingKeyLocation());
    }


    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
