package kr.jsoft.privacyportal.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Enumeration;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The web application's own files (JSP error pages, static files) as a directory Jetty serves from.
 * On the class path as a directory (tests, an IDE), that directory. Inside the portal's jar, they
 * are copied at start into a new owner-only temporary directory, as Jetty itself does with a WAR:
 * served from inside the jar, Jetty mounts the whole jar as a zip file system, which indexes every
 * one of its ~39,000 entries (about 0.3 s of CPU at every start, and the JIT compiling the indexing),
 * whereas copying the ~170 files through the jar the class loader has open already costs about 15 ms.
 * Jetty's default descriptor and the JSTL tag library descriptors the error pages use are copied
 * beside them ({@code WEB-INF/tld}, where Jasper looks), so the jar is neither mounted nor scanned
 * for them, and a jar renamed by an operator keeps its error pages. The copy holds a lock while the
 * portal runs and is deleted when it stops; copies whose lock nobody holds (a process killed) are
 * deleted by the next start.
 */
final class WebAppFiles implements AutoCloseable {
    static final String BASE = "webapp/";
    private static final String DEFAULTS = "org/eclipse/jetty/ee11/webapp/webdefault-ee11.xml";
    /**
     * The tag library descriptors the error pages declare ({@code jakarta.tags.core} and {@code jakarta.tags.fmt},
     * in {@code _top.jspf}): Jasper parses every descriptor in {@code WEB-INF} at start, and the JSTL jar's 22
     * (220 KB of XML, the older versions and the unused libraries) were half of the web server's start.
     * {@code WebAppFilesTest} keeps this list in step with the pages' {@code taglib} directives.
     */
    static final Set<String> TAG_LIBRARIES = Set.of("META-INF/c.tld", "META-INF/fmt.tld");

    private static final String PREFIX = "portal-webapp-";
    private static final String LOCK = ".lock";

    private final Path base;
    private final Optional<Path> defaultsDescriptor;
    private final Optional<Path> copied;
    private final Optional<FileChannel> lock;

    private WebAppFiles(Path base, Optional<Path> defaultsDescriptor, Optional<Path> copied,
                        Optional<FileChannel> lock) {
        this.base = base;
        this.defaultsDescriptor = defaultsDescriptor;
        this.copied = copied;
        this.lock = lock;
    }

    /** Where the files are: the class path's directory, or a copy out of the jar holding them. */
    static WebAppFiles locate(ClassLoader loader) {
        URL url = loader.getResource(BASE);
        if (url == null) {
            throw new IllegalStateException("The web application's files (" + BASE + ") are not on the class path");
        }
        try {
            if ("file".equals(url.getProtocol())) {
                return new WebAppFiles(Path.of(url.toURI()), Optional.empty(), Optional.empty(), Optional.empty());
            }
            if ("jar".equals(url.getProtocol())) {
                Path jar = Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
                return copiedFrom(jar);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the web application's files from " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot prepare the web application's files from " + url, e);
        }
        throw new IllegalStateException("The web application's files are at " + url + ", neither a directory nor a jar");
    }

    private static WebAppFiles copiedFrom(Path jarPath) throws IOException {
        deleteAbandonedCopies(Path.of(System.getProperty("java.io.tmpdir")));
        // createTempDirectory makes it owner-only (0700) on POSIX systems.
        Path root = Files.createTempDirectory(PREFIX);
        FileChannel held = null;
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            held = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            held.lock();
            Path base = root.resolve("webapp");
            Path tlds = base.resolve("WEB-INF/tld");
            Path defaults = root.resolve("webdefault-ee11.xml");
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                if (name.startsWith(BASE)) {
                    copy(jar, entry, base.resolve(inside(name.substring(BASE.length()))));
                } else if (TAG_LIBRARIES.contains(name)) {
                    copy(jar, entry, tlds.resolve(inside(name.substring("META-INF/".length()))));
                } else if (name.equals(DEFAULTS)) {
                    copy(jar, entry, defaults);
                }
            }
            return new WebAppFiles(base, Files.exists(defaults) ? Optional.of(defaults) : Optional.empty(),
                    Optional.of(root), Optional.of(held));
        } catch (IOException | RuntimeException e) {
            closeQuietly(held);
            delete(root);
            throw e;
        }
    }

    /** Copies left by portals that no longer run (their lock is free), in {@code directory}. */
    static void deleteAbandonedCopies(Path directory) {
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(directory, PREFIX + "*")) {
            for (Path copy : copies) {
                try (FileChannel channel = FileChannel.open(copy.resolve(LOCK), StandardOpenOption.WRITE);
                     FileLock free = channel.tryLock()) {
                    if (free != null) {
                        delete(copy);
                    }
                } catch (IOException | OverlappingFileLockException e) {
                    // Running (in this process too), not ours to read, or gone meanwhile: left as it is.
                }
            }
        } catch (IOException e) {
            // Nothing to tidy that can be read.
        }
    }

    /** A jar entry's name as a relative path that stays inside the copy. */
    private static Path inside(String name) {
        Path relative = Path.of(name).normalize();
        if (relative.isAbsolute() || relative.startsWith("..")) {
            throw new IllegalStateException("Jar entry outside the web application: " + name);
        }
        return relative;
    }

    private static void copy(JarFile jar, JarEntry entry, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = jar.getInputStream(entry)) {
            Files.copy(in, target);
        }
    }

    /** The directory Jetty serves the web application from. */
    Path base() {
        return base;
    }

    /** Jetty's default descriptor, when it was copied out of the jar (otherwise Jetty finds its own). */
    Optional<Path> defaultsDescriptor() {
        return defaultsDescriptor;
    }

    /** True when the files are a copy (so the jar's own tag library descriptors are in {@code WEB-INF/tld}). */
    boolean copied() {
        return copied.isPresent();
    }

    /** Deletes the copy, if there is one. */
    @Override
    public void close() {
        copied.ifPresent(root -> {
            lock.ifPresent(WebAppFiles::closeQuietly);
            delete(root);
        });
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close(); // releases the lock
            } catch (IOException e) {
                // The directory is deleted next all the same.
            }
        }
    }

    private static void delete(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // A temporary directory left behind holds only the jar's own public files.
        }
    }
}
