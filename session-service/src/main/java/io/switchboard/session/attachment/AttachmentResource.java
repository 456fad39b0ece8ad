package io.switchboard.session.attachment;

import io.smallrye.mutiny.Uni;
import io.switchboard.kit.limits.RateLimits;
import io.switchboard.kit.security.Roles;
import io.switchboard.session.chat.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Files in a chat (docs/api.md, attachments): uploaded by its contact or its agents, downloaded by its readers. A
 * download is sent so that no browser runs it: its type as read from the bytes, never sniffed again, in a sandbox,
 * as an attachment unless it is an image the page may show.
 */
@Path("/api/chats/{chatId}/attachments")
@Tag(name = "Attachments", description = "Files participants post in a chat")
public class AttachmentResource {

    /** Limit name of switchboard.limits.rules. */
    static final String ATTACHMENTS_LIMIT = "attachments";
    private static final String TEXT_CHARSET = "; charset=utf-8";
    /** Nothing in a downloaded file may run, load or navigate, should a browser render it after all. */
    private static final String SANDBOX = "sandbox; default-src 'none'";
    /** For the user's own browser only, never a shared cache. */
    private static final String PRIVATE = "private";
    /** What replaces every byte outside printable ASCII in the plain {@code filename} fallback. */
    private static final String ASCII_FALLBACK = "_";

    private final JsonWebToken jwt;
    private final Attachments attachments;
    private final RateLimits limits;

    public AttachmentResource(JsonWebToken jwt, Attachments attachments, RateLimits limits) {
        this.jwt = jwt;
        this.attachments = attachments;
        this.limits = limits;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.CONTACT, Roles.AGENT})
    @Operation(summary = "Post a file", description = "Multipart: 'file' and 'clientMessageId'. 201 with the FILE "
            + "item; 200 with the stored item when the clientMessageId was sent before. 413 too large, 415 a type "
            + "the chat does not take (read from the bytes), 422 infected, 403 not in the chat, 409 chat finished.")
    public Uni<Response> upload(@PathParam("chatId") String chatId, @RestForm("file") FileUpload file,
                                @RestForm("clientMessageId") String clientMessageId) {
        Caller caller = Caller.of(jwt);
        limits.check(ATTACHMENTS_LIMIT, caller.id() + "/" + chatId);
        Attachments.Upload upload = new Attachments.Upload(file == null ? null : file.uploadedFile(),
                file == null ? null : file.fileName(), file == null ? 0 : file.size(), clientMessageId);
        return attachments.post(chatId, caller, upload)
                .map(sent -> Response.status(sent.created() ? Response.Status.CREATED : Response.Status.OK)
                        .entity(sent.item()).build());
    }

    @GET
    @Path("/{attachmentId}")
    @RolesAllowed({Roles.CONTACT, Roles.AGENT})
    @Operation(summary = "Download a file", description = "For the chat's participants and monitoring supervisors. "
            + "Images are sent inline (to preview), everything else as an attachment.")
    public Uni<Response> download(@PathParam("chatId") String chatId,
                                  @PathParam("attachmentId") String attachmentId) {
        return attachments.download(chatId, attachmentId, Caller.of(jwt)).map(d -> Response.ok(d.file().toFile())
                .type(d.contentType().startsWith("text/") ? d.contentType() + TEXT_CHARSET : d.contentType())
                .header("Content-Disposition", disposition(d.inline(), d.name()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SANDBOX)
                .header("Cache-Control", PRIVATE)
                .build());
    }

    /** RFC 6266: an ASCII name for old clients and the exact name in UTF-8 ({@code filename*}). */
    static String disposition(boolean inline, String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7E]|[\"\\\\%]", ASCII_FALLBACK);
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
