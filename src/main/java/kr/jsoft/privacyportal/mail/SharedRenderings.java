package kr.jsoft.privacyportal.mail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import kr.jsoft.privacyportal.web.Lang;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rendering per fan-out. The mails of one fan-out (same template, language and shared
 * context) differ only by their own values (a revision notice: its unsubscribe link), so both
 * templates are rendered once with a marker in place of each own value, and every mail is that
 * rendering with its own values put in. The mail benchmark's profile had Thymeleaf (text and
 * HTML part) at a quarter of the dispatcher's CPU per mail.
 *
 * <p>This gives exactly what rendering the mail would, and is checked: own values are put in
 * only when they consist of characters that no escaping changes (letters, digits and
 * {@code - _ . ~ /}; otherwise the mail is rendered in full), and the first mail of each entry is
 * rendered both ways and compared, so a template that uses an own value other than as text (a
 * condition on it, a transformation), or whose text happens to contain a marker, has its mails
 * rendered one by one. Bounded memory: at most {@value #MAX_ENTRIES} entries, each a handful of
 * strings; the map is emptied when full.
 */
final class SharedRenderings {
    private static final Logger log = LoggerFactory.getLogger(SharedRenderings.class);
    private static final Pattern VERBATIM = Pattern.compile("[A-Za-z0-9/_.~-]*");
    private static final String MARKER_START = "MaIlSlOt";
    private static final String MARKER_END = "eNd";
    static final int MAX_ENTRIES = 64;

    /** Renders a template pair with a model (the composer adds base URL and language). */
    interface Renderer {
        MailComposer.Rendered render(String template, Lang lang, Map<String, String> model);
    }

    private record Key(String template, Lang lang, UUID context, String baseUrl, List<String> ownValues) {
    }

    private final Renderer renderer;
    private final Map<Key, Optional<Filled>> entries = new ConcurrentHashMap<>();
    private final Object learning = new Object();

    SharedRenderings(Renderer renderer) {
        this.renderer = renderer;
    }

    MailComposer.Rendered render(ClaimedMail mail, String baseUrl) {
        if (mail.context().isEmpty() || mail.ownValues().isEmpty()) {
            return renderFully(mail);
        }
        // Almost always one (the unsubscribe link): no sorting to do.
        List<String> names = mail.ownValues().size() == 1 ? List.of(mail.ownValues().iterator().next())
                : mail.ownValues().stream().sorted().toList();
        String[] values = new String[names.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = mail.model().get(names.get(i));
            if (values[i] == null || !VERBATIM.matcher(values[i]).matches()) {
                return renderFully(mail);
            }
        }
        Key key = new Key(mail.template(), mail.lang(), mail.context().get(), baseUrl, names);
        Optional<Filled> shared = entries.get(key);
        if (shared == null) {
            // A fan-out's first batches reach this together, one per connection: one learns, the others
            // wait for it rather than render the same templates twice each.
            synchronized (learning) {
                shared = entries.get(key);
                if (shared == null) {
                    return learn(key, mail, names, values);
                }
            }
        }
        return shared.isPresent() ? shared.get().with(values) : renderFully(mail);
    }

    int size() {
        return entries.size();
    }

    private MailComposer.Rendered learn(Key key, ClaimedMail mail, List<String> names, String[] values) {
        MailComposer.Rendered full = renderFully(mail);
        Map<String, String> marked = new HashMap<>(mail.model());
        for (int i = 0; i < names.size(); i++) {
            marked.put(names.get(i), MARKER_START + i + MARKER_END);
        }
        Filled candidate = Filled.of(renderer.render(mail.template(), mail.lang(), marked), names.size());
        Optional<Filled> usable = candidate != null && candidate.with(values).equals(full)
                ? Optional.of(candidate) : Optional.empty();
        if (usable.isEmpty()) {
            log.info("Template {} uses a mail's own values other than as text: its fan-out mails are rendered one by one",
                    mail.template());
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.putIfAbsent(key, usable);
        return full;
    }

    private MailComposer.Rendered renderFully(ClaimedMail mail) {
        return renderer.render(mail.template(), mail.lang(), mail.model());
    }

    /** A rendering with numbered slots for the own values. */
    private record Filled(Pieces subject, Pieces text, Pieces html) {
        static Filled of(MailComposer.Rendered marked, int slots) {
            Pieces subject = Pieces.parse(marked.subject(), slots);
            Pieces text = Pieces.parse(marked.text(), slots);
            Pieces html = Pieces.parse(marked.html(), slots);
            return subject == null || text == null || html == null ? null : new Filled(subject, text, html);
        }

        MailComposer.Rendered with(String[] values) {
            return new MailComposer.Rendered(subject.with(values), text.with(values), html.with(values));
        }
    }

    /** Literal text between slots: {@code literals.size() == slots.length + 1}. */
    private record Pieces(List<String> literals, int[] slots, int literalLength) {
        static Pieces parse(String rendered, int slotCount) {
            List<String> literals = new ArrayList<>();
            List<Integer> slots = new ArrayList<>();
            int from = 0;
            for (int at = rendered.indexOf(MARKER_START); at >= 0; at = rendered.indexOf(MARKER_START, from)) {
                int digits = at + MARKER_START.length();
                int end = rendered.indexOf(MARKER_END, digits);
                if (end < 0 || end == digits || end - digits > 3 || !rendered.substring(digits, end).chars()
                        .allMatch(Character::isDigit)) {
                    return null; // the template's own text looks like a marker: no sharing
                }
                int slot = Integer.parseInt(rendered.substring(digits, end));
                if (slot >= slotCount) {
                    return null;
                }
                literals.add(rendered.substring(from, at));
                slots.add(slot);
                from = end + MARKER_END.length();
            }
            literals.add(rendered.substring(from));
            return new Pieces(List.copyOf(literals), slots.stream().mapToInt(Integer::intValue).toArray(),
                    literals.stream().mapToInt(String::length).sum());
        }

        String with(String[] values) {
            if (slots.length == 0) {
                return literals.get(0);
            }
            StringBuilder out = new StringBuilder(literalLength + 64 * slots.length);
            for (int i = 0; i < slots.length; i++) {
                out.append(literals.get(i)).append(values[slots[i]]);
            }
            return out.append(literals.get(slots.length)).toString();
        }
    }
}
