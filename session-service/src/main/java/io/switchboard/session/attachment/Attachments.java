package io.switchboard.session.attachment;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatMessage;
import io.switchboard.kit.problem.ProblemException;
import io.switchboard.kit.problem.Problems;
import io.switchboard.kit.tx.SqlStates;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.session.SessionConfig;
import io.switchboard.session.chat.Caller;
import io.switchboard.session.chat.ChatAccess;
import io.switchboard.session.chat.Messages;
import io.switchboard.session.chat.TimelineItem;
import io.switchboard.session.domain.Chat;
import io.switchboard.session.domain.TimelineEntry;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Files in a chat: an upload is checked (the caller in the open chat, its size, its type read from the bytes), scanned
 * and kept in the file store, then posted as a FILE message through the message path (chat row lock, gap-free seq,
 * {@code chat.message} in the same transaction). No transaction is open while the file is read, scanned or written;
 * a file whose message is not committed is removed again. Downloads are for the chat's readers only.
 */
@ApplicationScoped
public class Attachments {

    /** When the scanner is away the upload may be sent again after this. */
    private static final Duration SCAN_RETRY = Duration.ofSeconds(30);

    private final Transactions tx;
    private final ChatAccess access;
    private final Messages messages;
    private final FileStore store;
    private final VirusScanner scanner;
    private final Vertx vertx;
    private final long maxBytes;
    private final int maxNameLength;
    private final Set<String> allowed;
    private final Set<String> inline;

    public Attachments(Transactions tx, ChatAccess access, Messages messages, FileStore store, VirusScanner scanner,
                       Vertx vertx, SessionConfig config) {
        this.tx = tx;
        this.access = access;
        this.messages = messages;
        this.store = store;
        this.scanner = scanner;
        this.vertx = vertx;
        SessionConfig.Attachments settings = config.attachments();
        this.maxBytes = settings.maxBytes();
        this.maxNameLength = settings.maxNameLength();
        this.allowed = Set.copyOf(settings.allowedTypes());
        this.inline = Set.copyOf(settings.inlineTypes());
        List<String> unknown = settings.allowedTypes().stream()
                .filter(type -> !ContentTypes.EXTENSIONS.containsKey(type)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("switchboard.session.attachments.allowed-types: " + unknown
                    + " cannot be recognised from the bytes; choose among " + ContentTypes.EXTENSIONS.keySet());
        }
    }

    /**
     * An uploaded file, as the HTTP layer received it.
     *
     * @param file     where the upload waits (removed by the HTTP layer after the request)
     * @param fileName the name the client gave, untrusted
     */
    public record Upload(Path file, String fileName, long size, String clientMessageId) {
    }

    /** A kept file, ready to send. */
    public record Download(Path file, String name, String contentType, boolean inline) {
    }

    /** What was kept of an upload, before its message is committed. */
    private record Kept(UUID id, String key, String contentType, String name) {
    }

    public Uni<Messages.Sent> post(String chatId, Caller caller, Upload upload) {
        String clientMessageId = upload.clientMessageId();
        if (clientMessageId == null || clientMessageId.isBlank()) {
            return Uni.createFrom().failure(Problems.badRequest("clientMessageId is required."));
        }
        return tx.read(() -> Chat.byId(chatId).call(chat -> access.inOpenChat(chat, caller))
                        .chain(chat -> TimelineEntry.sentBefore(chatId, caller.id(), clientMessageId)))
                .chain(previous -> {
                    if (previous != null) {
                        // Sent before (the answer was lost): the stored message, nothing kept again.
                        return Uni.createFrom().item(new Messages.Sent(TimelineItem.of(previous), false));
                    }
                    checkSize(upload);
                    return blocking(() -> keep(upload)).chain(kept -> posted(chatId, caller, upload, kept));
                });
    }

    private void checkSize(Upload upload) {
        if (upload.file() == null) {
            throw Problems.badRequest("The multipart field 'file' is missing.");
        }
        if (upload.size() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        if (upload.size() == 0) {
            throw Problems.badRequest("The file is empty.");
        }
    }

    static ProblemException tooLarge(long maxBytes) {
        return Problems.tooLarge("The file is larger than the limit of " + maxBytes + " bytes.")
                .with("maxBytes", maxBytes);
    }

    /** Reads the type from the bytes, scans, then keeps the file. Runs on a worker thread. */
    private Kept keep(Upload upload) throws IOException {
        String type = ContentTypes.of(upload.file());
        if (!allowed.contains(type)) {
            throw new ProblemException(Status.UNSUPPORTED_MEDIA_TYPE, "attachment-type-not-allowed",
                    "Type not allowed", "The file's content is " + type + "; the chat takes " + allowed.stream()
                    .sorted().toList() + ".").with("contentType", type);
        }
        VirusScanner.Verdict verdict;
        try {
            verdict = scanner.scan(upload.file());
        } catch (IOException e) {
            Log.warnf("attachment not scanned, refused: %s", e.getMessage());
            throw new ProblemException(Status.SERVICE_UNAVAILABLE, "attachment-scan-unavailable",
                    "Virus scan unavailable", "The file could not be scanned for viruses; nothing was kept. Send it "
                    + "again later.", SCAN_RETRY);
        }
        if (!verdict.clean()) {
            Log.infof("attachment refused, the scanner found %s", verdict.signature());
            throw Problems.unprocessable("attachment-infected", "File infected",
                    "The virus scan found " + verdict.signature() + " in the file; it was not kept.");
        }
        UUID id = UUID.randomUUID();
        String key = id.toString();
        store.put(key, upload.file());
        return new Kept(id, key, type, FileNames.safe(upload.fileName(), type, maxNameLength));
    }

    /** The FILE message; the kept file goes again when its message is not the one committed. */
    private Uni<Messages.Sent> posted(String chatId, Caller caller, Upload upload, Kept kept) {
        ChatMessage.Attachment ref = new ChatMessage.Attachment(kept.id(), kept.name(), kept.contentType(),
                upload.size());
        return messages.file(chatId, caller, upload.clientMessageId(), ref, () -> row(chatId, caller, upload, kept))
                // The same upload twice at once: the second finds the first's message once it committed.
                .onFailure(SqlStates::isUniqueViolation).recoverWithUni(failure -> tx.read(() ->
                        TimelineEntry.sentBefore(chatId, caller.id(), upload.clientMessageId())).map(previous -> {
                            if (previous == null) {
                                throw new IllegalStateException("no message after a duplicate", failure);
                            }
                            return new Messages.Sent(TimelineItem.of(previous), false);
                        }))
                .call(sent -> sent.created() ? Uni.createFrom().voidItem() : discard(kept))
                .onFailure().call(() -> discard(kept));
    }

    private static Uni<Void> row(String chatId, Caller caller, Upload upload, Kept kept) {
        Attachment a = new Attachment();
        a.id = kept.id();
        a.chatId = chatId;
        a.storeKey = kept.key();
        a.fileName = kept.name();
        a.contentType = kept.contentType();
        a.size = upload.size();
        a.uploadedBy = caller.id();
        a.uploadedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // Flushed at once: the message row that follows refers to it.
        return a.persistAndFlush().replaceWithVoid();
    }

    private Uni<Void> discard(Kept kept) {
        return blocking(() -> {
            store.delete(kept.key());
            return null;
        }).onFailure().invoke(e -> Log.warnf("attachment %s not removed: %s", kept.key(), e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * A file of the chat for one of its readers: participants (up to the point they left) and supervisors monitoring
     * it. 404 for a file of another chat, as for none.
     */
    public Uni<Download> download(String chatId, String attachmentId, Caller caller) {
        UUID id = uuid(attachmentId);
        return tx.read(() -> Chat.byId(chatId).chain(chat -> access.reader(chat, caller))
                        .chain(me -> Attachment.<Attachment>findById(id).chain(a -> {
                            if (a == null || !a.chatId.equals(chatId)) {
                                return Uni.createFrom().failure(Problems.notFound("Attachment", attachmentId));
                            }
                            return TimelineEntry.ofAttachment(id).map(message -> {
                                if (message == null || !me.receives(message.seq)) {
                                    throw ChatAccess.notPartOf();
                                }
                                return a;
                            });
                        })))
                .chain(a -> blocking(() -> {
                    try {
                        return new Download(store.open(a.storeKey), a.fileName, a.contentType,
                                inline.contains(a.contentType) && ContentTypes.isImage(a.contentType));
                    } catch (NoSuchFileException e) {
                        Log.warnf("attachment %s of chat %s is missing from the store", a.id, chatId);
                        throw Problems.notFound("Attachment", attachmentId);
                    }
                }));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Problems.notFound("Attachment", id);
        }
    }

    /** Runs file and network work on a worker thread; the result comes back on the caller's context. */
    private <T> Uni<T> blocking(Callable<T> work) {
        return Uni.createFrom().completionStage(() -> vertx.executeBlocking(work, false).toCompletionStage());
    }
}
