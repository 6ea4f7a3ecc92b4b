package kr.jsoft.privacyportal.web;

import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;

/**
 * Failures that are the client's, not the portal's: Jetty refusing what it was sent while a
 * filter or servlet reads it (malformed or oversized forms, invalid percent-encoding, too many
 * fields), and uploads that stall or are abandoned midway. Answered with a 4xx and logged as
 * one line, never as an incident with a stack trace.
 */
final class ClientFaults {
    private ClientFaults() {
    }

    /**
     * The status Jetty chose for a request it refused, from the innermost {@link HttpException}
     * in the chain: Jetty wraps "form too large" (413) in a generic "unable to parse form" (400).
     */
    static Optional<Integer> refusal(Throwable failure) {
        Integer status = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                status = http.getCode();
            }
        }
        return Optional.ofNullable(status);
    }

    /**
     * The database refused a character the client sent: PostgreSQL's "invalid byte sequence" (SQLSTATE
     * 22021, which is how it answers a NUL in any text parameter) or "untranslatable character" (22P05).
     */
    static boolean unstorableText(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql
                    && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** The client stopped sending (connection closed) or was too slow (idle timeout) while its body was read. */
    static boolean abandoned(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EofException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
