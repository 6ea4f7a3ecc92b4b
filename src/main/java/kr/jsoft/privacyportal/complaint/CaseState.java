package kr.jsoft.privacyportal.complaint;

import java.util.Locale;
import java.util.Optional;

/** Where a case stands; RESOLVED and REFUSED are closed and are also the case's outcome. */
public enum CaseState {
    RECEIVED, IN_PROGRESS, RESOLVED, REFUSED;

    public boolean closed() {
        return this == RESOLVED || this == REFUSED;
    }

    public String key() {
        return "complaint.state." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<CaseState> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
