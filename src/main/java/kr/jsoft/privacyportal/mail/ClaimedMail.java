package kr.jsoft.privacyportal.mail;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kr.jsoft.privacyportal.web.Lang;

/** A mail opened for sending or preview: recipient and the merged model (context, then the mail's own values). */
record ClaimedMail(UUID id, String template, Lang lang, String recipient, Map<String, String> model,
                   Set<String> secretLinks, Optional<String> listUnsubscribe, int attempts) {
    @Override
    public String toString() {
        return "ClaimedMail[" + id + ", " + template + "]";
    }
}
