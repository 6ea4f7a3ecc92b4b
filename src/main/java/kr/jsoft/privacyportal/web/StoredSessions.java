package kr.jsoft.privacyportal.web;

import org.eclipse.jetty.ee11.servlet.SessionHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's session handler, except that a session the store cannot read is an overload, not a
 * missing session. Jetty logs a failed load and carries on as if the visitor had no session:
 * with a starved pool a signed-in manager was sent to sign-in, a form's CSRF check failed with
 * 403, and the new session Jetty then made under the same id collided with the stored row
 * (duplicate keys in {@code jetty_session}). Here, when a requested session does not load and
 * the store cannot say it is gone (it fails again, or the row is there), the request is answered
 * 503 with {@code Retry-After} before any of the portal's code runs, and the stored session is
 * left as it was for the next try.
 */
public final class StoredSessions extends SessionHandler {
    private static final Logger log = LoggerFactory.getLogger(StoredSessions.class);
    private final ServerErrors errors;

    public StoredSessions(ServerErrors errors) {
        this.errors = errors;
    }

    /** Thrown while resolving the request's session; answered by {@link #handle}. */
    private static final class StoreUnavailable extends RuntimeException {
        StoreUnavailable() {
            super("the session store cannot read the requested session", null, false, false);
        }
    }

    @Override
    protected RequestedSession resolveRequestedSessionId(Request request) {
        RequestedSession requested = super.resolveRequestedSessionId(request);
        if (requested.session() == null && requested.sessionId() != null && !knownGone(requested.sessionId())) {
            throw new StoreUnavailable();
        }
        return requested;
    }

    /** True only when the store answers that the session does not exist (expired, signed out, unknown). */
    private boolean knownGone(String id) {
        try {
            return !getSessionCache().getSessionDataStore().exists(id);
        } catch (Exception unavailable) {
            return false;
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        try {
            return super.handle(request, response, callback);
        } catch (StoreUnavailable unavailable) {
            log.warn("Session store unavailable on {} {}: answered 503", request.getMethod(),
                    request.getHttpURI().getPath());
            errors.answer(request, response, 503, callback);
            return true;
        }
    }
}
