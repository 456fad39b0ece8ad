package io.switchboard.session.chat;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.MessageKind;
import io.switchboard.kit.tx.NativeSql;
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
                where id = $1 and state in ('WAITING', 'ACTIVE')
                  and exists (select 1 from chat_participant
                              where chat_id = $1 and participant_id = $2 and left_at is null)
                  and not exists (select 1 from timeline_item
                                  where chat_id = $1 and author_id = $2 and client_message_id = $3)
                returning last_seq)
            insert into timeline_item (chat_id, seq, kind, at, message_id, client_message_id, author_id, author_name,
                                       author_role, message_kind, text, url, phone_numbers)
            select $1, last_seq, 'MESSAGE', cast($4 as timestamptz), cast($5 as uuid), $3, $2,
                   $6, $7, $8, $9, cast($10 as varchar), $11
            from next
            returning seq""";

    private static final String NUMBER_SEPARATOR = ",";

    private MessageInsert() {
    }

    /** @return the item inserted, or null when nothing was (not allowed, chat finished, or a duplicate) */
    static Uni<TimelineItem> insert(String chatId, Caller author, String clientMessageId, MessageKind kind,
                                    String text, String url, List<String> phoneNumbers, Instant at) {
        UUID messageId = UUID.randomUUID();
        return NativeSql.value(SQL, Long.class, chatId, author.id(), clientMessageId, at, messageId, author.name(),
                        author.role(), kind, text, url, String.join(NUMBER_SEPARATOR, phoneNumbers))
                .map(seq -> seq == null ? null : new TimelineItem(seq, TimelineEntry.Kind.MESSAGE, at, messageId,
                        clientMessageId, author.id(), author.name(), author.role(), kind, text, url, phoneNumbers,
                        null, null, null, null, null));
    }
}
