package kr.jsoft.privacyportal.web;

import java.nio.ByteBuffer;
import org.eclipse.jetty.ee11.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's session handler, except that a session the store cannot read or write is an overload,
 * not a missing session or a lost change. Jetty logs a failed load and carries on as if the visitor had no session:
 * with a starved pool a signed-in manager was sent to sign-in, a form's CSRF check failed with
 * 403, and the new session Jetty then made under the same id collided with the stored row
 * (duplicate keys in {@code jetty_session}). Here, when a requested session does not load and
 * the store cannot say it is gone (it fails again, or the row is there), the request is answered
 * 503 with {@code Retry-After} before any of the portal's code runs, and the stored session is
 * left as it was for the next try.
 *
 * <p>Writing is the same promise the other way round. Jetty saves a changed session when the
 * response is about to go out, and only logs it when the store fails: the visitor then saw "signed
 * in" or "saved" while the stored session never changed. Here the save happens at the same moment,
 * but a failure replaces the response, before its first byte, with 503 and {@code Retry-After}
 * (security headers and request id kept, nothing of the original answer sent), so the visitor
 * tries again and the stored session stays what it was.
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

    /** Replaces Jetty's stream wrapper (which only logs a failed save) with {@link SavedOrBusy}. */
    @Override
    protected void addSessionStreamWrapper(Request request) {
        request.addHttpStreamWrapper(stream -> new SavedOrBusy(stream, request));
    }

    /** Saves the request's changed session as its response commits; answers 503 when that fails. */
    private final class SavedOrBusy extends HttpStream.Wrapper {
        private final Request request;
        private boolean busy;

        SavedOrBusy(HttpStream stream, Request request) {
            super(stream);
            this.request = request;
        }

        @Override
        public void send(MetaData.Request requestMetaData, MetaData.Response response, boolean last,
                         ByteBuffer content, Callback callback) {
            if (busy) {
                // The 503 went out in place of the whole answer; the rest of the original is dropped.
                callback.succeeded();
                return;
            }
            if (response != null && !saved()) {
                busy = true;
                sendBusy(requestMetaData, response, callback);
                return;
            }
            super.send(requestMetaData, response, last, content, callback);
        }

        private boolean saved() {
            Exception[] failure = new Exception[1];
            request.getContext().run(() -> {
                try {
                    getSessionCache().commit(getManagedSession(request));
                } catch (Exception e) {
                    failure[0] = e;
                }
            }, request);
            if (failure[0] != null) {
                log.warn("Session store could not save the session of {} {}: answered 503 instead",
                        request.getMethod(), request.getHttpURI().getPath(), failure[0]);
            }
            return failure[0] == null;
        }

        private void sendBusy(MetaData.Request requestMetaData, MetaData.Response original, Callback callback) {
            // Security headers and the request id; not the cookies, location, caching or content
            // headers of the answer this one replaces.
            HttpFields.Mutable headers = HttpFields.build();
            errors.secure(request, headers);
            String requestId = original.getHttpFields().get(RequestLog.HEADER);
            if (requestId != null) {
                headers.put(RequestLog.HEADER, requestId);
            }
            byte[] body = ServerErrors.describe(request, 503, headers);
            headers.put(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length));
            MetaData.Response busyResponse = new MetaData.Response(503, null, original.getHttpVersion(), headers,
                    body.length);
            boolean head = HttpMethod.HEAD.is(request.getMethod());
            super.send(requestMetaData, busyResponse, true, head ? null : ByteBuffer.wrap(body), callback);
        }

        @Override
        public void succeeded() {
            leave();
            super.succeeded();
        }

        @Override
        public void failed(Throwable x) {
            leave();
            super.failed(x);
        }

        /**
         * Jetty's end of a request saves the session once more (its access time, and with it every
         * attribute). After a 503 that save would store the very change the visitor was told was
         * not made, so it is skipped: no cache holds the session object ({@link SessionStore}
         * keeps none), and dropping it drops the change.
         */
        private void leave() {
            if (!busy) {
                request.getContext().run(() -> complete(getManagedSession(request)), request);
            }
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
