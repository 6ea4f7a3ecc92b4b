package kr.jsoft.privacyportal.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.persistence.OwnerOnly;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The list of everything the portal has destroyed, kept outside the database so that restoring
 * a backup never brings destroyed data back: at start-up (and so after every restore) each entry
 * is erased again.
 *
 * <p>An entry is a kind ("device", "complaint", …) and an opaque id, never personal data. It is
 * written ahead, inside the erasing transaction and before its commit (appended and forced to
 * disk), so a crash can leave an entry for an erasure that rolled back, never an erasure without
 * an entry; re-applying an intended erasure is harmless. Every feature that destroys data
 * registers an {@link Eraser} for its kind; erasers must be idempotent.
 *
 * <p>Entries older than the oldest backup still kept ({@code PORTAL_BACKUP_RETENTION}) are
 * pruned, since no restore can bring their data back any more.
 */
public final class ErasureJournal {
    private static final Logger log = LoggerFactory.getLogger(ErasureJournal.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    /**
     * UUIDs, references such as D-2026-000123 and numeric row ids with a letter prefix and an
     * optional second number (S-42, S-42.1764471600000000):
     * nothing that could be a phone number or an address.
     */
    private static final Pattern OPAQUE_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Z]{1,3}-\\d{4}-\\d{6}|[A-Z]-\\d{1,18}(\\.\\d{1,18})?");
    /** Entries re-applied per transaction at start-up. */
    private static final int REAPPLY_CHUNK = 500;
    static final String FILE_NAME = "erasure-journal.jsonl";

    /** Erases one record again; finding nothing to erase is normal and returns false. */
    @FunctionalInterface
    public interface Eraser {
        boolean erase(Session session, String id);

        /** Erases many records again in one transaction; returns how many still had data. */
        default int eraseAll(Session session, List<String> ids) {
            int erased = 0;
            for (String id : ids) {
                if (erase(session, id)) {
                    erased++;
                }
            }
            return erased;
        }

        /**
         * An eraser that handles a whole chunk in one statement (for kinds journalled by the
         * thousand, such as mails after their retention).
         */
        static Eraser inBatches(java.util.function.ToIntBiFunction<Session, List<String>> eraseAll) {
            return new Eraser() {
                @Override
                public boolean erase(Session session, String id) {
                    return eraseAll.applyAsInt(session, List.of(id)) > 0;
                }

                @Override
                public int eraseAll(Session session, List<String> ids) {
                    return eraseAll.applyAsInt(session, ids);
                }
            };
        }
    }

    /** What a re-application found: per kind, how many entries there were and how many still had data. */
    public record Reapplied(Map<String, Integer> entries, Map<String, Integer> erasedAgain) {
        public int erasedAgainTotal() {
            return erasedAgain.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final Path file;
    private final Path lock;
    private final Clock clock;
    private final Map<String, Eraser> erasers = new ConcurrentHashMap<>();
    private final Object appendLock = new Object();

    public ErasureJournal(Path directory, Clock clock) {
        this.file = directory.resolve(FILE_NAME);
        this.lock = directory.resolve("erasure-journal.lock");
        this.clock = clock;
        try {
            // The journal names what was destroyed: the owner's only, like the data directory.
            OwnerOnly.directory(directory);
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            restrictToOwner(file);
            if (!Files.exists(lock)) {
                try {
                    OwnerOnly.newFile(lock);
                } catch (java.nio.file.FileAlreadyExistsException anotherJournalWasFirst) {
                    // Same file, same mode.
                }
            }
            underFileLock(() -> {
                endWithNewline();
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the erasure journal in " + directory, e);
        }
    }

    /** Registers how to erase records of {@code kind} again; once per kind, at start-up. */
    public void register(String kind, Eraser eraser) {
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("Erasure kind must be a short lower-case word: " + kind);
        }
        if (erasers.putIfAbsent(kind, eraser) != null) {
            throw new IllegalStateException("Erasure kind registered twice: " + kind);
        }
    }

    /**
     * Notes that the record {@code id} of {@code kind} is being destroyed. Call it inside the
     * erasing transaction (hence the session), before the erasure commits; the entry is on disk
     * when this returns.
     */
    public void record(Session session, String kind, String id) {
        recordAll(session, kind, List.of(id));
    }

    /** As {@link #record}, for many records of one kind erased in one transaction: one write, one flush. */
    public void recordAll(Session session, String kind, java.util.Collection<String> ids) {
        if (!erasers.containsKey(kind)) {
            throw new IllegalStateException("No eraser registered for kind " + kind);
        }
        if (ids.isEmpty()) {
            return;
        }
        String at = clock.instant().toString();
        StringBuilder lines = new StringBuilder();
        for (String id : ids) {
            if (!OPAQUE_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("The erasure journal takes opaque ids only (a UUID or a reference)");
            }
            ObjectNode entry = JSON.createObjectNode()
                    .put("at", at)
                    .put("kind", kind)
                    .put("id", id);
            lines.append(entry).append('\n');
        }
        byte[] line = lines.toString().getBytes(StandardCharsets.UTF_8);
        synchronized (appendLock) {
            try {
                underFileLock(() -> {
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND)) {
                        ByteBuffer buffer = ByteBuffer.wrap(line);
                        while (buffer.hasRemaining()) {
                            channel.write(buffer);
                        }
                        channel.force(false);
                    }
                    return null;
                });
            } catch (IOException e) {
                // Without the entry the erasure must not happen: the caller's transaction rolls back.
                throw new UncheckedIOException("Cannot write the erasure journal", e);
            }
        }
    }

    /**
     * Erases every journalled record again, per kind in chunks of {@value #REAPPLY_CHUNK} ids, one
     * transaction per chunk. Run at start-up, so a portal started on a restored backup first
     * destroys what had been destroyed since.
     */
    public Reapplied reapply(Database database) {
        Map<String, Integer> entries = new TreeMap<>();
        Map<String, Integer> erasedAgain = new TreeMap<>();
        Map<String, List<String>> idsByKind = new TreeMap<>();
        for (Entry entry : entries()) {
            if (!erasers.containsKey(entry.kind())) {
                throw new IllegalStateException("The erasure journal has entries of kind '" + entry.kind()
                        + "' but no feature erases that kind: refusing to start rather than bring data back");
            }
            entries.merge(entry.kind(), 1, Integer::sum);
            idsByKind.computeIfAbsent(entry.kind(), k -> new ArrayList<>()).add(entry.id());
        }
        idsByKind.forEach((kind, ids) -> {
            Eraser eraser = erasers.get(kind);
            List<String> distinct = List.copyOf(new java.util.LinkedHashSet<>(ids));
            for (int from = 0; from < distinct.size(); from += REAPPLY_CHUNK) {
                List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + REAPPLY_CHUNK));
                int erased = database.fromTransaction(session -> eraser.eraseAll(session, chunk));
                if (erased > 0) {
                    erasedAgain.merge(kind, erased, Integer::sum);
                }
            }
        });
        Reapplied result = new Reapplied(entries, erasedAgain);
        if (result.erasedAgainTotal() > 0) {
            log.warn("Erasure journal re-applied: {} records destroyed earlier were found again and erased "
                    + "(was a backup restored?): {}", result.erasedAgainTotal(), erasedAgain);
        } else {
            log.info("Erasure journal checked: {} entries, nothing to erase again", entries.values().stream()
                    .mapToInt(Integer::intValue).sum());
        }
        return result;
    }

    /** Drops entries older than {@code before} (no backup that old is kept). Returns how many. */
    public int pruneBefore(Instant before) {
        synchronized (appendLock) {
            try {
                return underFileLock(() -> pruneLocked(before));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot prune the erasure journal", e);
            }
        }
    }

    private int pruneLocked(Instant before) throws IOException {
        List<String> kept = new ArrayList<>();
        int dropped = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException torn) {
                continue;
            }
            if (Instant.parse(node.get("at").asText()).isBefore(before)) {
                dropped++;
            } else {
                kept.add(line);
            }
        }
        if (dropped > 0) {
            Path next = file.resolveSibling(FILE_NAME + ".next");
            Files.write(next, kept, StandardCharsets.UTF_8);
            restrictToOwner(next);
            try (FileChannel channel = FileChannel.open(next, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return dropped;
    }

    /** The entries, oldest first. */
    public List<Entry> entries() {
        List<Entry> result = new ArrayList<>();
        synchronized (appendLock) {
            try {
                for (String line : underFileLock(() -> Files.readAllLines(file, StandardCharsets.UTF_8))) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode node;
                    try {
                        node = JSON.readTree(line);
                    } catch (IOException e) {
                        // A torn last line from a crash mid-append: its transaction never committed.
                        log.warn("Skipping an unreadable erasure journal line (torn write?)");
                        continue;
                    }
                    result.add(new Entry(Instant.parse(node.get("at").asText()), node.get("kind").asText(),
                            node.get("id").asText()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the erasure journal", e);
            }
        }
        return result;
    }

    private interface LockedWork<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code work} holding an exclusive lock on {@code erasure-journal.lock}: several portal
     * instances share one journal directory, and a prune rewrites the file another may append to.
     * (Two journals in one JVM, as in tests, meet as an overlapping lock and wait their turn.)
     */
    private <T> T underFileLock(LockedWork<T> work) throws IOException {
        try (FileChannel lockFile = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            while (true) {
                try (java.nio.channels.FileLock held = lockFile.lock()) {
                    return work.run();
                } catch (java.nio.channels.OverlappingFileLockException sameJvm) {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.io.InterruptedIOException("interrupted waiting for the erasure journal");
                    }
                }
            }
        }
    }

    /** A crash mid-append can leave a torn last line; start the next entry on a line of its own. */
    private void endWithNewline() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (size == 0) {
                return;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            if (last.get(0) != '\n') {
                channel.write(ByteBuffer.wrap(new byte[] {'\n'}), size);
                channel.force(false);
            }
        }
    }

    public Path file() {
        return file;
    }

    /** One journalled erasure. */
    public record Entry(Instant at, String kind, String id) {
    }

    private static void restrictToOwner(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: rely on the directory's permissions.
        }
    }
}
