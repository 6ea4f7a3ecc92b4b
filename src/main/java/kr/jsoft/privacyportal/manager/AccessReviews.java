package kr.jsoft.privacyportal.manager;

import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.staff.StaffMember;
import kr.jsoft.privacyportal.staff.WorkItem;
import kr.jsoft.privacyportal.staff.WorkSource;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.web.Dates;

/**
 * The monthly review of the staff's access records (Korea's standard for safety measures of personal
 * information, Art. 8(2): checked at least once a month). A Seoul month can be reviewed once it has
 * ended; its review is due by the end of the following month. Recording a review is itself audited.
 */
final class AccessReviews implements WorkSource {
    static final int FINDINGS_MAX = 2000;
    /** How many ended months the page lists (and the day's work looks back over). */
    static final int MONTHS_SHOWN = 12;
    static final int MONTHS_DUE = 3;

    private final Database database;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Function<UUID, Optional<AccountService.AccountView>> accounts;

    AccessReviews(Database database, AuditLog auditLog, Clock clock,
                  Function<UUID, Optional<AccountService.AccountView>> accounts) {
        this.database = database;
        this.auditLog = auditLog;
        this.clock = clock;
        this.accounts = accounts;
    }

    /** A month as the page shows it; {@code reviewer} empty while unreviewed. */
    record Month(YearMonth month, Instant dueAt, Optional<AccountService.AccountView> reviewer,
                 Optional<Instant> reviewedAt, Optional<String> findings) {
        public boolean reviewed() {
            return reviewedAt.isPresent();
        }

        /** The audit log's filter for the month (Seoul days, both ends included). */
        public String auditQuery() {
            return "from=" + month.atDay(1) + "&to=" + month.atEndOfMonth() + "&action=personal-data";
        }
    }

    /** Why a review was refused; the page re-shows the form with the input. */
    static final class Refused extends RuntimeException {
        final String messageKey;

        Refused(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }
    }

    /** The last {@link #MONTHS_SHOWN} ended months, newest first. */
    List<Month> months() {
        YearMonth current = YearMonth.from(clock.instant().atZone(Dates.SEOUL));
        Map<String, AccessReview> reviews = database.fromTransaction(session -> session
                .createSelectionQuery("from AccessReview r", AccessReview.class).getResultList().stream()
                .collect(Collectors.toMap(AccessReview::month, r -> r)));
        List<Month> months = new ArrayList<>();
        for (int i = 1; i <= MONTHS_SHOWN; i++) {
            YearMonth month = current.minusMonths(i);
            AccessReview review = reviews.get(month.toString());
            months.add(new Month(month, dueAt(month), Optional.ofNullable(review)
                    .flatMap(r -> accounts.apply(UUID.fromString(r.reviewedBy()))),
                    Optional.ofNullable(review).map(AccessReview::reviewedAt),
                    Optional.ofNullable(review).map(AccessReview::findings)));
        }
        return months;
    }

    /** Records the review of {@code month} by {@code reviewer}; refused for a month not yet ended or reviewed. */
    void record(String monthText, String findings, UUID reviewer, AuditEvent by) {
        YearMonth month;
        try {
            month = YearMonth.parse(monthText == null ? "" : monthText.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new Refused("manager.access-review.refused.month");
        }
        if (!month.isBefore(YearMonth.from(clock.instant().atZone(Dates.SEOUL)))) {
            throw new Refused("manager.access-review.refused.not-ended");
        }
        if (findings == null || findings.isBlank() || findings.strip().length() > FINDINGS_MAX) {
            throw new Refused("manager.access-review.refused.findings");
        }
        database.inTransaction(session -> {
            if (session.find(AccessReview.class, month.toString()) != null) {
                throw new Refused("manager.access-review.refused.already");
            }
            session.persist(new AccessReview(month.toString(), reviewer.toString(), clock.instant(), findings.strip()));
            auditLog.record(session, by.withAction("staff.access-records-reviewed").target("access_review",
                    month.toString()));
        });
    }

    /** The review of {@code month} is due by the end (Seoul) of the following month. */
    static Instant dueAt(YearMonth month) {
        return month.plusMonths(2).atDay(1).atStartOfDay(Dates.SEOUL).toInstant();
    }

    /** The day's work: the privacy manager's unreviewed months among the last {@link #MONTHS_DUE}. */
    @Override
    public List<WorkItem> due(StaffMember viewer, Instant now) {
        if (viewer.role() != Role.PRIVACY_MANAGER) {
            return List.of();
        }
        return months().stream().limit(MONTHS_DUE).filter(m -> !m.reviewed())
                .map(m -> new WorkItem("manager.work.access-review", List.of(m.month().getYear(),
                        m.month().getMonthValue()), null, m.dueAt(), "manager.work.access-review.clock",
                        AccessReviewServlet.PATH + "#month-" + m.month(), "manager.work.access-review.act"))
                .toList();
    }
}
