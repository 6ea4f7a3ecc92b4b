package kr.jsoft.privacyportal.notice;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.Markdown;

/** The Atom feed (RFC 4287) of the Notices section in one language, written with the JDK's StAX writer. */
final class NoticeFeed {
    static final String MEDIA_TYPE = "application/atom+xml;charset=UTF-8";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    /** A feed must say when it last changed; with no notice yet, the baseline policy's date stands in. */
    private static final Instant BEFORE_ANY_NOTICE = Instant.parse("2023-08-31T15:00:00Z");

    private NoticeFeed() {
    }

    static String write(String baseUrl, Lang lang, List<NoticeView> notices, Markdown markdown, String title) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", lang.code());
            String feedUrl = baseUrl + "/" + lang.code() + "/notices.atom";
            element(xml, "id", feedUrl);
            element(xml, "title", title);
            element(xml, "updated", time(notices.isEmpty() ? BEFORE_ANY_NOTICE : notices.get(0).postedAt()));
            link(xml, "self", feedUrl, "application/atom+xml");
            link(xml, "alternate", baseUrl + "/" + lang.code() + "/notices", "text/html");
            xml.writeStartElement("author");
            element(xml, "name", "jsoft");
            xml.writeEndElement();
            for (NoticeView notice : notices) {
                xml.writeStartElement("entry");
                element(xml, "id", "urn:uuid:" + notice.id());
                element(xml, "title", notice.title(lang));
                element(xml, "published", time(notice.postedAt()));
                element(xml, "updated", time(notice.postedAt()));
                link(xml, "alternate", baseUrl + "/" + lang.code() + "/notices/" + notice.id(), "text/html");
                xml.writeStartElement("content");
                xml.writeAttribute("type", "html");
                xml.writeCharacters(markdown.html(notice.body(lang)));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the notices feed", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeAttribute("type", type);
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
