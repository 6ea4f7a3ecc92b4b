package kr.jsoft.privacyportal.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a public page must never say: the portal's internal words (enum names, message keys,
 * field names, protocol jargon). Every value a person reads is in words of their language.
 */
public final class PublicWording {
    private static final List<Pattern> INTERNAL = List.of(
            Pattern.compile("\\b(WEB|APP|SMS_?CODE|COMPLETED|PARTIAL|CANCELLED|REFUSED|PROVING|REVIEW|WAITING_PERIOD"
                    + "|AWAITING_APPROVAL|DESTROYING|SUBMITTED|UNCHANGED|CHANGED|ADDED|REMOVED)\\b"),
            Pattern.compile("(?i)\\bsigning\\b|\\bwake-?ups?\\b|\\bwoken\\b|receipt digest|\\bdigests?\\b"),
            // enum-like and message-key-like tokens: FOO_BAR, destruction.state.x, cardImages
            Pattern.compile("\\b[A-Z]{2,}_[A-Z_]{2,}\\b"),
            Pattern.compile("\\b(destruction|policy|notice|subscription|complaint|layout|error|home|mail)\\.[a-z][\\w.-]*"),
            Pattern.compile("\\b[a-z]+[A-Z][a-z]+[A-Za-z]*\\b"),
            // a message the bundle lacked, as Thymeleaf shows it
            Pattern.compile("\\?\\?[^?]+\\?\\?"),
            // particle fallbacks and English units on Korean pages
            Pattern.compile("\\((을|를|이|가|은|는|과|와|으로|로|이라는)\\)|\\(으\\)로"),
            Pattern.compile("\\d+ h \\d+ min"));

    private PublicWording() {
    }

    /**
     * Long opaque tokens a page shows on purpose for copying (a certificate, a key): random
     * base64url, in which any pattern above may turn up by chance.
     */
    private static final Pattern OPAQUE_TOKEN = Pattern.compile("[A-Za-z0-9_-]{40,}");

    /** The internal words found in {@code text} (empty: none). */
    public static List<String> internalTermsIn(String text) {
        List<String> found = new ArrayList<>();
        String words = OPAQUE_TOKEN.matcher(text).replaceAll(" ");
        for (Pattern pattern : INTERNAL) {
            Matcher matcher = pattern.matcher(words);
            while (matcher.find()) {
                found.add(matcher.group());
            }
        }
        return found;
    }

    public static void assertNoInternalTerms(String where, String text) {
        List<String> found = internalTermsIn(text);
        if (!found.isEmpty()) {
            throw new AssertionError(where + " shows internal words " + found + " in:\n" + text);
        }
    }
}
