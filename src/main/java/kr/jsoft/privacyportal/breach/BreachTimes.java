package kr.jsoft.privacyportal.breach;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import kr.jsoft.privacyportal.web.Dates;
import kr.jsoft.privacyportal.web.Lang;

/** Times on the breach pages: Korean time with the zone said, in the page's language. Public for the templates. */
public final class BreachTimes {
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private final Lang lang;

    BreachTimes(Lang lang) {
        this.lang = lang;
    }

    public String of(Instant instant) {
        return instant == null ? "—" : Dates.dateTime(instant, lang);
    }

    /** The value a {@code datetime-local} field shows for a time (Korean local time). */
    public String input(Instant instant) {
        return instant == null ? "" : INPUT.format(instant.atZone(Dates.SEOUL));
    }
}
