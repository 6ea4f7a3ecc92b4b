package kr.jsoft.privacyportal.policy;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * A redline of two Markdown texts as a reader sees them: section by section ({@code ## }
 * headings; numbered sections are matched by number), each section rendered (never raw
 * Markdown). Within a changed section the blocks (paragraphs, list items, headings, tables) are
 * compared; a changed block shows its words added in {@code <ins>} and removed in {@code <del>},
 * each with a hidden word for screen readers ("added:", "removed:") besides underline and
 * strike-through, so colour is never the only sign. Long runs of unchanged blocks between changes
 * are folded into a {@code <details>}; whole unchanged sections are for the page to fold.
 *
 * <p>Text is rendered by CommonMark with raw HTML escaped and unsafe links dropped, and changed
 * blocks are built from escaped plain text only, so nothing in a policy can become markup.
 */
public record Redline(List<Section> sections) {
    private static final Pattern NUMBERED = Pattern.compile("^##\\s+(\\d+)\\.");
    private static final Pattern TOKENS = Pattern.compile("\\s+|[^\\s]+");
    /** Unchanged blocks shown on each side of a change; longer runs are folded. */
    static final int CONTEXT = 1;
    /** Fewer unchanged blocks than this are shown rather than folded: a fold must save reading. */
    static final int MIN_FOLDED = 3;
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();
    private static final TextContentRenderer PLAIN = TextContentRenderer.builder().extensions(EXTENSIONS).build();

    public enum Change { UNCHANGED, CHANGED, ADDED, REMOVED }

    /**
     * One section: an anchor id, its heading (plain text, empty for the text before the first
     * heading), what happened to it and its rendered body with the changes marked.
     */
    public record Section(String id, String heading, Change change, String html) {
        public boolean changed() {
            return change != Change.UNCHANGED;
        }
    }

    /** Words a screen reader says before each marked change ("added", "removed"), in the page's language. */
    public record Words(String added, String removed, String unchangedFolded) {
        public static final Words ENGLISH = new Words("added:", "removed:", "Unchanged text ({0} paragraphs)");
    }

    public boolean hasChanges() {
        return sections.stream().anyMatch(Section::changed);
    }

    /** The sections that changed, were added or removed, in the new text's order. */
    public List<Section> changedSections() {
        return sections.stream().filter(Section::changed).toList();
    }

    public List<Section> unchangedSections() {
        return sections.stream().filter(s -> !s.changed()).toList();
    }

    public static Redline between(String fromMarkdown, String toMarkdown) {
        return between(fromMarkdown, toMarkdown, Words.ENGLISH);
    }

    public static Redline between(String fromMarkdown, String toMarkdown, Words words) {
        List<Part> from = split(fromMarkdown);
        List<Part> to = split(toMarkdown);
        Map<String, Part> fromByKey = new LinkedHashMap<>();
        from.forEach(p -> fromByKey.put(p.key(), p));
        Map<String, Part> toByKey = new LinkedHashMap<>();
        to.forEach(p -> toByKey.put(p.key(), p));

        List<Section> sections = new ArrayList<>();
        Set<String> consumed = new HashSet<>();
        int i = 0;
        int j = 0;
        while (i < from.size() || j < to.size()) {
            Part a = i < from.size() ? from.get(i) : null;
            Part b = j < to.size() ? to.get(j) : null;
            if (a != null && consumed.contains(a.key())) {
                i++;
            } else if (a != null && b != null && a.key().equals(b.key())) {
                sections.add(compare(a, b, words));
                i++;
                j++;
            } else if (a != null && !toByKey.containsKey(a.key())) {
                sections.add(whole(a, Change.REMOVED, words));
                i++;
            } else if (b != null && !fromByKey.containsKey(b.key())) {
                sections.add(whole(b, Change.ADDED, words));
                j++;
            } else if (b != null) {
                // Moved: shown where the new text has it, against its old wording.
                sections.add(compare(fromByKey.get(b.key()), b, words));
                consumed.add(b.key());
                j++;
            } else {
                i++;
            }
        }
        return new Redline(List.copyOf(sections));
    }

    private static Section whole(Part part, Change change, Words words) {
        List<Item> items = new ArrayList<>();
        for (Block block : blocks(part.body())) {
            items.add(change == Change.ADDED ? Item.marked(block, "ins", words) : Item.marked(block, "del", words));
        }
        return new Section(part.key(), part.heading(), change, render(List.of(new Run(false, items)), words));
    }

    private static Section compare(Part a, Part b, Words words) {
        List<Block> before = blocks(a.body());
        List<Block> after = blocks(b.body());
        if (a.body().equals(b.body()) || before.equals(after)) {
            return new Section(b.key(), b.heading(), Change.UNCHANGED,
                    render(List.of(new Run(false, after.stream().map(Item::plain).toList())), words));
        }
        Patch<Block> patch = DiffUtils.diff(before, after);
        List<Item> items = new ArrayList<>();
        List<Boolean> changed = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<Block> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            for (Block same : before.subList(position, start)) {
                items.add(Item.plain(same));
                changed.add(false);
            }
            List<Block> removed = delta.getSource().getLines();
            List<Block> added = delta.getTarget().getLines();
            int paired = delta.getType() == DeltaType.CHANGE ? Math.min(removed.size(), added.size()) : 0;
            for (int k = 0; k < paired; k++) {
                Block old = removed.get(k);
                Block next = added.get(k);
                items.add(old.kind().equals(next.kind()) && old.kind().wordsComparable()
                        ? Item.words(old, next, words) : Item.marked(old, "del", words));
                changed.add(true);
                if (!old.kind().equals(next.kind()) || !old.kind().wordsComparable()) {
                    items.add(Item.marked(next, "ins", words));
                    changed.add(true);
                }
            }
            for (Block gone : removed.subList(paired, removed.size())) {
                items.add(Item.marked(gone, "del", words));
                changed.add(true);
            }
            for (Block come : added.subList(paired, added.size())) {
                items.add(Item.marked(come, "ins", words));
                changed.add(true);
            }
            position = start + removed.size();
        }
        for (Block same : before.subList(position, before.size())) {
            items.add(Item.plain(same));
            changed.add(false);
        }
        return new Section(b.key(), b.heading(), Change.CHANGED, render(fold(items, changed), words));
    }

    /** Splits the items into visible runs and folded runs of unchanged blocks far from any change. */
    private static List<Run> fold(List<Item> items, List<Boolean> changed) {
        List<Run> runs = new ArrayList<>();
        int k = 0;
        while (k < items.size()) {
            if (changed.get(k)) {
                int end = k;
                while (end < items.size() && changed.get(end)) {
                    end++;
                }
                append(runs, false, items.subList(k, end));
                k = end;
                continue;
            }
            int end = k;
            while (end < items.size() && !changed.get(end)) {
                end++;
            }
            int keepBefore = k == 0 ? 0 : CONTEXT;
            int keepAfter = end == items.size() ? 0 : CONTEXT;
            if (end - k - keepBefore - keepAfter >= MIN_FOLDED) {
                append(runs, false, items.subList(k, k + keepBefore));
                append(runs, true, items.subList(k + keepBefore, end - keepAfter));
                append(runs, false, items.subList(end - keepAfter, end));
            } else {
                append(runs, false, items.subList(k, end));
            }
            k = end;
        }
        return runs;
    }

    private static void append(List<Run> runs, boolean folded, List<Item> items) {
        if (items.isEmpty()) {
            return;
        }
        if (!runs.isEmpty() && runs.get(runs.size() - 1).folded() == folded) {
            List<Item> merged = new ArrayList<>(runs.get(runs.size() - 1).items());
            merged.addAll(items);
            runs.set(runs.size() - 1, new Run(folded, merged));
        } else {
            runs.add(new Run(folded, List.copyOf(items)));
        }
    }

    /** Writes the runs; consecutive list items share one list, folded runs go into {@code <details>}. */
    private static String render(List<Run> runs, Words words) {
        StringBuilder html = new StringBuilder();
        for (Run run : runs) {
            if (run.folded()) {
                html.append("<details class=\"redline-folded\"><summary>")
                        .append(escape(java.text.MessageFormat.format(words.unchangedFolded(), run.items().size())))
                        .append("</summary>\n");
            }
            String openList = null;
            for (Item item : run.items()) {
                String list = item.kind().listTag();
                if (openList != null && !openList.equals(item.kind().listOpening())) {
                    html.append("</").append(openList.substring(1, 3)).append(">\n");
                    openList = null;
                }
                if (list != null && openList == null) {
                    openList = item.kind().listOpening();
                    html.append(openList).append('\n');
                }
                html.append(item.html()).append('\n');
            }
            if (openList != null) {
                html.append("</").append(openList.substring(1, 3)).append(">\n");
            }
            if (run.folded()) {
                html.append("</details>\n");
            }
        }
        return html.toString().strip();
    }

    private record Run(boolean folded, List<Item> items) {
    }

    /**
     * The kind of a block, which decides its element: a paragraph, a heading of a level, an item of
     * a bulleted, numbered or circled-number list, a table, or anything else rendered as it is.
     */
    record Kind(String tag, String listOpening) {
        static final Kind PARAGRAPH = new Kind("p", null);
        static final Kind OTHER = new Kind(null, null);

        String listTag() {
            return listOpening == null ? null : "li";
        }

        /** Paragraphs, headings and list items are compared word by word; tables and the rest whole. */
        boolean wordsComparable() {
            return tag != null;
        }
    }

    /** A block of a section: its kind, its plain text (what is compared) and its rendered HTML. */
    record Block(Kind kind, String text, String html) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Block b && b.kind.equals(kind) && b.text.equals(text);
        }

        @Override
        public int hashCode() {
            return kind.hashCode() * 31 + text.hashCode();
        }
    }

    /** A block as shown: its kind and the HTML of the whole element (a list item without its list). */
    private record Item(Kind kind, String html) {
        static Item plain(Block block) {
            return new Item(block.kind(), block.html());
        }

        /** A block added or removed whole: its rendered HTML inside one mark. */
        static Item marked(Block block, String tag, Words words) {
            String label = tag.equals("ins") ? words.added() : words.removed();
            if (block.kind().tag() == null) {
                return new Item(block.kind(), "<" + tag + " class=\"block\">" + hidden(label) + block.html() + "</"
                        + tag + ">");
            }
            String inner = inner(block);
            return new Item(block.kind(), open(block.kind()) + "<" + tag + ">" + hidden(label) + inner + "</" + tag
                    + ">" + close(block.kind()));
        }

        /** A block changed in place: its words compared, from escaped plain text. */
        static Item words(Block old, Block next, Words words) {
            return new Item(next.kind(), open(next.kind()) + wordRedline(old.text(), next.text(), words)
                    + close(next.kind()));
        }

        private static String inner(Block block) {
            String html = block.html().strip();
            String open = open(block.kind());
            String close = close(block.kind());
            if (html.startsWith(open) && html.endsWith(close)) {
                return html.substring(open.length(), html.length() - close.length());
            }
            return escape(block.text());
        }
    }

    private static String open(Kind kind) {
        return "<" + (kind.listOpening() != null ? "li" : kind.tag()) + ">";
    }

    private static String close(Kind kind) {
        return "</" + (kind.listOpening() != null ? "li" : kind.tag()) + ">";
    }

    private static String hidden(String label) {
        return "<span class=\"visually-hidden\">" + escape(label) + " </span>";
    }

    /** The blocks of a section's body: top-level blocks, with each list item a block of its own. */
    static List<Block> blocks(String markdown) {
        Node document = PARSER.parse(markdown);
        List<Block> blocks = new ArrayList<>();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof BulletList || node instanceof OrderedList) {
                boolean circled = node instanceof BulletList && circled(node);
                String opening = node instanceof OrderedList ? "<ol>"
                        : circled ? "<ul class=\"circled-numbers\">" : "<ul>";
                Kind kind = new Kind("li", opening);
                for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
                    if (item instanceof ListItem) {
                        blocks.add(new Block(kind, plain(item), HTML.render(item).strip()));
                    }
                }
            } else if (node instanceof Heading heading) {
                blocks.add(new Block(new Kind("h" + Math.max(3, Math.min(6, heading.getLevel() + 1)), null),
                        plain(node), "<h" + Math.max(3, Math.min(6, heading.getLevel() + 1)) + ">"
                        + escape(plain(node)) + "</h" + Math.max(3, Math.min(6, heading.getLevel() + 1)) + ">"));
            } else if (node instanceof Paragraph) {
                blocks.add(new Block(Kind.PARAGRAPH, plain(node), HTML.render(node).strip()));
            } else {
                blocks.add(new Block(Kind.OTHER, plain(node), HTML.render(node).strip()));
            }
        }
        return blocks;
    }

    private static boolean circled(Node list) {
        boolean any = false;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            String text = item.getFirstChild() == null ? "" : plain(item.getFirstChild());
            if (text.isEmpty() || text.charAt(0) < '\u2460' || text.charAt(0) > '\u2473') { // ① .. ⑳
                return false;
            }
            any = true;
        }
        return any;
    }

    private static String plain(Node node) {
        return PLAIN.render(node).strip().replaceAll("\\s+", " ");
    }

    /** Words added and removed between two plain texts, escaped, each change one phrase. */
    static String wordRedline(String from, String to, Words words) {
        List<String> before = tokens(from);
        List<String> after = tokens(to);
        Patch<String> patch = DiffUtils.diff(before, after);
        List<String[]> runs = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            runs.add(new String[] {"=", String.join("", before.subList(position, start))});
            runs.add(new String[] {"-", String.join("", delta.getSource().getLines())});
            runs.add(new String[] {"+", String.join("", delta.getTarget().getLines())});
            position = start + delta.getSource().getLines().size();
        }
        runs.add(new String[] {"=", String.join("", before.subList(position, before.size()))});
        StringBuilder html = new StringBuilder();
        StringBuilder removed = new StringBuilder();
        StringBuilder added = new StringBuilder();
        for (int k = 0; k < runs.size(); k++) {
            String[] run = runs.get(k);
            switch (run[0]) {
                case "-" -> removed.append(run[1]);
                case "+" -> added.append(run[1]);
                default -> {
                    boolean between = k > 0 && k < runs.size() - 1;
                    if (between && run[1].isBlank() && !run[1].isEmpty()) {
                        // A lone space between two changes belongs to the change: one phrase, not word salad.
                        removed.append(run[1]);
                        added.append(run[1]);
                    } else {
                        flush(html, removed, added, words);
                        html.append(escape(run[1]));
                    }
                }
            }
        }
        flush(html, removed, added, words);
        return html.toString();
    }

    /** Writes a pending change as one deletion then one insertion, whitespace common to both ends left unmarked. */
    private static void flush(StringBuilder html, StringBuilder removed, StringBuilder added, Words words) {
        if (removed.length() == 0 && added.length() == 0) {
            return;
        }
        String del = removed.toString();
        String ins = added.toString();
        int lead = 0;
        while (lead < del.length() && lead < ins.length() && del.charAt(lead) == ins.charAt(lead)
                && Character.isWhitespace(del.charAt(lead))) {
            lead++;
        }
        int trail = 0;
        while (trail < del.length() - lead && trail < ins.length() - lead
                && del.charAt(del.length() - 1 - trail) == ins.charAt(ins.length() - 1 - trail)
                && Character.isWhitespace(del.charAt(del.length() - 1 - trail))) {
            trail++;
        }
        html.append(escape(del.substring(0, lead)));
        if (del.length() - trail > lead) {
            html.append("<del>").append(hidden(words.removed())).append(escape(del.substring(lead, del.length() - trail)))
                    .append("</del>");
        }
        if (ins.length() - trail > lead) {
            html.append("<ins>").append(hidden(words.added())).append(escape(ins.substring(lead, ins.length() - trail)))
                    .append("</ins>");
        }
        html.append(escape(del.substring(del.length() - trail)));
        removed.setLength(0);
        added.setLength(0);
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKENS.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A section of the Markdown: the preamble before the first {@code ## }, then one per heading (without it). */
    private record Part(String key, String heading, String body) {
    }

    private static List<Part> split(String markdown) {
        List<Part> parts = new ArrayList<>();
        String key = "preamble";
        String heading = "";
        StringBuilder text = new StringBuilder();
        for (String line : markdown.replace("\r\n", "\n").split("\n", -1)) {
            if (line.startsWith("## ")) {
                add(parts, key, heading, text);
                Matcher numbered = NUMBERED.matcher(line);
                heading = plain(PARSER.parse(line.substring(3).strip()));
                key = numbered.find() ? "section-" + numbered.group(1) : "heading-" + slug(heading);
                text = new StringBuilder();
                continue;
            }
            if (key.equals("preamble") && line.startsWith("# ")) {
                continue; // the title: the page has its own
            }
            text.append(line).append('\n');
        }
        add(parts, key, heading, text);
        return parts;
    }

    private static String slug(String heading) {
        String slug = heading.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "section" : slug;
    }

    private static void add(List<Part> parts, String key, String heading, StringBuilder text) {
        String body = text.toString().strip();
        if (!body.isEmpty() || !key.equals("preamble")) {
            String unique = key;
            for (int n = 2; containsKey(parts, unique); n++) {
                unique = key + "-" + n;
            }
            parts.add(new Part(unique, heading, body));
        }
    }

    private static boolean containsKey(List<Part> parts, String key) {
        return parts.stream().anyMatch(p -> p.key().equals(key));
    }
}
