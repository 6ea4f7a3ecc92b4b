package kr.jsoft.privacyportal.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import kr.jsoft.privacyportal.web.Dates;

/**
 * How far ahead a revision must be announced. The policy (section "changes") promises notice in
 * the Notices section at least 7 days before a revision takes effect, and at least 30 days for a
 * revision unfavourable to users (the practice PIPC's guideline on privacy policies asks for).
 * A version takes effect at 00:00 Asia/Seoul on its effective date. The schema checks the same
 * numbers (V6_1__policy_notice_period.sql, in hours).
 */
final class NoticePeriod {
    public static final Duration MINIMUM = Duration.ofDays(7);
    public static final Duration UNFAVOURABLE = Duration.ofDays(30);

    private NoticePeriod() {
    }

    /** The notice a revision needs. */
    public static Duration required(boolean unfavourable) {
        return unfavourable ? UNFAVOURABLE : MINIMUM;
    }

    /** The instant a version dated {@code effectiveDate} takes effect: 00:00 in Seoul. */
    public static Instant effectiveInstant(LocalDate effectiveDate) {
        return Dates.startOfDay(effectiveDate);
    }

    /** Whether a version taking effect on {@code effectiveDate} has its full notice from {@code noticePostedAt}. */
    public static boolean allows(Instant noticePostedAt, LocalDate effectiveDate, boolean unfavourable) {
        return !effectiveInstant(effectiveDate).isBefore(noticePostedAt.plus(required(unfavourable)));
    }

    /** The first Seoul date whose midnight is at least the full notice period after {@code noticePostedAt}. */
    public static LocalDate earliestEffectiveDate(Instant noticePostedAt, boolean unfavourable) {
        Instant earliest = noticePostedAt.plus(required(unfavourable));
        LocalDate date = earliest.atZone(Dates.SEOUL).toLocalDate();
        return effectiveInstant(date).isBefore(earliest) ? date.plusDays(1) : date;
    }
}
