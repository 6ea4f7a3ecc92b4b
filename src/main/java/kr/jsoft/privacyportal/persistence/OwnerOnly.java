package kr.jsoft.privacyportal.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files only the portal's own operating-system user may open: directories {@code 0700}, files {@code 0600}.
 * The data directory holds the database, its backups and one-time links; another local account that could read
 * them could read every session and record. Where the file system has no POSIX permissions the directory's own
 * access rules apply.
 */
public final class OwnerOnly {
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Creates {@code dir} (and its parents) if missing and leaves it {@code 0700}. */
    public static Path directory(Path dir) {
        try {
            Files.createDirectories(dir);
            set(dir, DIRECTORY);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** Creates the new, empty file {@code file} as {@code 0600} from its first byte; refuses an existing one. */
    public static Path newFile(Path file) throws IOException {
        try {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createFile(file);
        }
    }

    /** {@code file} becomes {@code 0600} (if it exists). */
    public static void file(Path file) {
        try {
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                set(file, FILE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict " + file, e);
        }
    }

    /** {@code dir} and every directory below it {@code 0700}, every file in them {@code 0600}; links are left alone. */
    public static void tree(Path dir) {
        directory(dir);
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) all::iterator) {
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    set(path, DIRECTORY);
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    set(path, FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict " + dir, e);
        }
    }

    private static void set(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException notPosix) {
            // Not a POSIX file system: the directory's own access rules apply.
        } catch (java.nio.file.NoSuchFileException gone) {
            // Removed meanwhile (H2 deletes its temporary files): nothing left to protect.
        }
    }
}
