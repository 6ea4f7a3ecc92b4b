package kr.jsoft.privacyportal.web;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * CommonMark (with GFM tables) to HTML for texts that come from files or staff: raw HTML is
 * escaped and unsafe link targets dropped, so a text can never inject markup. Headings get
 * stable ids: a numbered section ({@code ## 3. …}) is {@code section-3} in every language and
 * version, others a slug of their text. The first level-1 heading becomes the page's title
 * (the page renders its one {@code h1} itself).
 */
public final class Markdown {
    private static final Pattern NUMBERED = Pattern.compile("^(\\d+)\\.\\s");
    private final List<Extension> extensions = List.of(TablesExtension.create());
    private final Parser parser = Parser.builder().extensions(extensions).build();
    private final TextContentRenderer plain = TextContentRenderer.builder().build();

    /** The rendered text: title (from the first {@code #} heading, may be null), body HTML and contents. */
    public record Rendered(String title, String html, List<TocEntry> toc) {
    }

    /** A level-2 heading for the table of contents. */
    public record TocEntry(String id, String text) {
    }

    public Rendered render(String markdown) {
        return render(markdown, true);
    }

    /** Body only, for short texts such as notices: every heading is kept, level 1 shown as level 2. */
    public String html(String markdown) {
        return render(markdown, false).html();
    }

    private Rendered render(String markdown, boolean titleFromFirstHeading) {
        Node document = parser.parse(markdown);
        List<Heading> headings = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                headings.add(heading);
            }
        });
        String title = null;
        Map<Node, String> ids = new IdentityHashMap<>();
        List<TocEntry> toc = new ArrayList<>();
        IdGenerator slugs = IdGenerator.builder().defaultId("section").build();
        for (Heading heading : headings) {
            String text = plain.render(heading).strip();
            if (titleFromFirstHeading && heading.getLevel() == 1 && title == null) {
                title = text;
                heading.unlink();
                continue;
            }
            if (heading.getLevel() == 1) {
                heading.setLevel(2); // one h1 per page
            }
            Matcher numbered = NUMBERED.matcher(text);
            String id = heading.getLevel() == 2 && numbered.find()
                    ? slugs.generateId("section-" + numbered.group(1))
                    : slugs.generateId(text);
            ids.put(heading, id);
            if (heading.getLevel() == 2) {
                toc.add(new TocEntry(id, text));
            }
        }
        HtmlRenderer renderer = HtmlRenderer.builder()
                .extensions(extensions)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    String id = ids.get(node);
                    if (id != null) {
                        attributes.put("id", id);
                    }
                    if (node instanceof BulletList list && markedByCircledNumbers(list)) {
                        attributes.put("class", CIRCLED_LIST_CLASS);
                    }
                })
                .build();
        return new Rendered(title, renderer.render(document), List.copyOf(toc));
    }

    /**
     * Korean legal texts number their items ①, ②, … in the text itself; such a list must not get
     * a bullet as well ("• ①"), so it carries this class and the stylesheet drops its markers.
     */
    static final String CIRCLED_LIST_CLASS = "circled-numbers";

    private static boolean markedByCircledNumbers(BulletList list) {
        boolean any = false;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            Node paragraph = item.getFirstChild();
            Node first = paragraph == null ? null : paragraph.getFirstChild();
            if (!(first instanceof Text text) || text.getLiteral().isEmpty()) {
                return false;
            }
            char mark = text.getLiteral().charAt(0);
            if (mark < '\u2460' || mark > '\u2473') { // ① .. ⑳
                return false;
            }
            any = true;
        }
        return any;
    }
}
