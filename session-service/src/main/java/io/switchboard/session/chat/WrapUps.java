package io.switchboard.session.chat;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatCompleted;
import io.switchboard.events.EndReason;
import io.switchboard.events.WorkflowDecision;
import io.switchboard.kit.outbox.EventOutbox;
import io.switchboard.kit.problem.Problems;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.session.disposition.DispositionConfig;
import io.switchboard.session.domain.Chat;
import io.switchboard.session.domain.ChatState;
import io.switchboard.session.domain.Participant;
import io.switchboard.session.workflow.WorkflowAdvisor;
import io.switchboard.session.workflow.WorkflowOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/** The owner's end of a chat: Finish, the wrap-up form (editable until done) and Mark Done. */
@ApplicationScoped
public class WrapUps {

    private final Transactions tx;
    private final ChatAccess access;
    private final ChatEnding ending;
    private final EventOutbox outbox;
    private final DispositionConfig dispositions;
    private final WorkflowAdvisor workflow;

    public WrapUps(Transactions tx, ChatAccess access, ChatEnding ending, EventOutbox outbox,
                   DispositionConfig dispositions, WorkflowAdvisor workflow) {
        this.tx = tx;
        this.access = access;
        this.ending = ending;
        this.outbox = outbox;
        this.dispositions = dispositions;
        this.workflow = workflow;
    }

    public record WrapUp(ChatState state, String notes, boolean sendTranscript, String dispositionCode,
                         WorkflowDecision workflowDecision, String workflowQueue) {
        static WrapUp of(Chat chat) {
            return new WrapUp(chat.state, chat.notes, chat.sendTranscript, chat.dispositionCode,
                    chat.workflowDecision, chat.workflowQueue);
        }
    }

    public record Form(String notes, boolean sendTranscript, String dispositionCode) {
    }

    public Uni<Void> finish(String chatId, Caller caller) {
        return tx.commit(() -> Chat.lockForUpdate(chatId).chain(chat -> owned(chat, caller).chain(me -> {
            ChatAccess.requireActive(chat);
            return ending.end(chat, EndReason.AGENT_FINISHED, caller.id(), me.name);
        }))).replaceWithVoid();
    }

    public Uni<WrapUp> get(String chatId, Caller caller) {
        return tx.read(() -> Chat.byId(chatId).call(chat -> owned(chat, caller)).map(WrapUp::of));
    }

    /** Notes, transcript flag and disposition can change until Mark Done (Cancel is the front end going back). */
    public Uni<WrapUp> update(String chatId, Caller caller, Form form) {
        if (form.dispositionCode() != null && !dispositions.known(form.dispositionCode())) {
            return Uni.createFrom().failure(Problems.badRequest("Unknown disposition code '"
                    + form.dispositionCode() + "'; see GET /api/disposition-codes."));
        }
        return tx.commit(() -> Chat.lockForUpdate(chatId).call(chat -> owned(chat, caller)).map(chat -> {
            if (chat.state == ChatState.DONE) {
                throw ChatAccess.chatFinished(chat);
            }
            chat.notes = form.notes();
            chat.sendTranscript = form.sendTranscript();
            chat.dispositionCode = form.dispositionCode();
            return WrapUp.of(chat);
        }));
    }

    public Uni<WorkflowOptions> workflowOptions(String chatId, Caller caller) {
        return tx.read(() -> Chat.byId(chatId).call(chat -> owned(chat, caller)))
                .chain(chat -> workflow.options(chat.queue, chat.dispositionCode));
    }

    /**
     * Mark Done. Refused, with nothing changed, while the chat is still going on, without a disposition code when
     * codes are required, and without a valid workflow choice when a strategy applies (or when workflow-service
     * cannot say whether one does).
     */
    public Uni<WrapUp> done(String chatId, Caller caller, WorkflowDecision decision, String workflowQueue) {
        return tx.read(() -> Chat.byId(chatId).call(chat -> owned(chat, caller)))
                .invoke(this::requireDoneable)
                .chain(chat -> workflow.options(chat.queue, chat.dispositionCode)
                        .map(options -> choice(options, decision, workflowQueue))
                        .chain(choice -> tx.commit(() -> Chat.lockForUpdate(chatId).chain(locked -> {
                            requireDoneable(locked);
                            if (!Objects.equals(locked.dispositionCode, chat.dispositionCode)
                                    || !Objects.equals(locked.queue, chat.queue)) {
                                throw Problems.conflict("wrap-up-changed", "Wrap-up changed",
                                        "The wrap-up changed while Mark Done was checked; try again.");
                            }
                            return complete(locked, caller, choice);
                        }))));
    }

    private record Choice(WorkflowDecision decision, String queue) {
    }

    private static Choice choice(WorkflowOptions options, WorkflowDecision decision, String queue) {
        if (!options.applies()) {
            return new Choice(WorkflowDecision.NONE, null);
        }
        if (decision == WorkflowDecision.STOP) {
            return new Choice(WorkflowDecision.STOP, null);
        }
        if (decision == WorkflowDecision.PARK && options.offers(queue)) {
            return new Choice(WorkflowDecision.PARK, queue);
        }
        if (decision == WorkflowDecision.PARK) {
            throw Problems.badRequest("'" + queue + "' is not one of the workflow queues offered for this chat.");
        }
        throw Problems.conflict("workflow-decision-required", "Workflow decision required",
                "A workflow strategy applies: choose PARK with one of the offered queues, or STOP.");
    }

    private Uni<WrapUp> complete(Chat chat, Caller caller, Choice choice) {
        chat.state = ChatState.DONE;
        chat.doneAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        chat.workflowDecision = choice.decision();
        chat.workflowQueue = choice.queue();
        return outbox.publish(new ChatCompleted(chat.id, caller.id(), chat.notes, chat.dispositionCode,
                chat.sendTranscript, choice.decision(), choice.queue(), chat.doneAt, finalData(chat)))
                .replaceWith(WrapUp.of(chat));
    }

    private static Map<String, Object> finalData(Chat chat) {
        Map<String, Object> data = chat.data();
        return data.isEmpty() ? null : data;
    }

    private void requireDoneable(Chat chat) {
        if (chat.state == ChatState.DONE) {
            throw ChatAccess.chatFinished(chat);
        }
        if (chat.state != ChatState.ENDED) {
            throw Problems.conflict("chat-not-ended", "Chat not ended", "Finish chat " + chat.id
                    + " before Mark Done.");
        }
        if (dispositions.required() && chat.dispositionCode == null) {
            throw Problems.conflict("disposition-required", "Disposition code required",
                    "Choose a disposition code before Mark Done.");
        }
    }

    /** Only the chat's owner (the agent who has it now) finishes it and does its wrap-up. */
    private Uni<Participant> owned(Chat chat, Caller caller) {
        return access.participation(chat, caller).invoke(() -> {
            if (!caller.id().equals(chat.ownerAgentId)) {
                throw Problems.forbidden("Only the agent who owns chat " + chat.id + " does this.");
            }
        });
    }
}
