package io.switchboard.history.search;

import io.smallrye.mutiny.Uni;
import io.switchboard.history.store.InteractionRow;
import io.switchboard.kit.tx.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds interactions by contact, agent, queue, disposition, date range, attached data (key, or key and value) and
 * words in their messages (PostgreSQL full-text search on the messages' GIN-indexed tsvector), limited to what the
 * viewer may see.
 */
@ApplicationScoped
public class InteractionSearch {

    /** Same configuration as the indexed column: no stemming, language-neutral. */
    private static final String TEXT_SEARCH_CONFIG = "'simple'";
    private static final String COLUMNS = InteractionRow.COLUMNS.stream().map(column -> "i." + column)
            .collect(Collectors.joining(", "));

    public Uni<Page<InteractionRow>> find(InteractionCriteria criteria, Viewer viewer, SortOrder order, int page,
                                          int size) {
        Filter filter = filter(criteria, viewer);
        String where = filter.where();
        List<Object> rowParameters = new ArrayList<>(filter.parameters);
        rowParameters.add(size);
        rowParameters.add((long) page * size);
        String rowsSql = "select " + COLUMNS + " from interaction i" + where + " order by " + order.sql()
                + " limit $" + (filter.parameters.size() + 1) + " offset $" + (filter.parameters.size() + 2);
        return NativeSql.rows(rowsSql, rowParameters.toArray())
                .chain(rows -> NativeSql.value("select count(*) from interaction i" + where, Long.class,
                                filter.parameters.toArray())
                        .map(total -> new Page<>(rows.stream().map(InteractionRow::of).toList(), page, size, total)));
    }

    /** Whether the viewer may see the interactions of this chat (its contact's, for an agent). */
    public Uni<Boolean> maySee(String chatId, Viewer viewer) {
        if (viewer.supervisor()) {
            return Uni.createFrom().item(true);
        }
        Filter filter = new Filter();
        filter.add("i.chat_id = ?", chatId);
        filter.visibleTo(viewer);
        return count(filter).map(count -> count > 0);
    }

    /** Whether an agent serves or served this contact. */
    public Uni<Boolean> servesContact(String contactId, Viewer viewer) {
        if (viewer.supervisor()) {
            return Uni.createFrom().item(true);
        }
        Filter filter = new Filter();
        filter.add("i.contact_id = ?", contactId);
        filter.visibleTo(viewer);
        return count(filter).map(count -> count > 0);
    }

    private Uni<Long> count(Filter filter) {
        return NativeSql.value("select count(*) from interaction i" + filter.where(), Long.class,
                filter.parameters.toArray());
    }

    private static Filter filter(InteractionCriteria c, Viewer viewer) {
        Filter filter = new Filter();
        if (c.contactId() != null) {
            filter.add("i.contact_id = ?", c.contactId());
        }
        if (c.agentId() != null) {
            filter.add("exists (select 1 from interaction_participation p where p.chat_id = i.chat_id"
                    + " and p.participant_id = ?)", c.agentId());
        }
        if (c.queue() != null) {
            filter.add("exists (select 1 from interaction_queue q where q.chat_id = i.chat_id and q.queue = ?)",
                    c.queue());
        }
        if (c.disposition() != null) {
            filter.add("i.disposition_code = ?", c.disposition());
        }
        if (c.from() != null) {
            filter.add("i.requested_at >= ?", c.from());
        }
        if (c.to() != null) {
            filter.add("i.requested_at < ?", c.to());
        }
        if (c.words() != null && !c.words().isBlank()) {
            filter.add("exists (select 1 from interaction_message m where m.chat_id = i.chat_id and m.search @@ "
                    + "websearch_to_tsquery(" + TEXT_SEARCH_CONFIG + ", ?))", c.words());
        }
        // The stored object is text: cast once per row; ->> gives every value as text ("gold", "129.5", "true").
        if (c.dataKey() != null && c.dataValue() != null) {
            filter.add("cast(i.attached_data as jsonb) ->> ? = ?", c.dataKey(), c.dataValue());
        } else if (c.dataKey() != null) {
            filter.add("jsonb_exists(cast(i.attached_data as jsonb), ?)", c.dataKey());
        }
        filter.visibleTo(viewer);
        return filter;
    }

    /** A WHERE clause built from fixed SQL fragments; each "?" becomes the next numbered parameter ($1, $2, ...). */
    private static final class Filter {
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> parameters = new ArrayList<>();

        void add(String condition, Object... values) {
            StringBuilder sql = new StringBuilder();
            int next = 0;
            for (char ch : condition.toCharArray()) {
                if (ch == '?') {
                    parameters.add(values[next++]);
                    sql.append('$').append(parameters.size());
                } else {
                    sql.append(ch);
                }
            }
            conditions.add(sql.toString());
        }

        /**
         * An agent sees the chats they took part in, and the other interactions of a contact they served only when
         * the company's site verified that contact: an address typed in a web form would otherwise let whoever takes
         * a chat read another person's history.
         */
        void visibleTo(Viewer viewer) {
            if (viewer.supervisor()) {
                return;
            }
            add("(exists (select 1 from interaction_participation p where p.chat_id = i.chat_id"
                    + " and p.participant_id = ?)"
                    + " or (i.contact_verified and i.contact_id in (select c.contact_id from interaction c"
                    + " join interaction_participation p on p.chat_id = c.chat_id"
                    + " where p.participant_id = ? and p.joined and c.contact_verified)))",
                    viewer.agentId(), viewer.agentId());
        }

        String where() {
            return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }
    }
}
