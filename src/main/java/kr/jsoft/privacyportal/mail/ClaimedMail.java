package kr.jsoft.privacyportal.mail;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kr.jsoft.privacyportal.web.Lang;

/**
 * A mail opened for sending or preview: recipient and the merged model (context, then the mail's
 * own values). {@code context} and {@code ownValues} (the names of the mail's own values) let a
 * fan-out's mails share one rendering of their common part ({@link SharedRenderings}).
 */
record ClaimedMail(UUID id, String template, Lang lang, String recipient, Map<String, String> model,
                   Set<String> secretLinks, Optional<String> listUnsubscribe, int attempts, Optional<UUID> context,
                   Set<String> ownValues) {
    @Override
    public String toString() {
        return "ClaimedMail[" + id + ", " + template + "]";
    }
}
