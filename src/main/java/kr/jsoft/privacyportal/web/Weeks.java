package kr.jsoft.privacyportal.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Seoul weeks (Monday to Sunday) for the dashboard's statistics: the last {@code count} weeks up to
 * and including the current one, each labelled by its Monday as {@code 11/30} (the same in both
 * languages, and short enough for a chart's axis).
 */
public final class Weeks {
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("M/d");
    private final List<LocalDate> mondays;

    public Weeks(Instant now, int count) {
        LocalDate thisMonday = now.atZone(Dates.SEOUL).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<LocalDate> weeks = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            weeks.add(thisMonday.minusWeeks(i));
        }
        this.mondays = List.copyOf(weeks);
    }

    public int size() {
        return mondays.size();
    }

    /** The first instant counted. */
    public Instant start() {
        return Dates.startOfDay(mondays.get(0));
    }

    /** The week {@code at} falls in, or -1 before the first. */
    public int indexOf(Instant at) {
        LocalDate day = at.atZone(Dates.SEOUL).toLocalDate();
        for (int i = mondays.size() - 1; i >= 0; i--) {
            if (!day.isBefore(mondays.get(i))) {
                return day.isBefore(mondays.get(i).plusWeeks(1)) ? i : -1;
            }
        }
        return -1;
    }

    public String label(int index) {
        return LABEL.format(mondays.get(index));
    }
}
