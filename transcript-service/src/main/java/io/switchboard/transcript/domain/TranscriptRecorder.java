package io.switchboard.transcript.domain;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatEnded;
import io.switchboard.events.ChatMessage;
import io.switchboard.events.ChatParticipant;
import io.switchboard.events.ChatRequested;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.MessageKind;
import io.switchboard.events.MessageLeft;
import io.switchboard.events.ParticipantRole;
import io.switchboard.events.RoutingOutcome;
import io.switchboard.kit.tx.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Builds a chat's transcript from its events, inside the consumer's transaction. Every write tolerates any arrival
 * order across topics (the transcript row is created by whichever event comes first) and redelivery (a position
 * of the timeline is written once).
 */
@ApplicationScoped
public class TranscriptRecorder {

    /** A message left is the one line of its interaction, and its end. */
    private static final long MESSAGE_SEQ = 1;
    private static final String MESSAGE_LEFT = "MESSAGE_LEFT";

    public Uni<Void> contactRequested(ChatRequested event) {
        return lockTranscript(event.chatId())
                .chain(() -> NativeSql.update("""
                                update transcript set contact_name = $2, email = $3, language = $4, queue = $5,
                                       subject = $6, requested_at = $7
                                where chat_id = $1""", event.chatId(), event.contactName(), event.email(),
                        event.language(), event.queue(), event.subject(), event.requestedAt()))
                .chain(() -> wakeWaitingRequests(event.chatId()));
    }

    /** The accepting agent may read the transcript even before (or without) its chat.participant notice. */
    public Uni<Void> routed(ChatRouted event) {
        if (event.outcome() != RoutingOutcome.ACCEPTED || event.agentId() == null) {
            return Uni.createFrom().voidItem();
        }
        return lockTranscript(event.chatId())
                .chain(() -> participant(event.chatId(), event.agentId(), event.agentName(), ParticipantRole.AGENT));
    }

    /**
     * A poll's chat messages at once (any number of chats): the chats' rows created and locked, every line written,
     * waiting requests woken, each in one statement for all of them. Per message, four statements made most of the
     * transcript's database work on the message path (docs/performance.md).
     */
    public Uni<Void> messagesPosted(List<ChatMessage> events) {
        String[] chats = events.stream().map(ChatMessage::chatId).distinct().sorted().toArray(String[]::new);
        int n = events.size();
        String[] chatIds = new String[n];
        Long[] seqs = new Long[n];
        String[] kinds = new String[n];
        String[] authorIds = new String[n];
        String[] authorNames = new String[n];
        String[] roles = new String[n];
        String[] texts = new String[n];
        String[] urls = new String[n];
        OffsetDateTime[] ats = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            ChatMessage event = events.get(i);
            chatIds[i] = event.chatId();
            seqs[i] = event.seq();
            ats[i] = event.sentAt() == null ? null : event.sentAt().atOffset(ZoneOffset.UTC);
            if (ChatMessage.isWhisper(event)) {
                // The contact's transcript never holds a whisper's words: its position only, to count it complete.
                kinds[i] = LineKind.WHISPER.name();
                continue;
            }
            authorIds[i] = event.authorId();
            authorNames[i] = event.authorName();
            roles[i] = event.authorRole() == null ? null : event.authorRole().name();
            if (event.kind() == MessageKind.FILE && event.attachment() != null) {
                // The file stays in session-service: the line links to its download, relative to the public address.
                kinds[i] = LineKind.FILE.name();
                texts[i] = event.attachment().name();
                urls[i] = downloadPath(event.chatId(), event.attachment().id().toString());
            } else {
                kinds[i] = (event.kind() == MessageKind.PAGE_PUSH ? LineKind.PAGE : LineKind.MESSAGE).name();
                texts[i] = event.text();
                urls[i] = event.url();
            }
        }
        return lockTranscripts(chats)
                .chain(() -> lines(chatIds, seqs, kinds, authorIds, authorNames, roles, texts, urls, ats))
                .chain(() -> wakeWaitingRequests(chats));
    }

    /** Where session-service serves a chat's file, behind the gateway (docs/api.md, attachments). */
    static String downloadPath(String chatId, String attachmentId) {
        return "/api/chats/" + URLEncoder.encode(chatId, StandardCharsets.UTF_8) + "/attachments/" + attachmentId;
    }

    public Uni<Void> participantChanged(ChatParticipant event) {
        Uni<Void> member = event.joined()
                ? participant(event.chatId(), event.participantId(), event.name(), event.role())
                : Uni.createFrom().voidItem();
        return lockTranscript(event.chatId())
                .chain(() -> member)
                .chain(() -> line(event.chatId(), event.seq(), LineKind.of(event), event.participantId(),
                        event.name(), event.role(), null, null, event.at()))
                .chain(() -> wakeWaitingRequests(event.chatId()));
    }

    public Uni<Void> chatEnded(ChatEnded event) {
        return lockTranscript(event.chatId())
                .chain(() -> NativeSql.update("""
                                update transcript set end_seq = $2, end_reason = $3, ended_by = $4, ended_at = $5,
                                       end_received_at = coalesce(end_received_at, $6)
                                where chat_id = $1""", event.chatId(), event.seq(), event.reason().name(),
                        event.endedBy(), event.endedAt(), Instant.now()))
                .chain(() -> line(event.chatId(), event.seq(), LineKind.ENDED, event.endedBy(), null, null, null,
                        null, event.endedAt()))
                .chain(() -> wakeWaitingRequests(event.chatId()));
    }

    /**
     * A message the contact left: an interaction of one line (the message), complete at once, so that its
     * acknowledgement goes through the same once-only sending as transcripts.
     */
    public Uni<Void> messageLeft(MessageLeft event) {
        return lockTranscript(event.chatId())
                .chain(() -> NativeSql.update("""
                                update transcript set contact_name = $2, email = $3, language = $4, queue = $5,
                                       requested_at = $6, end_seq = $7, end_reason = $8, ended_at = $6,
                                       end_received_at = coalesce(end_received_at, $9)
                                where chat_id = $1""", event.chatId(), event.contactName(), event.email(),
                        event.language(), event.queue(), event.leftAt(), MESSAGE_SEQ, MESSAGE_LEFT, Instant.now()))
                .chain(() -> line(event.chatId(), MESSAGE_SEQ, LineKind.MESSAGE, event.contactId(),
                        event.contactName(), ParticipantRole.CONTACT, event.text(), null, event.leftAt()));
    }

    /**
     * Creates the chat's row if no event of the chat came before, and holds its row lock until the transaction ends.
     * Every write of a chat (lines, end, contact, new requests) takes this lock first, so they commit one after the
     * other: a request added concurrently with an event is either seen by that event's wake-up or added after the
     * event committed (and then examined against it).
     */
    public Uni<Void> lockTranscript(String chatId) {
        return lockTranscripts(new String[] {chatId});
    }

    /** {@link #lockTranscript} for several chats, locked in chat id order (two batches never deadlock). */
    private static Uni<Void> lockTranscripts(String[] chatIds) {
        return NativeSql.update("""
                        insert into transcript (chat_id, created_at) select unnest($1::text[]), $2
                        on conflict do nothing""", chatIds, Instant.now())
                .chain(() -> NativeSql.rows("""
                        select chat_id from transcript where chat_id = any($1::text[]) order by chat_id
                        for no key update""", (Object) chatIds).replaceWithVoid());
    }

    private static Uni<Void> line(String chatId, long seq, LineKind kind, String authorId, String authorName,
                                  ParticipantRole role, String text, String url, Instant at) {
        return lines(new String[] {chatId}, new Long[] {seq}, new String[] {kind.name()}, new String[] {authorId},
                new String[] {authorName}, new String[] {role == null ? null : role.name()}, new String[] {text},
                new String[] {url}, new OffsetDateTime[] {at == null ? null : at.atOffset(ZoneOffset.UTC)});
    }

    /** Inserts lines given column by column (one statement for any number); a line already there stays as it is. */
    private static Uni<Void> lines(String[] chatIds, Long[] seqs, String[] kinds, String[] authorIds,
                                   String[] authorNames, String[] roles, String[] texts, String[] urls,
                                   OffsetDateTime[] ats) {
        return NativeSql.update("""
                        insert into transcript_line (chat_id, seq, kind, author_id, author_name, author_role, text, url, at)
                        select * from unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[],
                                             $7::text[], $8::text[], $9::timestamptz[])
                        on conflict (chat_id, seq) do nothing""",
                chatIds, seqs, kinds, authorIds, authorNames, roles, texts, urls, ats).replaceWithVoid();
    }

    private Uni<Void> participant(String chatId, String participantId, String name, ParticipantRole role) {
        return NativeSql.update("""
                        insert into transcript_participant (chat_id, participant_id, name, role)
                        values ($1, $2, $3, $4)
                        on conflict (chat_id, participant_id) do update set name = coalesce(excluded.name,
                            transcript_participant.name), role = coalesce(excluded.role, transcript_participant.role)""",
                chatId, participantId, name, role == null ? null : role.name()).replaceWithVoid();
    }

    /**
     * Requests that wait for the end of the chat (or for its last lines) are looked at again now rather than at
     * their wake-up time. Requests already in SMTP back-off keep their schedule.
     * <p>
     * Deliberately no {@code next_attempt_at > now} filter: a sender may hold a due row (claimed {@code FOR UPDATE})
     * and have read the chat before this transaction commits, about to postpone it to its wake-up time. A filter
     * would skip that row on its old, due value without waiting; without it, this update waits for the sender's
     * commit and brings the postponed row forward again.
     */
    private Uni<Void> wakeWaitingRequests(String chatId) {
        return wakeWaitingRequests(new String[] {chatId});
    }

    private static Uni<Void> wakeWaitingRequests(String[] chatIds) {
        return NativeSql.update("""
                update transcript_request set next_attempt_at = least(next_attempt_at, $2)
                where chat_id = any($1::text[]) and status = 'PENDING' and attempts = 0""",
                chatIds, Instant.now()).replaceWithVoid();
    }
}
