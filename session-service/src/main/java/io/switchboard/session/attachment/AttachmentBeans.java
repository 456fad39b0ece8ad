package io.switchboard.session.attachment;

import io.switchboard.session.SessionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/** The file store and the virus scanner the configuration names (switchboard.session.attachments). */
@ApplicationScoped
class AttachmentBeans {

    static final String DIRECTORY = "directory";
    static final String NO_SCANNER = "none";
    static final String CLAMAV = "clamav";

    @Produces
    @Singleton
    FileStore fileStore(SessionConfig config) {
        SessionConfig.Attachments.Storage storage = config.attachments().storage();
        if (!DIRECTORY.equals(storage.kind())) {
            throw new IllegalStateException("switchboard.session.attachments.storage.kind must be '" + DIRECTORY
                    + "', not '" + storage.kind() + "'");
        }
        return new DirectoryFileStore(Path.of(storage.directory()));
    }

    @Produces
    @Singleton
    VirusScanner scanner(SessionConfig config) {
        SessionConfig.Attachments.Scanner scanner = config.attachments().scanner();
        return switch (scanner.kind()) {
            case NO_SCANNER -> VirusScanner.NONE;
            case CLAMAV -> new ClamAvScanner(scanner.host(), scanner.port(), scanner.timeout(), scanner.chunkBytes());
            default -> throw new IllegalStateException("switchboard.session.attachments.scanner.kind must be '"
                    + NO_SCANNER + "' or '" + CLAMAV + "', not '" + scanner.kind() + "'");
        };
    }
}
