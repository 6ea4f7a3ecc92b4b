package kr.jsoft.privacyportal.complaint;

import java.util.Locale;
import java.util.Optional;

/** What a complaint is about (the rights of PIPA Art. 35-37 and the rest). */
public enum Category {
    ACCESS, CORRECTION, DELETION, SUSPENSION, INFRINGEMENT, OTHER;

    public String key() {
        return "complaint.category." + name().toLowerCase(Locale.ROOT);
    }

    static Optional<Category> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
