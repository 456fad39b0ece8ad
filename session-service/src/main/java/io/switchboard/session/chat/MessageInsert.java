package io.switchboard.session.chat;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.MessageKind;
import io.switchboard.session.domain.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The message path's write in one statement: it locks the chat row, takes the next seq, checks that the author is
 * in the open chat and never sent this client message id, and inserts the timeline row. No entity is loaded, so
 * Hibernate has nothing to track, dirty-check or flush (a profile of the entity version showed Hibernate's own work,
 * not the SQL, as most of the CPU per message). When the statement inserts nothing, the caller finds out why with the
 * entity path, which gives the exact refusal or the stored duplicate.
 */
final class MessageInsert {

    private static final String SQL = """
            with next as (
                update chat set last_seq = last_seq + 1
                where id = :chat and state in ('WAITING', 'ACTIVE')
                  and exists (select 1 from chat_participant
                              where chat_id = :chat and participant_id = :author and left_at is null)
                  and not exists (select 1 from timeline_item
                                  where chat_id = :chat and author_id = :author and client_message_id = :clientId)
                returning last_seq)
            insert into timeline_item (chat_id, seq, kind, at, message_id, client_message_id, author_id, author_name,
                                       author_role, message_kind, text, url, phone_numbers)
            select :chat, last_seq, 'MESSAGE', cast(:at as timestamptz), cast(:messageId as uuid), :clientId, :author,
                   :authorName, :role, :kind, :text, cast(:url as varchar), :numbers
            from next
            returning seq""";

    private static final String NUMBER_SEPARATOR = ",";

    private MessageInsert() {
    }

    /** @return the item inserted, or null when nothing was (not allowed, chat finished, or a duplicate) */
    static Uni<TimelineItem> insert(String chatId, Caller author, String clientMessageId, MessageKind kind,
                                    String text, String url, List<String> phoneNumbers, Instant at) {
        UUID messageId = UUID.randomUUID();
        return Panache.getSession().chain(session -> session.createNativeQuery(SQL, Long.class)
                .setParameter("chat", chatId)
                .setParameter("author", author.id())
                .setParameter("clientId", clientMessageId)
                .setParameter("at", at)
                .setParameter("messageId", messageId)
                .setParameter("authorName", author.name())
                .setParameter("role", author.role().name())
                .setParameter("kind", kind.name())
                .setParameter("text", text)
                .setParameter("url", url)
                .setParameter("numbers", String.join(NUMBER_SEPARATOR, phoneNumbers))
                .getSingleResultOrNull())
                .map(seq -> seq == null ? null : new TimelineItem(seq, TimelineEntry.Kind.MESSAGE, at, messageId,
                        clientMessageId, author.id(), author.name(), author.role(), kind, text, url, phoneNumbers,
                        null, null, null, null, null));
    }
}
