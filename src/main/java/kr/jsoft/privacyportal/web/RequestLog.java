package kr.jsoft.privacyportal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One log line per request, and a request id on every log line written while it is served.
 *
 * <p>The id is taken from an incoming {@code X-Request-Id} when it is well-formed (a load
 * balancer's id then links its log to ours), else generated; it is returned in the response
 * header and put into the MDC as {@code requestId}. The line names method, route, the path with
 * secrets redacted ({@link Routes#loggable}), status and duration; never a query value, cookie,
 * session id or client address. {@link RequestObserver}s (the metrics) see every request too.
 */
public final class RequestLog extends HttpFilter {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Logger log = LoggerFactory.getLogger("kr.jsoft.privacyportal.request");
    /**
     * What we accept from outside: 8–64 plain characters with at least one letter (so never a
     * phone number, an address or a forged log line).
     */
    private static final Pattern WELL_FORMED = Pattern.compile("(?=.*[A-Za-z])[A-Za-z0-9._:-]{8,64}");

    /** Told about each finished request (route label, method, status, duration). */
    @FunctionalInterface
    public interface RequestObserver {
        void finished(String route, String method, int status, long nanos);
    }

    private final SecureRandom random;
    private final List<RequestObserver> observers;

    public RequestLog(SecureRandom random, List<RequestObserver> observers) {
        this.random = random;
        this.observers = List.copyOf(observers);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        String id = requestId(request.getHeader(HEADER));
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            long nanos = System.nanoTime() - start;
            String route = Routes.of(request);
            String method = Routes.method(request);
            int status = response.getStatus();
            line(method, route, Routes.loggable(request.getRequestURI(), request.getQueryString()), status, nanos);
            for (RequestObserver observer : observers) {
                observer.finished(route, method, status, nanos);
            }
            MDC.remove(MDC_KEY);
        }
    }

    private String requestId(String incoming) {
        if (incoming != null && WELL_FORMED.matcher(incoming).matches()) {
            return incoming;
        }
        return newId(random);
    }

    /** A new request id: 12 random bytes, base64url. */
    static String newId(SecureRandom random) {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The request's line; the request id comes from the MDC. */
    static void line(String method, String route, String loggablePath, int status, long nanos) {
        log.atInfo()
                .addKeyValue("method", method)
                .addKeyValue("route", route)
                .addKeyValue("status", status)
                .addKeyValue("durationMs", nanos / 1_000_000)
                .log("{} {} {} {} ms", method, loggablePath, status, nanos / 1_000_000);
    }
}
