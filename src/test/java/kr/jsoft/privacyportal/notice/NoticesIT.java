package kr.jsoft.privacyportal.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.testing.Await;
import kr.jsoft.privacyportal.testing.PortalFixture;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Notices section with notices posted through {@link NoticeService} on the portal's
 * database, as the lifecycle will post them. The portal notices them on its next state check.
 */
class NoticesIT {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder().build();

    private NoticeService notices;

    @BeforeEach
    void service() {
        notices = new NoticeService(portal.server().database(), new AuditLog(portal.clock()), portal.clock());
    }

    /** Posts a notice a minute after the previous one, so the newest is always the last posted. */
    private NoticeView post(String titleEn, String bodyEn) {
        portal.clock().advance(Duration.ofMinutes(1));
        return notices.post(new NewNotice(NoticeKind.GENERAL, null, "공지: " + titleEn, titleEn,
                "본문 " + bodyEn, bodyEn));
    }

    @Test
    void postedNoticesAreListedNewestFirstWithTheirPostingTime() throws Exception {
        portal.clock().set(Instant.parse("2026-12-01T02:59:00Z")); // later than any other test's notice
        NoticeView older = post("Older notice", "first");
        portal.clock().advance(Duration.ofMinutes(119));
        NoticeView newer = post("Newer notice", "second");

        awaitPage("/en/notices", newer.titleEn());
        try (WebClient browser = portal.browser()) {
            HtmlPage page = browser.getPage(portal.url("/en/notices"));
            HtmlPage korean = browser.getPage(portal.url("/ko/notices"));

            List<String> titles = page.querySelectorAll(".notices h2").stream().map(DomNode::asNormalizedText).toList();
            assertThat(titles.indexOf("Newer notice")).isLessThan(titles.indexOf("Older notice"));
            assertThat(page.asNormalizedText()).contains("Posted 1 December 2026, 12:00 KST",
                    "Posted 1 December 2026, 14:00 KST");
            assertThat(page.querySelectorAll(".empty")).isEmpty();
            assertThat(korean.asNormalizedText()).contains("공지: Newer notice", "2026년 12월 1일 14:00 (KST) 게시");
            assertThat(older.id()).isNotEqualTo(newer.id());
        }
    }

    @Test
    void aNoticeHasItsOwnPageWithItsBodyRenderedAndMarkupEscaped() throws Exception {
        NoticeView notice = post("Escaping", "Read **this**. <img src=x onerror=alert(1)>");

        awaitPage("/en/notices", "Escaping");
        try (WebClient browser = portal.browser()) {
            HtmlPage page = browser.getPage(portal.url("/en/notices/" + notice.id()));

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(page.querySelector("h1").getTextContent()).isEqualTo("Escaping");
            assertThat(page.querySelectorAll(".notice-body strong")).hasSize(1);
            assertThat(page.querySelectorAll(".notice-body img")).isEmpty();
            assertThat(page.getWebResponse().getContentAsString()).contains("&lt;img src=x onerror=alert(1)&gt;");
            assertThat(page.querySelectorAll("time[datetime]")).hasSize(1);
        }
        assertThat(portal.get("/en/notices/not-a-notice").statusCode()).isEqualTo(404);
        assertThat(portal.get("/en/notices/" + java.util.UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void theAtomFeedListsTheNoticesPerLanguage() throws Exception {
        NoticeView notice = post("Feed entry", "In the feed & escaped <b>");

        awaitPage("/en/notices.atom", "Feed entry");
        HttpResponse<String> response = portal.get("/ko/notices.atom");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/atom+xml"));
        Document feed = parse(portal.get("/en/notices.atom").body());
        Element root = feed.getDocumentElement();

        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
        Element entry = null;
        for (int i = 0; i < entries.getLength(); i++) {
            Element candidate = (Element) entries.item(i);
            if (text(candidate, "id").equals("urn:uuid:" + notice.id())) {
                entry = candidate;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(text(entry, "title")).isEqualTo("Feed entry");
        assertThat(((Element) entry.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href"))
                .isEqualTo(portal.url("/en/notices/" + notice.id()));
        assertThat(text(entry, "content")).contains("In the feed &amp; escaped &lt;b&gt;");
        assertThat(text(parse(response.body()).getDocumentElement(), "title")).isEqualTo("스마트콜백 개인정보 공지사항");
    }

    @Test
    void thePolicyPageLinksTheNewestNoticeAndChangesItsEtag() throws Exception {
        String before = portal.get("/en/policy").headers().firstValue("ETag").orElseThrow();
        NoticeView notice = post("Newest for the policy page", "body");

        Await.until("the policy page's ETag changes", () -> portal.get("/en/policy").headers().firstValue("ETag")
                .orElseThrow(), etag -> !etag.equals(before));
        assertThat(portal.get("/en/policy", "If-None-Match", before).statusCode()).isEqualTo(200);
        awaitPage("/en/policy", "Newest for the policy page");
        assertThat(portal.get("/en/policy").body()).contains("href=\"/en/notices/" + notice.id() + "\"");
    }

    @Test
    void aRevisionNoticeMustNameItsVersion() {
        assertThatThrownBy(() -> new NewNotice(NoticeKind.REVISION, null, "제목", "Title", "본문", "Body"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NewNotice(NoticeKind.GENERAL, null, "", "Title", "본문", "Body"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(ATOM, name).item(0).getTextContent();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The portal sees notices posted by another service instance on its next state check (at most 2 s). */
    private static void awaitPage(String path, String text) {
        Await.until(path + " shows \"" + text + "\"", () -> portal.get(path).body().contains(text));
    }
}
