package io.switchboard.transcript.support;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.awaitility.Awaitility;

/** Reads a mailbox over IMAP, as a mail client would (GreenMail: the address is the user, any password). */
public final class Mailboxes {

    private Mailboxes() {
    }

    /** One delivered e-mail, read completely before the connection closes. */
    public record ReceivedMail(String subject, String messageId, List<String> bcc, List<String> to,
                               String contentType, String text, String html) {
    }

    /** Waits up to {@code within} for at least {@code count} mails in the address's inbox, then returns them all. */
    public static List<ReceivedMail> await(String host, int imapPort, String address, int count, Duration within) {
        Awaitility.await().atMost(within).until(() -> read(host, imapPort, address).size() >= count);
        return read(host, imapPort, address);
    }

    public static List<ReceivedMail> read(String host, int imapPort, String address) {
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            store.connect(host, imapPort, address, address);
            Folder inbox = store.getFolder("INBOX");
            if (!inbox.exists()) {
                return List.of();
            }
            inbox.open(Folder.READ_ONLY);
            try {
                List<ReceivedMail> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    mails.add(toMail((MimeMessage) message));
                }
                return mails;
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read the mailbox of " + address, e);
        }
    }

    private static ReceivedMail toMail(MimeMessage message) throws MessagingException {
        String text = null;
        String html = null;
        try {
            Object content = message.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    if (part.isMimeType("text/plain")) {
                        text = (String) part.getContent();
                    } else if (part.isMimeType("text/html")) {
                        html = (String) part.getContent();
                    }
                }
            } else {
                text = String.valueOf(content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] bcc = message.getHeader("Bcc");
        String[] to = message.getHeader("To");
        return new ReceivedMail(message.getSubject(), message.getMessageID(),
                bcc == null ? List.of() : List.of(bcc), to == null ? List.of() : List.of(to),
                message.getContentType(), text, html);
    }
}
