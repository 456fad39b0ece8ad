package io.switchboard.history.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.history.HistoryConfig;
import io.switchboard.history.search.TimeRange;
import io.switchboard.history.store.InteractionRow;
import io.switchboard.history.view.InteractionReader;
import io.switchboard.history.view.InteractionView;
import io.switchboard.kit.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Streams the interactions requested in a time range, oldest first, a batch at a time (keyset paging on request
 * time and chat id, each batch in its own short session), so an export of any size holds one batch in memory.
 */
@ApplicationScoped
public class InteractionExport {

    private final InteractionReader reader;
    private final ObjectMapper json;
    private final int batchSize;
    private final Transactions tx;

    public InteractionExport(InteractionReader reader, ObjectMapper json,
                             HistoryConfig config,
                             Transactions tx) {
        this.tx = tx;
        this.reader = reader;
        this.json = json;
        this.batchSize = config.export().batchSize();
    }

    public Multi<String> export(TimeRange range, ExportFormat format) {
        Multi<String> rows = Multi.createBy().repeating()
                .uni(() -> new Cursor(range), cursor -> tx.read(() -> nextBatch(cursor)))
                .until(List::isEmpty)
                .onItem().transformToIterable(views -> views.stream().map(view -> line(view, format)).toList());
        return format == ExportFormat.CSV ? Multi.createBy().concatenating()
                .streams(Multi.createFrom().item(CsvInteraction.HEADER), rows) : rows;
    }

    private Uni<List<InteractionView>> nextBatch(Cursor cursor) {
        return InteractionRow.<InteractionRow>find("""
                        requestedAt >= ?1 and requestedAt < ?2
                        and (requestedAt > ?3 or (requestedAt = ?3 and chatId > ?4))
                        order by requestedAt, chatId""",
                        cursor.range.from(), cursor.range.to(), cursor.lastRequestedAt, cursor.lastChatId)
                .page(0, batchSize).list()
                .invoke(rows -> {
                    if (!rows.isEmpty()) {
                        InteractionRow last = rows.get(rows.size() - 1);
                        cursor.lastRequestedAt = last.requestedAt;
                        cursor.lastChatId = last.chatId;
                    }
                })
                .chain(reader::views);
    }

    private String line(InteractionView view, ExportFormat format) {
        if (format == ExportFormat.CSV) {
            return CsvInteraction.row(view);
        }
        try {
            return json.writeValueAsString(view) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write interaction " + view.chatId(), e);
        }
    }

    /** Where the previous batch ended; starts just before the range. */
    private static final class Cursor {
        final TimeRange range;
        Instant lastRequestedAt;
        String lastChatId = "";

        Cursor(TimeRange range) {
            this.range = range;
            this.lastRequestedAt = range.from();
        }
    }
}
