package kr.jsoft.privacyportal.manager;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** The HTTP session's sign-in: who, when (absolute timeout) and when last seen (idle timeout). */
record SignedIn(UUID accountId, Instant signedInAt, Instant lastSeenAt) implements Serializable {
    static final String ATTRIBUTE = "manager.signedIn";
    /** After a right password, before the second factor: {@link PendingSignIn}. */
    static final String PENDING_ATTRIBUTE = "manager.pendingSignIn";

    static SignedIn of(HttpSession session) {
        return session == null ? null : (SignedIn) session.getAttribute(ATTRIBUTE);
    }

    SignedIn seenAt(Instant now) {
        return new SignedIn(accountId, signedInAt, now);
    }

    /** Password step passed at {@code at}; the second factor must follow within a few minutes. */
    record PendingSignIn(UUID accountId, Instant at) implements Serializable {
    }
}
