package kr.jsoft.privacyportal.mail;

/** Message keys that name a mail's kind in words ({@code mail_*.properties}), never its template path. */
public final class OutboxLabels {
    private OutboxLabels() {
    }

    /** {@code complaint/mail/reply} → {@code mail.template.complaint/mail/reply}. */
    public static String templateKey(String template) {
        return "mail.template." + template;
    }
}
