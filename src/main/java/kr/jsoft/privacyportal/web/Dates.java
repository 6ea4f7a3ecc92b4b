package kr.jsoft.privacyportal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as the public pages show them: in Korea's time zone, worded per language. */
public final class Dates {
    /** The company, its users and its law are in Korea: every date on a page is a Seoul date. */
    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter KO_DATE = DateTimeFormatter.ofPattern("yyyy년 M월 d일", Locale.KOREAN);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter KO_TIME = DateTimeFormatter.ofPattern("yyyy년 M월 d일 HH:mm '(KST)'", Locale.KOREAN);
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'KST'", Locale.ENGLISH);

    private Dates() {
    }

    public static String date(Instant instant, Lang lang) {
        return instant == null ? null : (lang == Lang.KO ? KO_DATE : EN_DATE).format(instant.atZone(SEOUL));
    }

    public static String dateTime(Instant instant, Lang lang) {
        return instant == null ? null : (lang == Lang.KO ? KO_TIME : EN_TIME).format(instant.atZone(SEOUL));
    }

    /** Midnight in Seoul at the start of {@code date}: when a version dated that day takes effect. */
    public static Instant startOfDay(LocalDate date) {
        return date.atStartOfDay(SEOUL).toInstant();
    }
}
