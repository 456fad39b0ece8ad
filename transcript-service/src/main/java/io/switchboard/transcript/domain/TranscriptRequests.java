package io.switchboard.transcript.domain;

import io.smallrye.mutiny.Uni;
import io.switchboard.kit.trace.TraceContexts;
import io.switchboard.kit.tx.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Records requests to mail a transcript. The request id is the idempotency key: a repeat changes nothing. */
@ApplicationScoped
public class TranscriptRequests {

    /** Longest request id accepted (the column's size); longer ones are not from our producers. */
    public static final int MAX_REQUEST_ID_LENGTH = 255;
    private static final String COMPLETED_SUFFIX = ".completed";
    private static final String ACKNOWLEDGEMENT_SUFFIX = ".acknowledgement";

    private final TranscriptRecorder recorder;

    public TranscriptRequests(TranscriptRecorder recorder) {
        this.recorder = recorder;
    }

    /** The one request that the "send transcript" box at Mark Done makes for a chat. */
    public static String completedRequestId(String chatId) {
        return chatId + COMPLETED_SUFFIX;
    }

    /** The one acknowledgement of a message the contact left. */
    public static String acknowledgementRequestId(String chatId) {
        return chatId + ACKNOWLEDGEMENT_SUFFIX;
    }

    /**
     * Adds a request, due at once: the sender decides whether the chat is ready to be mailed.
     *
     * @return true if the request is new, false if a request with this id exists
     */
    public Uni<Boolean> add(String chatId, String requestId, RequestOrigin origin, String requestedBy) {
        Instant now = Instant.now();
        // The span asking for it (a consumed event, a request): the sender's mail span continues its trace.
        TraceContexts.Carried trace = TraceContexts.current();
        return recorder.lockTranscript(chatId)
                .chain(() -> NativeSql.update("""
                                insert into transcript_request (request_id, chat_id, origin, requested_by, status,
                                                                attempts, requested_at, next_attempt_at,
                                                                trace_parent, trace_state)
                                values ($1, $2, $3, $4, 'PENDING', 0, $5, $5, cast($6 as varchar), cast($7 as varchar))
                                on conflict (request_id) do nothing""",
                        requestId, chatId, origin.name(), requestedBy, now,
                        trace == null ? null : trace.traceParent(), trace == null ? null : trace.traceState()))
                .map(inserted -> inserted > 0);
    }
}
