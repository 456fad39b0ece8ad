package io.switchboard.history.figures;

import io.smallrye.mutiny.Uni;
import io.switchboard.history.HistoryConfig;
import io.switchboard.history.search.TimeRange;
import io.switchboard.kit.tx.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts and averages per queue (the queue that served the chat, else the one asked for) and day of request, and the
 * satisfaction survey per agent and day of request.
 */
@ApplicationScoped
public class FiguresService {

    private static final String IN_RANGE = """
            where i.requested_at is not null
              and i.requested_at >= coalesce(cast($2 as timestamptz), '-infinity')
              and i.requested_at < coalesce(cast($3 as timestamptz), 'infinity')
            """;
    private static final String GROUPS = "from interaction i " + IN_RANGE;
    /** Each answered survey once per agent it names. */
    private static final String AGENT_SURVEYS = "from interaction i"
            + " cross join lateral unnest(string_to_array(i.survey_agents, ',')) as a(agent_id) " + IN_RANGE
            + " and i.survey_score is not null";
    private static final String DAY = "to_char(i.requested_at at time zone $1, 'YYYY-MM-DD')";
    private static final String QUEUE_AND_DAY = "coalesce(i.queue, i.requested_queue), " + DAY;

    private final ZoneId zone;

    public FiguresService(HistoryConfig config) {
        this.zone = config.figures().zone();
    }

    public ZoneId zone() {
        return zone;
    }

    public Uni<FiguresReport> figures(TimeRange range) {
        String totals = "select " + QUEUE_AND_DAY + ", count(*),"
                + " avg(extract(epoch from i.accepted_at - i.requested_at)),"
                + " avg(extract(epoch from i.completed_at - i.accepted_at)),"
                + " count(i.survey_score), avg(i.survey_score) " + GROUPS
                + " group by 1, 2 order by 2, 1";
        String dispositions = "select " + QUEUE_AND_DAY + ", i.disposition_code, count(*) " + GROUPS
                + " and i.disposition_code is not null group by 1, 2, 3";
        String agents = "select a.agent_id, " + DAY + ", count(*), avg(i.survey_score) " + AGENT_SURVEYS
                + " group by 1, 2 order by 2, 1";
        return rows(totals, range).chain(totalRows -> rows(dispositions, range)
                .chain(dispositionRows -> rows(agents, range).map(agentRows -> {
                    Map<List<Object>, Map<String, Long>> codes = new HashMap<>();
                    for (Object[] row : dispositionRows) {
                        codes.computeIfAbsent(List.of(key(row[0]), row[1]), k -> new TreeMap<>())
                                .put((String) row[2], ((Number) row[3]).longValue());
                    }
                    List<QueueDayFigures> figures = totalRows.stream().map(row -> new QueueDayFigures(
                            (String) row[0], (String) row[1], ((Number) row[2]).longValue(), number(row[3]),
                            number(row[4]), codes.getOrDefault(List.of(key(row[0]), row[1]), Map.of()),
                            ((Number) row[5]).longValue(), number(row[6]))).toList();
                    List<AgentDayFigures> byAgent = agentRows.stream().map(row -> new AgentDayFigures(
                            (String) row[0], (String) row[1], ((Number) row[2]).longValue(), number(row[3])))
                            .toList();
                    return new FiguresReport(zone.getId(), range.from(), range.to(), figures, byAgent);
                })));
    }

    private Uni<List<Object[]>> rows(String sql, TimeRange range) {
        return NativeSql.rows(sql, zone.getId(), range.from(), range.to());
    }

    /** Interactions that never had a queue are grouped under the empty name. */
    private static Object key(Object queue) {
        return queue == null ? "" : queue;
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
