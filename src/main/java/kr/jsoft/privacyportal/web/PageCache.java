package kr.jsoft.privacyportal.web;

import kr.jsoft.privacyportal.crypto.Digests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Public pages that change only with the site's state (for the policy pages: the version in
 * force, the newest notice and the Seoul date): each page is rendered once per state and kept
 * in memory, its {@code ETag} derived from the state and address alone, so a conditional
 * request is answered 304 without rendering. {@code Cache-Control: no-cache} makes browsers
 * ask each time. Pages must not depend on the visitor (no session, no form tokens). The ETag is
 * kept beside the page, so a request for a kept page hashes nothing.
 */
public final class PageCache {
    /** Bounds memory when visitors invent addresses (compare with many labels). */
    static final int MAX_PAGES_PER_STATE = 500;

    private final Supplier<String> state;
    private final String applicationVersion;
    private volatile Generation generation = new Generation("", new ConcurrentHashMap<>());

    /** @param state the site's current state; @param applicationVersion changes the ETags on each release */
    public PageCache(Supplier<String> state, String applicationVersion) {
        this.state = state;
        this.applicationVersion = applicationVersion;
    }

    private record Generation(String state, Map<String, Page> pages) {
    }

    private record Page(String etag, byte[] body) {
    }

    /** Serves the page for this request from memory, rendering it with {@code render} when needed. */
    public void serve(HttpServletRequest request, HttpServletResponse response, String contentType,
                      Supplier<String> render) throws IOException {
        String current = state.get();
        Generation g = generation;
        if (!g.state().equals(current)) {
            g = new Generation(current, new ConcurrentHashMap<>());
            generation = g;
        }
        String query = request.getQueryString();
        String address = query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
        Page page = g.pages().get(address);
        String etag = page != null ? page.etag() : etag(current, address);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("ETag", etag);
        if (matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        if (page == null) {
            page = new Page(etag, render.get().getBytes(StandardCharsets.UTF_8));
            if (g.pages().size() < MAX_PAGES_PER_STATE) {
                g.pages().putIfAbsent(address, page);
            }
        }
        response.setContentType(contentType);
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
    }

    private String etag(String state, String address) {
        return "\"" + Digests.sha256Hex(applicationVersion + "\n" + state + "\n" + address).substring(0, 32) + "\"";
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

}
