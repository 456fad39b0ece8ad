package io.switchboard.history.view;

import io.smallrye.mutiny.Uni;
import io.switchboard.history.store.ActivityRow;
import io.switchboard.history.store.InteractionRow;
import io.switchboard.history.store.MessageRow;
import io.switchboard.history.store.ParticipationRow;
import io.switchboard.history.store.QueueVisitRow;
import io.switchboard.history.store.ReceiptRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads interactions with their children, a page at a time (one query per table, not per interaction). Runs in
 * the caller's reactive session, whose search path decides which store is read (the live one or a rebuild).
 */
@ApplicationScoped
public class InteractionReader {

    /** The interaction in full, or null when the chat is unknown. */
    public Uni<InteractionView> find(String chatId) {
        return InteractionRow.<InteractionRow>findById(chatId)
                .chain(row -> row == null ? Uni.createFrom().nullItem()
                        : views(List.of(row)).map(views -> views.get(0)));
    }

    public Uni<List<InteractionView>> views(List<InteractionRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> ids = rows.stream().map(row -> row.chatId).toList();
        return QueueVisitRow.<QueueVisitRow>list("chatId in ?1 order by enteredAt, queue", ids)
                .chain(queues -> participation(ids)
                .chain(participation -> MessageRow.<MessageRow>list("chatId in ?1 order by seq", ids)
                .chain(messages -> ActivityRow.<ActivityRow>list("chatId in ?1 order by at, eventId", ids)
                .chain(activity -> ReceiptRow.<ReceiptRow>list("chatId in ?1 order by participantId", ids)
                .map(receipts -> {
                    var queuesByChat = byChat(queues, q -> q.chatId);
                    var participationByChat = byChat(participation, p -> p.chatId);
                    var messagesByChat = byChat(messages, m -> m.chatId);
                    var activityByChat = byChat(activity, a -> a.chatId);
                    var receiptsByChat = byChat(receipts, r -> r.chatId);
                    return rows.stream().map(row -> InteractionAssembler.view(row,
                            queuesByChat.getOrDefault(row.chatId, List.of()),
                            participationByChat.getOrDefault(row.chatId, List.of()),
                            messagesByChat.getOrDefault(row.chatId, List.of()),
                            activityByChat.getOrDefault(row.chatId, List.of()),
                            receiptsByChat.getOrDefault(row.chatId, List.of()))).toList();
                })))));
    }

    public Uni<List<InteractionSummary>> summaries(List<InteractionRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return participation(rows.stream().map(row -> row.chatId).toList()).map(participation -> {
            var byChat = byChat(participation, p -> p.chatId);
            return rows.stream().map(row -> InteractionAssembler.summary(row,
                    byChat.getOrDefault(row.chatId, List.of()))).toList();
        });
    }

    private static Uni<List<ParticipationRow>> participation(List<String> chatIds) {
        return ParticipationRow.list("chatId in ?1 order by seq", chatIds);
    }

    /** Groups rows by chat id, keeping their query order. */
    private static <T> Map<String, List<T>> byChat(List<T> rows, Function<T, String> chatId) {
        return rows.stream().collect(Collectors.groupingBy(chatId, Collectors.toList()));
    }
}
