package kr.jsoft.privacyportal.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Temporary copies of the repository's {@code policies/} folder that a test may change. */
final class TestPolicies {
    static final Path REPOSITORY = Path.of("policies");

    private TestPolicies() {
    }

    /** A fresh copy of the repository's policies in a temporary folder. */
    static Path copy() {
        try {
            Path target = Files.createTempDirectory("policies");
            try (Stream<Path> files = Files.walk(REPOSITORY)) {
                for (Path source : files.toList()) {
                    Path destination = target.resolve(REPOSITORY.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(destination);
                    } else {
                        Files.copy(source, destination);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds version {@code label}: the baseline's texts and metadata with {@code edit} applied
     * to both texts, and the privacy officer's email replaced by {@code officerEmail}.
     */
    static void addRevision(Path policies, String label, java.util.function.UnaryOperator<String> edit,
                            String officerEmail) {
        try {
            Path base = policies.resolve("2023-09-01");
            Path folder = Files.createDirectories(policies.resolve(label));
            for (String file : new String[] {"policy.en.md", "policy.ko.md"}) {
                write(folder.resolve(file), edit.apply(Files.readString(base.resolve(file))));
            }
            String metadata = Files.readString(base.resolve("metadata.json"))
                    .replace("\"label\": \"2023-09-01\"", "\"label\": \"" + label + "\"")
                    .replace("\"baseline\": true", "\"baseline\": false")
                    .replace("\"email\": \"support@jsoft.kr\"", "\"email\": \"" + officerEmail + "\"");
            write(folder.resolve("metadata.json"), metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
