package kr.jsoft.privacyportal.policy;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A redline of two Markdown texts, section by section ({@code ## } headings; numbered sections
 * are matched by number), words added in {@code <ins>} and removed in {@code <del>}. The HTML
 * is built here from escaped text only, so nothing in a policy can become markup.
 */
public record Redline(List<Section> sections) {
    private static final Pattern NUMBERED = Pattern.compile("^##\\s+(\\d+)\\.");
    private static final Pattern TOKENS = Pattern.compile("\\s+|[^\\s]+");

    public enum Change { UNCHANGED, CHANGED, ADDED, REMOVED }

    /** One section: its heading (plain text), what happened to it and the marked-up text. */
    public record Section(String heading, Change change, String html) {
    }

    public boolean hasChanges() {
        return sections.stream().anyMatch(s -> s.change() != Change.UNCHANGED);
    }

    public static Redline between(String fromMarkdown, String toMarkdown) {
        List<Part> from = split(fromMarkdown);
        List<Part> to = split(toMarkdown);
        Map<String, Part> fromByKey = new LinkedHashMap<>();
        from.forEach(p -> fromByKey.put(p.key(), p));
        Map<String, Part> toByKey = new LinkedHashMap<>();
        to.forEach(p -> toByKey.put(p.key(), p));

        List<Section> sections = new ArrayList<>();
        java.util.Set<String> consumed = new java.util.HashSet<>();
        int i = 0;
        int j = 0;
        while (i < from.size() || j < to.size()) {
            Part a = i < from.size() ? from.get(i) : null;
            Part b = j < to.size() ? to.get(j) : null;
            if (a != null && consumed.contains(a.key())) {
                i++;
            } else if (a != null && b != null && a.key().equals(b.key())) {
                sections.add(compare(a, b));
                i++;
                j++;
            } else if (a != null && !toByKey.containsKey(a.key())) {
                sections.add(new Section(a.heading(), Change.REMOVED, wrap("del", a.text())));
                i++;
            } else if (b != null && !fromByKey.containsKey(b.key())) {
                sections.add(new Section(b.heading(), Change.ADDED, wrap("ins", b.text())));
                j++;
            } else if (b != null) {
                // Moved: shown where the new text has it, against its old wording.
                sections.add(compare(fromByKey.get(b.key()), b));
                consumed.add(b.key());
                j++;
            } else {
                i++;
            }
        }
        return new Redline(List.copyOf(sections));
    }

    private static Section compare(Part a, Part b) {
        if (a.text().equals(b.text())) {
            return new Section(b.heading(), Change.UNCHANGED, escape(b.text()));
        }
        List<String> before = tokens(a.text());
        List<String> after = tokens(b.text());
        Patch<String> patch = DiffUtils.diff(before, after);
        // Runs of equal text, removed text and added text, in order.
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
                        flush(html, removed, added);
                        html.append(escape(run[1]));
                    }
                }
            }
        }
        flush(html, removed, added);
        return new Section(b.heading(), Change.CHANGED, html.toString());
    }

    /** Writes a pending change as one deletion then one insertion, whitespace common to both ends left unmarked. */
    private static void flush(StringBuilder html, StringBuilder removed, StringBuilder added) {
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
            html.append("<del>").append(escape(del.substring(lead, del.length() - trail))).append("</del>");
        }
        if (ins.length() - trail > lead) {
            html.append("<ins>").append(escape(ins.substring(lead, ins.length() - trail))).append("</ins>");
        }
        html.append(escape(del.substring(del.length() - trail)));
        removed.setLength(0);
        added.setLength(0);
    }

    private static String wrap(String tag, String text) {
        return "<" + tag + ">" + escape(text) + "</" + tag + ">";
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

    /** A section of the Markdown: the preamble before the first {@code ## }, then one per heading. */
    private record Part(String key, String heading, String text) {
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
                heading = line.substring(3).strip();
                key = numbered.find() ? "section-" + numbered.group(1) : "heading:" + heading;
                text = new StringBuilder();
            }
            text.append(line).append('\n');
        }
        add(parts, key, heading, text);
        return parts;
    }

    private static void add(List<Part> parts, String key, String heading, StringBuilder text) {
        String body = text.toString().strip();
        if (!body.isEmpty() || !key.equals("preamble")) {
            String unique = key;
            for (int n = 2; containsKey(parts, unique); n++) {
                unique = key + "#" + n;
            }
            parts.add(new Part(unique, heading, body));
        }
    }

    private static boolean containsKey(List<Part> parts, String key) {
        return parts.stream().anyMatch(p -> p.key().equals(key));
    }
}
