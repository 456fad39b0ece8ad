package io.switchboard.session.attachment;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where uploaded files are kept, outside the database and the event stream. Every replica of session-service must see
 * the same store: a file uploaded through one is downloaded through any other. The methods block (file or network
 * input and output): call them from a worker thread.
 */
public interface FileStore {

    /** Keeps a copy of {@code upload} under {@code key}; complete or not at all (never a half-written file). */
    void put(String key, Path upload) throws IOException;

    /** The kept file, to send to a client; {@link java.nio.file.NoSuchFileException} when there is none. */
    Path open(String key) throws IOException;

    /** Removes the file if there is one. */
    void delete(String key) throws IOException;
}
