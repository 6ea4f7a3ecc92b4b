package kr.jsoft.privacyportal.mail;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kr.jsoft.privacyportal.web.Lang;

/**
 * One mail to one person, as a feature asks for it: the recipient, their language, the
 * template ({@code mail/receipt} names {@code WEB-INF/templates/mail/receipt.txt} and
 * {@code .html}) and a model of plain string values. Values named as secret links (status
 * pages, confirmations) are redacted on the dashboard for every role.
 * Links are given as paths ({@code /ko/status/…}); templates write them as
 * {@code ${baseUrl + statusUrl}}, so every link is absolute, built from {@code PORTAL_BASE_URL}
 * when the mail is sent. Build with
 * {@code OutgoingMail.to(address, lang, "mail/receipt").with("name", value)}.
 */
public record OutgoingMail(String recipient, Lang lang, String template, Map<String, String> model,
                           Set<String> secretLinks, Optional<String> listUnsubscribe, Optional<UUID> context) {

    public OutgoingMail {
        if (recipient == null || recipient.isBlank()) {
            throw new IllegalArgumentException("a mail needs a recipient");
        }
        if (template == null || !template.matches("[a-z0-9-]+(/[a-z0-9-]+)*")) {
            throw new IllegalArgumentException("template names are lower-case paths like mail/receipt");
        }
        model = Map.copyOf(model);
        secretLinks = Set.copyOf(secretLinks);
    }

    public static OutgoingMail to(String recipient, Lang lang, String template) {
        return new OutgoingMail(recipient, lang, template, Map.of(), Set.of(), Optional.empty(), Optional.empty());
    }

    /** Adds a model value the templates read as {@code ${name}}. */
    public OutgoingMail with(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(model);
        next.put(name, value);
        return new OutgoingMail(recipient, lang, template, next, secretLinks, listUnsubscribe, context);
    }

    /** Adds a link (a path) that grants access (status page, confirmation): redacted on the dashboard. */
    public OutgoingMail withSecretLink(String name, String url) {
        Set<String> secrets = new LinkedHashSet<>(secretLinks);
        secrets.add(name);
        return with(name, url).withSecrets(secrets);
    }

    private OutgoingMail withSecrets(Set<String> secrets) {
        return new OutgoingMail(recipient, lang, template, model, secrets, listUnsubscribe, context);
    }

    /**
     * Marks the mail as a list mail: RFC 8058 one-click {@code List-Unsubscribe} and
     * {@code List-Unsubscribe-Post} headers pointing at {@code url} (a path, made absolute), also
     * {@code ${unsubscribeUrl}} in the templates.
     */
    public OutgoingMail withUnsubscribe(String url) {
        OutgoingMail withLink = withSecretLink("unsubscribeUrl", url);
        return new OutgoingMail(recipient, lang, template, withLink.model, withLink.secretLinks, Optional.of(url),
                context);
    }

    /** Shares the values saved once with {@link Outbox#saveContext} (e.g. a notice's text for every subscriber). */
    public OutgoingMail withContext(UUID contextId) {
        return new OutgoingMail(recipient, lang, template, model, secretLinks, listUnsubscribe, Optional.of(contextId));
    }

    @Override
    public String toString() {
        // Never print the recipient or the model (personal data, secret links).
        return "OutgoingMail[template=" + template + ", lang=" + lang + "]";
    }
}
