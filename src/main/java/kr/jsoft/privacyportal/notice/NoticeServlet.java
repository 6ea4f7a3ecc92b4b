package kr.jsoft.privacyportal.notice;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import kr.jsoft.privacyportal.web.Alternates;
import kr.jsoft.privacyportal.web.BadRequestException;
import kr.jsoft.privacyportal.web.Dates;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.Markdown;
import kr.jsoft.privacyportal.web.Messages;
import kr.jsoft.privacyportal.web.PageCache;
import kr.jsoft.privacyportal.web.View;

/**
 * The Notices section: {@code /{lang}/notices} (newest first), {@code /{lang}/notices/{id}} and
 * the Atom feed {@code /{lang}/notices.atom}. Pages come from the {@link PageCache}.
 */
final class NoticeServlet extends HttpServlet {
    static final String LIST = "notice/list";
    static final String DETAIL = "notice/detail";

    private final NoticeService notices;
    private final Markdown markdown;
    private final PageCache cache;
    private final View view;
    /** The portal's own address (never the request's Host header: the feed is cached for everyone). */
    private final Supplier<URI> baseUrl;

    public NoticeServlet(NoticeService notices, Markdown markdown, PageCache cache, View view, Supplier<URI> baseUrl) {
        this.notices = notices;
        this.markdown = markdown;
        this.cache = cache;
        this.view = view;
        this.baseUrl = baseUrl;
    }

    /** A notice as the templates show it. */
    public record Item(String id, String title, String postedAt, String postedAtIso, String kind, String versionLabel,
                       String html) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Lang lang = Lang.of(request);
        String path = request.getRequestURI();
        if (path.endsWith("/notices.atom")) {
            String base = baseUrl.get().toString();
            cache.serve(request, response, NoticeFeed.MEDIA_TYPE, () -> NoticeFeed.write(base, lang, notices.list(),
                    markdown, Messages.resolve(lang.locale(), "notice.feed.title")));
            return;
        }
        String rest = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (rest.isEmpty() || rest.equals("/")) {
            cache.serve(request, response, "text/html;charset=UTF-8", () -> {
                Map<String, Object> model = new HashMap<>(Alternates.of(lang, "/notices"));
                List<Item> items = notices.list().stream().map(n -> item(n, lang, false)).toList();
                model.put("notices", items);
                return view.renderToString(request, response, LIST, model);
            });
            return;
        }
        NoticeView notice = parseId(rest.substring(1)).flatMap(notices::find).orElseThrow(() ->
                new BadRequestException(404, Messages.resolve(lang.locale(), "notice.unknown")));
        cache.serve(request, response, "text/html;charset=UTF-8", () -> {
            Map<String, Object> model = new HashMap<>(Alternates.of(lang, "/notices/" + notice.id()));
            model.put("notice", item(notice, lang, true));
            return view.renderToString(request, response, DETAIL, model);
        });
    }

    private Item item(NoticeView notice, Lang lang, boolean withBody) {
        return new Item(notice.id().toString(), notice.title(lang), Dates.dateTime(notice.postedAt(), lang),
                notice.postedAt().toString(), notice.kind().name(), notice.versionLabel(),
                withBody ? markdown.html(notice.body(lang)) : null);
    }

    private static Optional<UUID> parseId(String text) {
        try {
            return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
