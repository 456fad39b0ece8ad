package io.switchboard.session.attachment;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The virus-scan hook every upload goes through before it is kept. The method blocks: call it from a worker thread.
 * An {@link IOException} means the scanner could not give a verdict: the upload is then refused (503), never kept
 * unscanned.
 */
public interface VirusScanner {

    /** @param signature what was found, when not clean */
    record Verdict(boolean clean, String signature) {

        static final Verdict CLEAN = new Verdict(true, null);
    }

    Verdict scan(Path file) throws IOException;

    /** The default: nothing is scanned (a deployment that wants scanning configures ClamAV). */
    VirusScanner NONE = file -> Verdict.CLEAN;
}
