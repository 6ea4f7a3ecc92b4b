package kr.jsoft.privacyportal.web;

import java.security.SecureRandom;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.MDC;

/**
 * The one rule every address must pass before any filter or servlet sees it: a path that a
 * browser following the portal's own links never sends, and that one component could read
 * differently from another, is refused with 400. Refused: dot segments ({@code /./},
 * {@code /../}, also percent-encoded), encoded slashes and backslashes ({@code %2f}, {@code %5c}),
 * a literal backslash, empty segments ({@code //}), path parameters ({@code ;jsessionid=…}) and
 * an encoded NUL. Without it a filter that compares the raw path ({@code /manager/setup/../accounts}
 * starts with the public {@code /manager/setup/}) and the servlet container that serves the
 * normalised one ({@code /manager/accounts}) disagree about which page is asked for. Every
 * address that passes reads the same raw and normalised, and access decisions still use the
 * normalised path ({@link RequestPath}).
 *
 * <p>Runs inside {@link SecurityHeaders}, so the refusal carries the headers; the answer is the
 * server's own error answer ({@link ServerErrors}: problem JSON under {@code /api/}, else the 400
 * page). No filter sees a refused request, so the refusal names its own request id and writes its
 * own request-log line (route {@code refused}), like every other answer.
 */
public final class PathRule extends Handler.Wrapper {
    /** Encoded dot, slash, backslash and NUL; literal backslash, parameter separator, empty segment (any case). */
    private static final Pattern AMBIGUOUS = Pattern.compile("%2e|%2f|%5c|%00|\\\\|;|//", Pattern.CASE_INSENSITIVE);

    /** The route label of a refused request's log line and metric. */
    static final String REFUSED = "refused";
    private final SecureRandom random;

    public PathRule(Handler handler, SecureRandom random) {
        super(handler);
        this.random = random;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpURI uri = request.getHttpURI();
        if (!acceptable(uri.getPath())) {
            long start = System.nanoTime();
            String id = RequestLog.newId(random);
            response.getHeaders().put(RequestLog.HEADER, id);
            Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400,
                    "The address is ambiguous (dot segments, encoded separators, empty segments or parameters).");
            MDC.put(RequestLog.MDC_KEY, id);
            try {
                RequestLog.line(Routes.method(request.getMethod()), REFUSED,
                        uri.getPath() == null ? "" : Routes.loggable(uri.getPath(), uri.getQuery()),
                        HttpStatus.BAD_REQUEST_400, System.nanoTime() - start);
            } finally {
                MDC.remove(RequestLog.MDC_KEY);
            }
            return true;
        }
        return super.handle(request, response, callback);
    }

    /** Whether a raw (still percent-encoded) path is unambiguous: see the class comment. */
    static boolean acceptable(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return true;
        }
        if ("*".equals(rawPath)) {
            return true; // OPTIONS * asks about the server, not a page
        }
        if (rawPath.charAt(0) != '/' || AMBIGUOUS.matcher(rawPath).find()) {
            return false;
        }
        // A literal dot segment: "/." or "/.." followed by the end or the next slash.
        for (int dot = rawPath.indexOf("/."); dot >= 0; dot = rawPath.indexOf("/.", dot + 1)) {
            int end = rawPath.length() > dot + 2 && rawPath.charAt(dot + 2) == '.' ? dot + 3 : dot + 2;
            if (end == rawPath.length() || rawPath.charAt(end) == '/') {
                return false;
            }
        }
        return true;
    }
}
