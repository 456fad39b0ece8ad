package io.switchboard.transcript.delivery;

import io.switchboard.transcript.TranscriptConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.HeaderTerm;
import java.util.Properties;

/**
 * Tells whether a transcript e-mail went out, by looking for its Message-ID in the audit mailbox that receives a
 * blind copy of every transcript. Used only when an earlier attempt's outcome is unknown: the SMTP server may
 * have accepted it just before a crash, and sending again would give the contact a second copy.
 */
@ApplicationScoped
public class SentMailAudit {

    private static final String MESSAGE_ID = "Message-ID";

    private final TranscriptConfig.Audit audit;

    public SentMailAudit(TranscriptConfig settings) {
        this.audit = settings.audit();
    }

    public boolean enabled() {
        return audit.address().isPresent() && audit.imapHost().isPresent();
    }

    /** Blocking IMAP search; call it on a worker thread. */
    public boolean contains(String messageId) throws MessagingException {
        String protocol = audit.imapSsl() ? "imaps" : "imap";
        String timeout = Long.toString(audit.timeout().toMillis());
        Properties properties = new Properties();
        properties.setProperty("mail." + protocol + ".connectiontimeout", timeout);
        properties.setProperty("mail." + protocol + ".timeout", timeout);
        Session session = Session.getInstance(properties);
        try (Store store = session.getStore(protocol)) {
            store.connect(audit.imapHost().orElseThrow(), audit.imapPort().orElse(-1),
                    audit.imapUser().orElse(audit.address().orElseThrow()), audit.imapPassword().orElse(""));
            Folder folder = store.getFolder(audit.folder());
            if (!folder.exists()) {
                return false;
            }
            folder.open(Folder.READ_ONLY);
            try {
                // IMAP SEARCH HEADER matches substrings; the id is unique per request and carries its brackets.
                return folder.search(new HeaderTerm(MESSAGE_ID, messageId)).length > 0;
            } finally {
                folder.close(false);
            }
        }
    }
}
