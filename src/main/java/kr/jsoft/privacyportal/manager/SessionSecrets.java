package kr.jsoft.privacyportal.manager;

import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Optional;

/**
 * Session values that are secret or personal (a setup in progress with its TOTP secret, the
 * recovery codes and setup links shown once), sealed with the data-encryption key before they
 * go into the HTTP session. Sessions live in the database table {@code jetty_session}, shared by
 * every instance, so what a row holds must be as safe at rest as the rest of the database.
 */
final class SessionSecrets {
    /** Only the portal's own records, strings and JDK collections are ever read back. */
    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "kr.jsoft.privacyportal.manager.*;java.lang.*;java.util.*;!*");
    private final SecretBox box;

    SessionSecrets(SecretBox box) {
        this.box = box;
    }

    /** Stores {@code value} (serializable) sealed under {@code name}. */
    void put(HttpSession session, String name, Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep " + name + " in the session", e);
        }
        session.setAttribute(name, box.seal(Base64.getEncoder().encodeToString(bytes.toByteArray())));
    }

    /** The value stored under {@code name}, if there is one of this type. */
    <T> Optional<T> get(HttpSession session, String name, Class<T> type) {
        if (session == null || !(session.getAttribute(name) instanceof String sealed)) {
            return Optional.empty();
        }
        byte[] bytes = Base64.getDecoder().decode(box.open(sealed));
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ALLOWED);
            Object value = in.readObject();
            return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
        } catch (IOException | ClassNotFoundException e) {
            return Optional.empty();
        }
    }
}
