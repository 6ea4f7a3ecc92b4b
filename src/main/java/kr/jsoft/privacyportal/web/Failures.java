package kr.jsoft.privacyportal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns failures into answers. Pages: a {@link BadRequestException} becomes the container's
 * error page with its status (400, 422, 429 with {@code Retry-After}, …) and message; no pooled
 * database connection in time becomes 503 with {@code Retry-After} (overload: nothing was
 * written, trying again is safe); anything else the 500 page with an incident id (logged with
 * the stack trace, which the visitor never sees). Under {@code /api/}: every error, ours or
 * the container's, is an RFC 9457 problem body instead.
 */
public final class Failures extends HttpFilter {
    public static final String INCIDENT_ATTRIBUTE = "incidentId";
    private static final Logger log = LoggerFactory.getLogger(Failures.class);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        boolean api = RequestPath.under(RequestPath.of(request), "/api/");
        HttpServletResponse target = api ? new ProblemResponse(response, request)
                : new UnreadBody.DrainedFirst(response, request);
        try {
            chain.doFilter(request, target);
        } catch (BadRequestException e) {
            refuse(request, target, e);
        } catch (Exception | Error e) {
            Throwable cause = e instanceof ServletException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof BadRequestException bad) {
                refuse(request, target, bad);
                return;
            }
            if (ClientFaults.abandoned(cause)) {
                // A slow or vanished client: its connection is gone or timed out; nothing to answer, nothing lost
                // (and nothing more to read from it: the answer goes out without waiting on its body again).
                log.info("Client gave up or was too slow on {} {}", request.getMethod(),
                        loggablePath(request.getRequestURI()));
                fail(request, target, 408, "The request took too long to arrive.");
                return;
            }
            if (ClientFaults.unstorableText(cause)) {
                // A character the database refuses to store or compare (PostgreSQL: NUL). The
                // transaction rolled back whole, so nothing was written: the client's input, not a bug.
                log.warn("Refused {} {} with 400: a value the database cannot store (NUL)", request.getMethod(),
                        loggablePath(request.getRequestURI()));
                fail(request, target, 400, "The form contained a character that cannot be accepted.");
                return;
            }
            var refusal = ClientFaults.refusal(cause);
            if (refusal.isPresent()) {
                // Jetty would not parse what was sent (too large, too many fields, bad encoding): the client's fault.
                log.warn("Refused {} {} with {}: {}", request.getMethod(), loggablePath(request.getRequestURI()),
                        refusal.get(), refusalMessage(refusal.get()));
                fail(request, target, refusal.get(), refusalMessage(refusal.get()));
                return;
            }
            if (databaseBusy(cause)) {
                // No pooled connection within PORTAL_DB_CONNECT_TIMEOUT: overload, not a bug. Nothing was
                // written (the transaction never began); the client may simply try again shortly.
                log.warn("Database busy on {} {}: no connection within the pool's timeout", request.getMethod(),
                        loggablePath(request.getRequestURI()));
                if (!target.isCommitted()) {
                    target.setHeader("Retry-After", Long.toString(BUSY_RETRY_AFTER_SECONDS));
                }
                fail(request, target, 503, "The service is busy. Please try again in a few seconds.");
                return;
            }
            String incident = UUID.randomUUID().toString().substring(0, 8);
            log.error("Incident {} on {} {}", incident, request.getMethod(), loggablePath(request.getRequestURI()), cause);
            request.setAttribute(INCIDENT_ATTRIBUTE, incident);
            fail(request, target, 500, "Something went wrong on our side. Incident " + incident + ".");
        }
    }

    static final long BUSY_RETRY_AFTER_SECONDS = 5;

    private static String refusalMessage(int status) {
        return switch (status) {
            case 413 -> "The form was too large (too much text or too many fields).";
            case 414 -> "The address was too long.";
            case 408 -> "The request arrived too slowly.";
            default -> "The request could not be read: its form data or address is not validly encoded.";
        };
    }

    /** The pool's "no connection within the timeout" (HikariCP throws {@link java.sql.SQLTransientConnectionException}). */
    static boolean databaseBusy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Only the feature part of the path (the language and the first segment after it): deeper
     * segments can be secret (status links, confirmation and unsubscribe tokens) and must never
     * reach the log.
     */
    static String loggablePath(String path) {
        String[] segments = path.split("/", 4);
        if (segments.length < 3) {
            return path;
        }
        boolean language = Lang.parse(segments[1]).isPresent();
        if (!language) {
            return "/" + segments[1] + "/…";
        }
        return segments.length == 3 ? path : "/" + segments[1] + "/" + segments[2] + "/…";
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, BadRequestException e)
            throws IOException {
        if (e instanceof TooManyRequestsException tooMany && !response.isCommitted()) {
            response.setHeader("Retry-After", Long.toString(tooMany.retryAfterSeconds()));
        }
        fail(request, response, e.status(), e.getMessage());
    }

    private static void fail(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.sendError(status, message);
    }

    /** Answers every {@code sendError} under /api/ with a problem body instead of an HTML page. */
    static final class ProblemResponse extends HttpServletResponseWrapper {
        private final HttpServletRequest request;
        private final String instance;

        ProblemResponse(HttpServletResponse response, HttpServletRequest request) {
            super(response);
            this.request = request;
            this.instance = request.getRequestURI();
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            UnreadBody.drainUnlessTimedOut(request, status);
            Problem.write((HttpServletResponse) getResponse(), status, message, instance);
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }
    }
}
