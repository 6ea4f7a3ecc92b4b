package kr.jsoft.privacyportal.web;

import java.time.Instant;
import java.util.Optional;

/**
 * Times on the public pages: Korean time with the zone said, in the page's language, and a dash
 * where there is no time yet. Public for the templates ({@code ${times.of(...)}}).
 */
public final class PageTimes {
    private final Lang lang;

    public PageTimes(Lang lang) {
        this.lang = lang;
    }

    public String of(Instant instant) {
        return instant == null ? "—" : Dates.dateTime(instant, lang);
    }

    public String of(Optional<Instant> instant) {
        return of(instant.orElse(null));
    }

    public String date(Optional<Instant> instant) {
        return instant.map(i -> Dates.date(i, lang)).orElse("—");
    }
}
