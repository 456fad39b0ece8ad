package io.switchboard.session.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Files in a directory, one per key, spread over sub-directories named after the key's first characters. For several
 * replicas the directory must be shared (a ReadWriteMany volume, an NFS mount).
 */
final class DirectoryFileStore implements FileStore {

    /** Keys are made by this service (UUIDs); anything else could reach outside the directory. */
    private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}");
    private static final int FAN_OUT_CHARS = 2;
    private static final String PARTIAL = ".part-";

    private final Path root;

    DirectoryFileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the attachments directory " + this.root, e);
        }
    }

    @Override
    public void put(String key, Path upload) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        // Written under another name, then renamed: a reader never sees a file being written.
        Path partial = target.resolveSibling(key + PARTIAL + UUID.randomUUID());
        try {
            Files.copy(upload, partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public Path open(String key) throws IOException {
        Path file = path(key);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        return file;
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    private Path path(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a file key: " + key);
        }
        return root.resolve(key.substring(0, FAN_OUT_CHARS)).resolve(key);
    }
}
