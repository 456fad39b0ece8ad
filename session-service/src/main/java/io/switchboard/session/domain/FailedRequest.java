package io.switchboard.session.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.RoutingOutcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A transfer or conference invitation routing could not carry out, kept for {@code failed-request-replay} so that
 * the requester's desk is told when its socket opens again (it may have been away when the failure came).
 */
@Entity
@Table(name = "failed_request")
public class FailedRequest extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "chat_id")
    public String chatId;
    public String reason;
    @Column(name = "failed_at")
    public Instant failedAt;
    @Column(name = "replay_until")
    public Instant replayUntil;

    /**
     * Records a FAILED decision with a requester (other decisions are none of its business); the same decision twice
     * is recorded once. Failures past their replay time are deleted here: failures are rare, so this bounds the table
     * without a job of its own.
     */
    public static Uni<Void> apply(ChatRouted r, Duration keep, Instant now) {
        if (r.outcome() != RoutingOutcome.FAILED || r.requestId() == null || r.requestedBy() == null) {
            return Uni.createFrom().voidItem();
        }
        return FailedRequest.delete("replayUntil < ?1", now)
                .chain(() -> FailedRequest.<FailedRequest>findById(r.requestId()))
                .chain(known -> known != null ? Uni.createFrom().voidItem()
                        : failed(r, keep, now).persist().replaceWithVoid());
    }

    private static FailedRequest failed(ChatRouted r, Duration keep, Instant now) {
        FailedRequest f = new FailedRequest();
        f.requestId = r.requestId();
        f.requestedBy = r.requestedBy();
        f.chatId = r.chatId();
        f.reason = r.reason();
        f.failedAt = r.at() != null ? r.at() : now;
        f.replayUntil = f.failedAt.plus(keep);
        return f;
    }

    /** The requester's failures still to be replayed, oldest first. */
    public static Uni<List<FailedRequest>> of(String requestedBy, Instant now) {
        return FailedRequest.list("requestedBy = ?1 and replayUntil > ?2 order by failedAt", requestedBy, now);
    }
}
