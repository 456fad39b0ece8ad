package io.switchboard.session.chat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatMessage;
import io.switchboard.events.MessageKind;
import io.switchboard.kit.problem.ProblemException;
import io.switchboard.kit.problem.Problems;
import io.switchboard.kit.tx.NativeSql;
import io.switchboard.kit.tx.SqlStates;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.session.SessionConfig;
import io.switchboard.session.domain.Chat;
import io.switchboard.session.domain.TimelineEntry;
import io.switchboard.session.standard.StandardResponses;
import io.switchboard.session.text.PageUrls;
import io.switchboard.session.text.PhoneNumbers;
import io.switchboard.session.text.PhoneRegions;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** Posts messages in a chat, from REST and from the sockets alike. */
// Created at start so that its counter (messages) is exposed, at 0, before the first message.
@Startup
@ApplicationScoped
public class Messages {

    private static final String PHONE_HINTS = "select phone_numbers, language, queue from chat where id = $1";

    private final Transactions tx;
    private final ChatAccess access;
    private final Timeline timeline;
    private final StandardResponses standardResponses;
    private final PageUrls pageUrls;
    private final PhoneNumbers phoneNumbers;
    private final int maxBytes;
    private final Counter sent;

    static final String MESSAGES = "switchboard.session.messages";

    public Messages(Transactions tx, ChatAccess access, Timeline timeline, StandardResponses standardResponses,
                    PageUrls pageUrls, PhoneNumbers phoneNumbers, SessionConfig config, MeterRegistry registry) {
        this.sent = Counter.builder(MESSAGES).description("Chat messages written (a repeated client message id not "
                + "counted again)").register(registry);
        this.tx = tx;
        this.access = access;
        this.timeline = timeline;
        this.standardResponses = standardResponses;
        this.pageUrls = pageUrls;
        this.phoneNumbers = phoneNumbers;
        this.maxBytes = config.maxMessageBytes();
    }

    /** What a participant sends: typed text, a standard response, or a page to push (agents only for the last two). */
    public record Draft(String clientMessageId, String text, UUID standardResponseId, String pageUrl) {
    }

    /** @param created false when the client message id was seen before and the stored message is returned */
    public record Sent(TimelineItem item, boolean created) {
    }

    public Uni<Sent> send(String chatId, Caller caller, Draft draft) {
        if (draft.clientMessageId() == null || draft.clientMessageId().isBlank()) {
            return Uni.createFrom().failure(Problems.badRequest("clientMessageId is required."));
        }
        if (caller.isContact() && (draft.standardResponseId() != null || draft.pageUrl() != null)) {
            return Uni.createFrom().failure(Problems.forbidden("Only agents send standard responses and pages."));
        }
        Checked checked = draft.standardResponseId() == null && (caller.isContact() || caller.isAgent())
                ? checked(draft) : null;
        if (checked == null) {
            return counted(tx.commit(() -> withEntities(chatId, caller, draft)));
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return counted(tx.commit(() -> numbersIn(chatId, checked.text()).chain(numbers -> MessageInsert.insert(chatId,
                                caller, draft.clientMessageId(), checked.kind(), checked.text(), checked.url(), numbers,
                                at))
                        .chain(item -> item == null ? withEntities(chatId, caller, draft)
                                : timeline.published(chatId, item).replaceWith(new Sent(item, true))))
                // The same message sent twice at once: the second finds the first's row once it committed.
                .onFailure(SqlStates::isUniqueViolation).recoverWithUni(() -> tx.commit(() ->
                        withEntities(chatId, caller, draft))));
    }

    /**
     * A whisper, for the chat's agents and supervisors only: from a supervisor who monitors the chat or is in it, or
     * from an agent in it answering. A contact is refused whatever the chat; a repeated client message id is answered
     * with the stored whisper, as for messages.
     */
    public Uni<Sent> whisper(String chatId, Caller caller, String clientMessageId, String text) {
        if (clientMessageId == null || clientMessageId.isBlank()) {
            return Uni.createFrom().failure(Problems.badRequest("clientMessageId is required."));
        }
        return counted(tx.commit(() -> Chat.lockForUpdate(chatId)
                .call(chat -> access.staffInOpenChat(chat, caller))
                .chain(chat -> TimelineEntry.sentBefore(chatId, caller.id(), clientMessageId)
                        .chain(previous -> {
                            if (previous != null) {
                                return Uni.createFrom().item(new Sent(TimelineItem.of(previous), false));
                            }
                            checkText(text);
                            return timeline.whisper(chat, caller, clientMessageId, text)
                                    .map(e -> new Sent(TimelineItem.of(e), true));
                        }))));
    }

    /**
     * A file the caller uploaded, posted as a FILE message: refused like a message (no such chat, not in it, chat
     * finished); {@code keep} writes the file's own row in the same transaction, before the message. A repeated client
     * message id is answered with the stored message, and {@code keep} is not run.
     */
    public Uni<Sent> file(String chatId, Caller caller, String clientMessageId, ChatMessage.Attachment file,
                          Supplier<Uni<Void>> keep) {
        return counted(tx.commit(() -> Chat.lockForUpdate(chatId)
                .call(chat -> access.inOpenChat(chat, caller))
                .chain(chat -> TimelineEntry.sentBefore(chatId, caller.id(), clientMessageId)
                        .chain(previous -> previous != null
                                ? Uni.createFrom().item(new Sent(TimelineItem.of(previous), false))
                                : keep.get().chain(() -> timeline.file(chat, caller, clientMessageId, file))
                                        .map(e -> new Sent(TimelineItem.of(e), true))))));
    }

    /** Counted once committed, so a rolled-back attempt is not a message (messages per second on the dashboard). */
    private Uni<Sent> counted(Uni<Sent> sending) {
        return sending.invoke(result -> {
            if (result.created()) {
                sent.increment();
            }
        });
    }

    /** The numbers in a text, read in the chat's country; the chat is read only when the text has a digit. */
    private Uni<List<String>> numbersIn(String chatId, String text) {
        if (!PhoneNumbers.mayHoldNumber(text)) {
            return Uni.createFrom().item(List.of());
        }
        return NativeSql.row(PHONE_HINTS, chatId)
                .map(row -> phoneNumbers.findIn(text, row == null ? PhoneRegions.Hints.NONE
                        : new PhoneRegions.Hints(Chat.numbers((String) row[0]), (String) row[1], (String) row[2])));
    }

    /** A typed text or a page that passes the checks; null when not, and the entity path gives the refusal. */
    private record Checked(MessageKind kind, String text, String url) {
    }

    private Checked checked(Draft draft) {
        try {
            if (draft.pageUrl() != null) {
                String url = pageUrls.check(draft.pageUrl());
                String text = draft.text() == null || draft.text().isBlank() ? url : draft.text();
                checkText(text);
                return new Checked(MessageKind.PAGE_PUSH, text, url);
            }
            checkText(draft.text());
            return new Checked(MessageKind.TEXT, draft.text(), null);
        } catch (ProblemException refused) {
            // Refused after the access checks, as the entity path does: who may not post learns that first.
            return null;
        }
    }

    /** Loads the chat and its participant as entities: standard responses, refusals and repeated client ids. */
    private Uni<Sent> withEntities(String chatId, Caller caller, Draft draft) {
        return Chat.lockForUpdate(chatId)
                .call(chat -> access.inOpenChat(chat, caller))
                .chain(chat -> TimelineEntry.sentBefore(chatId, caller.id(), draft.clientMessageId())
                        .chain(previous -> previous != null
                                ? Uni.createFrom().item(new Sent(TimelineItem.of(previous), false))
                                : append(chat, caller, draft).map(e -> new Sent(TimelineItem.of(e), true))));
    }

    private Uni<TimelineEntry> append(Chat chat, Caller caller, Draft draft) {
        if (draft.pageUrl() != null) {
            String url = pageUrls.check(draft.pageUrl());
            String text = draft.text() == null || draft.text().isBlank() ? url : draft.text();
            return checkedAppend(chat, caller, draft, MessageKind.PAGE_PUSH, text, url);
        }
        if (draft.standardResponseId() != null) {
            return standardResponses.get(draft.standardResponseId()).chain(r -> checkedAppend(chat, caller, draft,
                    MessageKind.STANDARD_RESPONSE,
                    standardResponses.fill(r, chat.language, chat.contactName, caller.name(),
                            chat.data()), null));
        }
        return checkedAppend(chat, caller, draft, MessageKind.TEXT, draft.text(), null);
    }

    private Uni<TimelineEntry> checkedAppend(Chat chat, Caller caller, Draft draft, MessageKind kind, String text,
                                             String url) {
        checkText(text);
        List<String> numbers = phoneNumbers.findIn(text, chat.phoneHints());
        return timeline.message(chat, caller, draft.clientMessageId(), kind, text, url, numbers);
    }

    /** Empty and oversized texts are refused; the text is otherwise stored exactly as sent. */
    public void checkText(String text) {
        if (text == null || text.isBlank()) {
            throw Problems.badRequest("The message is empty.");
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            throw Problems.tooLarge("The message has " + bytes + " bytes of UTF-8; the limit is " + maxBytes + ".");
        }
    }
}
