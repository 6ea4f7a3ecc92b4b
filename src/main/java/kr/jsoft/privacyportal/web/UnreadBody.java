package kr.jsoft.privacyportal.web;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * What is left of a refused request's body is read (and dropped) before the refusal is sent. A
 * form refused unread (a wrong CSRF field in a body that is not a form, a form too large) leaves
 * the client still sending while the answer goes out; Jetty then closes the connection with the
 * rest of the body unread, the kernel resets it, and a client still writing may lose the answer
 * (the JDK's HTTP client then reports "header parser received no bytes" instead of the 403 or 413).
 * Bounded: a body larger than {@link #LIMIT} is left to that reset, as nothing legitimate is that large.
 */
final class UnreadBody {
    /** Five times Jetty's form limit (200,000 bytes): every refused form, not an upload of any size. */
    static final int LIMIT = 1_000_000;

    private UnreadBody() {
    }

    /** Reads and drops the rest of {@code request}'s body, up to {@link #LIMIT} bytes; quietly stops on any failure. */
    static void drain(HttpServletRequest request) {
        try {
            ServletInputStream in = request.getInputStream();
            byte[] scratch = new byte[16 * 1024];
            int left = LIMIT;
            while (left > 0) {
                int read = in.read(scratch, 0, Math.min(scratch.length, left));
                if (read < 0) {
                    return;
                }
                left -= read;
            }
        } catch (IOException | RuntimeException e) {
            // Read already as characters, failed while being parsed, or the client is gone: nothing more to do.
        }
    }

    /** Drains unless the refusal is for a body that stalled or stopped (408): waiting on it again helps nobody. */
    static void drainUnlessTimedOut(HttpServletRequest request, int status) {
        if (status != HttpServletResponse.SC_REQUEST_TIMEOUT) {
            drain(request);
        }
    }

    /** A response whose {@code sendError} first drains the request's body. */
    static final class DrainedFirst extends HttpServletResponseWrapper {
        private final HttpServletRequest request;

        DrainedFirst(HttpServletResponse response, HttpServletRequest request) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            drainUnlessTimedOut(request, status);
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            drainUnlessTimedOut(request, status);
            super.sendError(status);
        }
    }
}
