package kr.jsoft.privacyportal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The server's own error answers: what Jetty sends when it refuses a request before any
 * handler of the portal runs (an invalid percent-encoding, an encoded slash or NUL in the
 * path, a 20 KB header, an unparseable request line). They carry the portal's security
 * headers like every other answer, are {@code application/problem+json} under {@code /api/},
 * and otherwise a short page in Korean and English, never Jetty's page or a stack trace.
 */
public final class ServerErrors extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final boolean httpsBaseUrl;

    public ServerErrors(boolean httpsBaseUrl) {
        this.httpsBaseUrl = httpsBaseUrl;
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
        setShowOrigin(false);
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    /** Answers {@code request} with this handler's page or problem for {@code code}. */
    void answer(Request request, Response response, int code, Callback callback) {
        generateResponse(request, response, code, null, null, callback);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        secure(request, headers);
        byte[] body = describe(request, code, headers);
        response.setStatus(code);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** The portal's security headers, as {@link SecurityHeaders} sets them on every other answer. */
    void secure(Request request, HttpFields.Mutable headers) {
        SecurityHeaders.apply(headers, request.isSecure() || httpsBaseUrl);
    }

    /**
     * Puts the answer's own headers for {@code code} into {@code headers} and returns its body:
     * problem JSON under /api/, otherwise a short page in both languages.
     */
    static byte[] describe(Request request, int code, HttpFields.Mutable headers) {
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        if (code == 503) {
            // Overload (a busy pool, an unreadable session store): worth trying again shortly.
            headers.put(HttpHeader.RETRY_AFTER, Long.toString(Failures.BUSY_RETRY_AFTER_SECONDS));
        }
        String body;
        if (api(request)) {
            headers.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
            ObjectNode problem = JSON.createObjectNode();
            problem.put("type", "about:blank");
            problem.put("title", HttpStatus.getMessage(code));
            problem.put("status", code);
            problem.put("detail", explanation(code).english());
            body = problem.toString();
        } else {
            headers.put(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
            Explanation text = explanation(code);
            body = "<!DOCTYPE html>\n<html lang=\"ko\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    + "<title>" + code + " " + text.koreanTitle() + "</title></head>\n<body>"
                    + "<h1>" + text.koreanTitle() + "</h1><p>" + text.korean() + "</p>"
                    + "<p><a href=\"/ko\">개인정보 포털 첫 화면으로 가기</a></p>"
                    + "<hr><p lang=\"en\">" + text.english() + " <a href=\"/en\">Go to the privacy portal</a></p>"
                    + "</body></html>\n";
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Under /api/, or unknown: when Jetty cannot parse the request line at all ({@code %zz} or
     * {@code %00} in the target) it keeps neither path nor headers ({@link #UNPARSED}), and such a
     * target never comes from the portal's own pages, so it is answered as the device API would be.
     */
    static boolean api(Request request) {
        HttpURI uri = request.getHttpURI();
        String path = uri == null ? null : uri.getPath();
        return path == null || path.startsWith("/api/") || path.equals(UNPARSED) || decodedUnderApi(uri);
    }

    /** An address refused as ambiguous ({@code /api%2fv1/…}, {@code /x/../api/…}) may be under /api/ only once decoded. */
    private static boolean decodedUnderApi(HttpURI uri) {
        try {
            String normalised = uri.getCanonicalPath();
            String decoded = uri.getDecodedPath();
            return normalised != null && normalised.startsWith("/api/")
                    || decoded != null && decoded.replace('\\', '/').startsWith("/api/");
        } catch (RuntimeException undecodable) {
            return false;
        }
    }

    /** The placeholder path Jetty gives the error request of a request line it could not parse. */
    static final String UNPARSED = "/badMessage";

    record Explanation(String koreanTitle, String korean, String english) {
    }

    static Explanation explanation(int code) {
        return switch (code) {
            case 413 -> new Explanation("요청이 너무 큽니다", "보내신 내용이 너무 커서 처리하지 않았습니다.",
                    "The request was too large and was not processed.");
            case 414 -> new Explanation("주소가 너무 깁니다", "주소가 너무 길어서 처리하지 않았습니다.",
                    "The address was too long and was not processed.");
            case 431 -> new Explanation("요청 머리글이 너무 큽니다", "요청의 머리글(쿠키 등)이 너무 커서 처리하지 않았습니다. "
                    + "이 사이트의 쿠키를 지운 뒤 다시 시도해 주십시오.",
                    "The request's headers (cookies, for example) were too large. Clear this site's cookies and try again.");
            case 405 -> new Explanation("허용되지 않는 요청입니다", "이 주소는 그런 방식의 요청을 받지 않습니다.",
                    "This address does not accept that method.");
            case 408 -> new Explanation("요청이 늦게 도착했습니다", "요청이 끝까지 도착하지 않아 처리하지 않았습니다.",
                    "The request did not arrive in time and was not processed.");
            default -> code >= 500
                    ? new Explanation("잠시 후 다시 시도해 주십시오", "지금은 요청을 처리할 수 없습니다.",
                    "The request cannot be processed right now. Please try again shortly.")
                    : new Explanation("잘못된 요청입니다", "주소나 요청 형식이 올바르지 않아 처리하지 않았습니다. "
                    + "주소를 확인한 뒤 다시 시도해 주십시오.",
                    "The address or the format of the request is not valid, so it was not processed.");
        };
    }
}
