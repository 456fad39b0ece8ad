package io.switchboard.history.export;

import static io.switchboard.history.export.CsvCells.text;
import static io.switchboard.history.export.CsvCells.value;

import io.switchboard.history.view.InteractionView.Participant;
import io.switchboard.history.view.InteractionView;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** One interaction as a CSV row; lists (queues, agents) are joined with {@value #LIST_SEPARATOR}. */
final class CsvInteraction {

    static final String HEADER = CsvCells.line(List.of("chatId", "state", "contactId", "contactName", "email",
            "queue", "queues", "requestedAt", "firstOfferedAt", "acceptedAt", "endedAt", "doneAt", "waitSeconds",
            "handleSeconds", "agents", "endReason", "dispositionCode", "notes", "messages", "pushedPages",
            "transfers", "conferences", "calls", "transcriptStatus", "workflowStatus", "workflowOutcome", "data",
            "surveyScore", "surveyComment"));
    private static final String LIST_SEPARATOR = "|";
    private static final Set<String> STAFF = Set.of("AGENT", "SUPERVISOR");

    private CsvInteraction() {
    }

    static String row(InteractionView v) {
        var t = v.timings();
        return CsvCells.line(List.of(
                text(v.chatId()), value(v.state()), text(v.contact().contactId()), text(v.contact().name()),
                text(v.contact().email()), text(v.queue()),
                text(v.queues().stream().map(InteractionView.QueueVisit::queue)
                        .collect(Collectors.joining(LIST_SEPARATOR))),
                value(t.requestedAt()), value(t.firstOfferedAt()), value(t.acceptedAt()), value(t.endedAt()),
                value(t.doneAt()), value(t.waitSeconds()), value(t.handleSeconds()),
                text(v.participants().stream().filter(p -> STAFF.contains(p.role())).map(Participant::id)
                        .collect(Collectors.joining(LIST_SEPARATOR))),
                text(v.ending() == null ? null : v.ending().reason()),
                text(v.wrapUp() == null ? null : v.wrapUp().dispositionCode()),
                text(v.wrapUp() == null ? null : v.wrapUp().notes()),
                value(v.messages().size()), value(v.pushedPages().size()), value(v.transfers().size()),
                value(v.conferences().size()), value(v.calls().size()),
                text(v.transcript().status()), text(v.workflow().status()), text(v.workflow().outcome()),
                text(data(v.data())),
                value(v.survey() == null ? null : v.survey().score()),
                text(v.survey() == null ? null : v.survey().comment())));
    }

    /** The attached data as {@code key=value} pairs joined with {@value #LIST_SEPARATOR}, in the chat's key order. */
    private static String data(java.util.Map<String, Object> data) {
        return data.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(LIST_SEPARATOR));
    }
}
