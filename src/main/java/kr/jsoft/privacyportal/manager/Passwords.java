package kr.jsoft.privacyportal.manager;

import kr.jsoft.privacyportal.staff.Staff;
import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Staff passwords: Argon2id with the OWASP Password Storage Cheat Sheet's parameters
 * (19 MiB, 2 iterations, 1 lane; README lists them), at least 12 characters, and not one of
 * the 10,000 most common passwords, also when decorated with leading or trailing digits
 * and symbols ({@code Password123!}).
 */
final class Passwords {
    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 256;
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    static final Argon2Function ARGON2 = Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, 32,
            Argon2.ID, Argon2Function.ARGON2_VERSION_13);

    /**
     * Verified against when no account matches, so both answers take as long: a hash made once with
     * these parameters (of a password nobody has), not at every start, where it cost a cold JVM as much
     * as the rest of the manager's wiring. {@code PasswordsTest} keeps its parameters those of {@link #ARGON2}.
     */
    static final String DECOY =
            "$argon2id$v=19$m=19456,t=2,p=1$geIrKA8KdsUW16pCZWwKTw$QkK8ylPuHEy5DchTlUaXKjieIaeq66M2anOlDbaLl2I";

    private final Set<String> common;

    Passwords() {
        this.common = loadCommon();
    }

    private static Set<String> loadCommon() {
        Set<String> words = new HashSet<>();
        try (var in = Passwords.class.getResourceAsStream("/manager/common-passwords.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }

    String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    boolean matches(String password, String hash) {
        if (hash == null) {
            Password.check(password, DECOY).with(ARGON2);
            return false;
        }
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }

    /** The message key of what is wrong with a new password, if anything. */
    Optional<String> problem(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("manager.password.too-short");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("manager.password.too-long");
        }
        if (isCommon(password)) {
            return Optional.of("manager.password.common");
        }
        return Optional.empty();
    }

    boolean isCommon(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        String core = lower.replaceAll("^[\\d\\p{Punct}\\s]+|[\\d\\p{Punct}\\s]+$", "");
        return common.contains(lower) || common.contains(core) || core.chars().distinct().count() <= 2;
    }
}
