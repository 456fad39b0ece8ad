package io.switchboard.session.receipt;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.ParticipantRole;
import io.switchboard.events.ReceiptUpdated;
import io.switchboard.kit.outbox.EventOutbox;
import io.switchboard.kit.problem.ProblemException;
import io.switchboard.kit.problem.Problems;
import io.switchboard.kit.tx.NativeSql;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.session.chat.Caller;
import io.switchboard.session.domain.Chat;
import io.switchboard.session.domain.Participant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Delivery and read receipts (docs/session-service.md, receipts), from the sockets and REST alike. A receipt is a
 * participant's cumulative watermark over the chat's sequence, so the page sends one for many items and the service
 * writes one row per receipt, never one per message and participant. A watermark only grows: one that does not move
 * anything changes nothing and publishes nothing. Each change publishes {@code chat.receipt.updated} in the same
 * transaction; the live fan-out turns that event into the {@code receipt} frame on every instance.
 */
@ApplicationScoped
public class Receipts {

    /** The slug of a receipt from someone who is not (or no longer) in the chat, over REST and the sockets alike. */
    public static final String NOT_A_PARTICIPANT = "not-a-participant";
    static final String DELIVERED_FIELD = "deliveredSeq";
    static final String READ_FIELD = "readSeq";

    /**
     * The write in one statement, without loading an entity: the participant is present, the watermark is not past
     * the chat's last seq, and at least one of the two grows. The chat row is read, not locked, so receipts never wait
     * for the messages being written. Nothing returned: no change, or a refusal the entity path then explains.
     */
    private static final String ADVANCE = """
            update chat_participant p
            set delivered_seq = greatest(p.delivered_seq, $3), read_seq = greatest(p.read_seq, $4)
            from chat c
            where p.chat_id = $1 and p.participant_id = $2 and p.left_at is null
              and c.id = p.chat_id and $3 <= c.last_seq
              and (p.delivered_seq < $3 or p.read_seq < $4)
            returning p.role, p.name, p.delivered_seq, p.read_seq""";

    private final Transactions tx;
    private final EventOutbox outbox;

    public Receipts(Transactions tx, EventOutbox outbox) {
        this.tx = tx;
        this.outbox = outbox;
    }

    /** A participant's receipts in a chat, as they are after a change (or unchanged). */
    public record Receipt(String chatId, String participantId, ParticipantRole role, String name, long deliveredSeq,
                          long readSeq) {
        public static Receipt of(Participant p) {
            return new Receipt(p.chatId, p.participantId, p.role, p.name, p.deliveredSeq, p.readSeq);
        }
    }

    /**
     * Moves the caller's watermarks on. Reading an item implies having received it: {@code delivered} is at least
     * {@code read}.
     *
     * @param delivered the highest seq the caller's client received; null when only {@code read} is given
     * @param read      the highest seq the caller's window showed; null when only {@code delivered} is given
     * @return the caller's receipts after the change
     */
    public Uni<Receipt> record(String chatId, Caller caller, Long delivered, Long read) {
        if (delivered == null && read == null) {
            return Uni.createFrom().failure(Problems.invalidField(READ_FIELD, "give deliveredSeq, readSeq or both"));
        }
        if (delivered != null && delivered < 0) {
            return Uni.createFrom().failure(Problems.invalidField(DELIVERED_FIELD, "must be 0 or more"));
        }
        if (read != null && read < 0) {
            return Uni.createFrom().failure(Problems.invalidField(READ_FIELD, "must be 0 or more"));
        }
        long readSeq = read == null ? 0 : read;
        long deliveredSeq = Math.max(delivered == null ? 0 : delivered, readSeq);
        return tx.commit(() -> advance(chatId, caller, deliveredSeq, readSeq).chain(row -> {
            if (row == null) {
                return unchanged(chatId, caller, deliveredSeq, read != null ? READ_FIELD : DELIVERED_FIELD);
            }
            Receipt receipt = new Receipt(chatId, caller.id(), ParticipantRole.valueOf((String) row[0]),
                    (String) row[1], ((Number) row[2]).longValue(), ((Number) row[3]).longValue());
            return outbox.publish(new ReceiptUpdated(chatId, receipt.participantId(), receipt.role(), receipt.name(),
                            receipt.deliveredSeq(), receipt.readSeq(), Instant.now().truncatedTo(ChronoUnit.MILLIS)))
                    .replaceWith(receipt);
        }));
    }

    /** Every participant's receipts (past participants too: what they had when they left), in joining order. */
    public static Uni<List<Receipt>> of(String chatId) {
        return Participant.of(chatId).map(ps -> ps.stream().map(Receipt::of).toList());
    }

    private static Uni<Object[]> advance(String chatId, Caller caller, long delivered, long read) {
        return NativeSql.row(ADVANCE, chatId, caller.id(), delivered, read);
    }

    /**
     * The statement changed nothing: either the watermarks were there already (the answer is the receipts as they
     * are), or the receipt is refused, and this says why.
     */
    private static Uni<Receipt> unchanged(String chatId, Caller caller, long delivered, String field) {
        return Chat.byId(chatId).chain(chat -> Participant.inChat(chatId, caller.id()).map(me -> {
            if (me == null || !me.present() || (caller.isContact() && !chatId.equals(caller.chatId()))) {
                throw notAParticipant();
            }
            if (delivered > chat.lastSeq) {
                throw Problems.invalidField(field, "seq " + delivered + " is past the chat's last item ("
                        + chat.lastSeq + ")");
            }
            return Receipt.of(me);
        }));
    }

    static ProblemException notAParticipant() {
        return new ProblemException(Status.FORBIDDEN, NOT_A_PARTICIPANT, "Not a participant",
                "Only the chat's present participants send receipts.");
    }
}
