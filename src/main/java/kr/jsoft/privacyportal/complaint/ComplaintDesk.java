package kr.jsoft.privacyportal.complaint;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.mail.OutgoingMail;
import kr.jsoft.privacyportal.mail.Outbox;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.remedy.Remedies;
import kr.jsoft.privacyportal.web.BadRequestException;
import kr.jsoft.privacyportal.web.Dates;
import kr.jsoft.privacyportal.web.Lang;
import org.hibernate.Session;

/**
 * The privacy manager's side: the queue, a case with its timeline, and what staff do with it
 * (assign, note, reply, resolve, refuse). Every view of a case and every action is recorded
 * in the audit log by the acting staff member's event, in the same transaction.
 */
public final class ComplaintDesk {
    static final int TEXT_MAX = 5000;

    private final Database database;
    private final AuditLog auditLog;
    private final Outbox outbox;
    private final CaseRecords records;
    private final Supplier<List<ComplaintViews.Assignee>> assignees;
    private final Supplier<Optional<String>> policyInForce;
    private final Remedies remedies;

    public ComplaintDesk(Database database, AuditLog auditLog, Outbox outbox, CaseRecords records,
                  Supplier<List<ComplaintViews.Assignee>> assignees, Supplier<Optional<String>> policyInForce,
                  Remedies remedies) {
        this.database = database;
        this.auditLog = auditLog;
        this.outbox = outbox;
        this.records = records;
        this.assignees = assignees;
        this.policyInForce = policyInForce;
        this.remedies = remedies;
    }

    public List<ComplaintViews.Assignee> assignees() {
        return assignees.get();
    }

    /** The queue, oldest due first; no personal data is shown, so listing is not an access record. */
    public List<ComplaintViews.QueueRow> queue(ComplaintViews.Filter filter) {
        return database.fromTransaction(session -> {
            StringBuilder hql = new StringBuilder("from Complaint c where 1 = 1");
            if (filter.state() != null) {
                hql.append(" and c.state = :state");
            }
            if (filter.category() != null) {
                hql.append(" and c.category = :category");
            }
            if (filter.assignee() != null) {
                hql.append(" and c.assigneeId = :assignee");
            }
            if (filter.overdueOnly()) {
                hql.append(" and c.state in (:open) and c.dueAt < :now");
            }
            if (filter.reference() != null && !filter.reference().isBlank()) {
                hql.append(" and c.reference like :reference");
            }
            if (filter.dueFrom() != null) {
                hql.append(" and c.dueAt >= :dueFrom");
            }
            if (filter.dueTo() != null) {
                hql.append(" and c.dueAt < :dueUntil");
            }
            hql.append(" order by c.dueAt, c.reference");
            var query = session.createSelectionQuery(hql.toString(), Complaint.class);
            if (filter.state() != null) {
                query.setParameter("state", filter.state());
            }
            if (filter.category() != null) {
                query.setParameter("category", filter.category());
            }
            if (filter.assignee() != null) {
                query.setParameter("assignee", filter.assignee());
            }
            if (filter.overdueOnly()) {
                query.setParameter("open", List.of(CaseState.RECEIVED, CaseState.IN_PROGRESS));
                query.setParameter("now", records.now());
            }
            if (filter.reference() != null && !filter.reference().isBlank()) {
                query.setParameter("reference", "%" + filter.reference().strip().toUpperCase(Locale.ROOT)
                        .replace("%", "").replace("_", "") + "%");
            }
            if (filter.dueFrom() != null) {
                query.setParameter("dueFrom", Dates.startOfDay(filter.dueFrom()));
            }
            if (filter.dueTo() != null) {
                query.setParameter("dueUntil", Dates.startOfDay(filter.dueTo().plusDays(1)));
            }
            return query.setMaxResults(500).getResultList().stream()
                    .map(c -> new ComplaintViews.QueueRow(c.id(), c.reference(), c.category(), c.state(),
                            c.assigneeName(), c.receivedAt(), c.dueAt(), records.urgency(c)))
                    .toList();
        });
    }

    /** A case with its personal data and full timeline; recorded as a view of personal data. */
    public Optional<ComplaintViews.Detail> detail(UUID id, AuditEvent by) {
        return database.fromTransaction(session -> Optional.ofNullable(session.find(Complaint.class, id)).map(c -> {
            auditLog.record(session, by.withAction(AuditEvent.PERSONAL_DATA_VIEW).target("complaint", id)
                    .detail("complaint case"));
            List<ComplaintViews.Message> timeline = records.entries(session, id).stream().map(records::message).toList();
            return new ComplaintViews.Detail(c.id(), c.reference(), c.category(), c.state(), c.lang(),
                    records.open(c.nameSealed(), "name", id), records.open(c.emailSealed(), "email", id),
                    records.open(c.phoneSealed(), "phone", id), c.assigneeId(), c.assigneeName(), c.receivedAt(),
                    c.dueAt(), c.firstAnsweredAt(), c.closedAt(), c.erasedAt(), records.urgency(c), timeline);
        }));
    }

    public void assign(UUID id, UUID accountId, AuditEvent by) {
        ComplaintViews.Assignee assignee = assignees.get().stream().filter(a -> a.id().equals(accountId)).findFirst()
                .orElseThrow(() -> new BadRequestException("No such staff member."));
        act(id, by, "complaint.assigned", (session, c) -> {
            c.assign(assignee.id(), assignee.displayName());
            records.addEntry(session, c, ComplaintEntry.Kind.ASSIGNED, assignee.displayName(), null);
        });
    }

    /** An internal note: on the timeline for staff, never on the status page or in a mail. */
    public void note(UUID id, String text, String author, AuditEvent by) {
        String body = text(text);
        act(id, by, "complaint.noted", (session, c) -> records.addEntry(session, c, ComplaintEntry.Kind.NOTE, author, body));
    }

    /** A reply: mailed to the complainant and shown on the status page. */
    public void reply(UUID id, String text, String author, AuditEvent by) {
        String body = text(text);
        act(id, by, "complaint.replied", (session, c) -> {
            c.answered(records.now());
            records.addEntry(session, c, ComplaintEntry.Kind.REPLY, author, body);
            mail(session, c, "complaint/mail/reply", body, false);
        });
    }

    public void resolve(UUID id, String text, String author, AuditEvent by) {
        String body = text(text);
        act(id, by, "complaint.resolved", (session, c) -> {
            c.close(CaseState.RESOLVED, records.now(), null);
            records.addEntry(session, c, ComplaintEntry.Kind.RESOLUTION, author, body);
            mail(session, c, "complaint/mail/resolved", body, false);
        });
    }

    /**
     * Refuses with grounds and states how to object to jsoft and the current outside organisations
     * (PIPA Art. 38(5)). The label of the version in force is kept as a record of the day's policy.
     */
    public void refuse(UUID id, String grounds, String author, AuditEvent by) {
        String body = text(grounds);
        String policy = policyInForce.get().orElse(null);
        act(id, by, "complaint.refused", (session, c) -> {
            c.close(CaseState.REFUSED, records.now(), policy);
            records.addEntry(session, c, ComplaintEntry.Kind.REFUSAL, author, body);
            mail(session, c, "complaint/mail/refused", body, true);
        });
    }

    /** Counts per month (Seoul) and category, and the median time from receipt to the first answer. */
    public ComplaintViews.Statistics statistics(AuditEvent by) {
        return database.fromTransaction(session -> {
            List<Object[]> rows = session.createSelectionQuery(
                    "select c.category, c.receivedAt, c.firstAnsweredAt from Complaint c", Object[].class)
                    .getResultList();
            DateTimeFormatter month = DateTimeFormatter.ofPattern("yyyy-MM");
            Map<String, Map<Category, Long>> counts = new TreeMap<>();
            List<Duration> answers = new ArrayList<>();
            for (Object[] row : rows) {
                Instant received = (Instant) row[1];
                counts.computeIfAbsent(month.format(received.atZone(Dates.SEOUL)), m -> new TreeMap<>())
                        .merge((Category) row[0], 1L, Long::sum);
                if (row[2] != null) {
                    answers.add(Duration.between(received, (Instant) row[2]));
                }
            }
            List<ComplaintViews.MonthCount> list = counts.entrySet().stream().flatMap(m -> m.getValue().entrySet()
                    .stream().map(e -> new ComplaintViews.MonthCount(m.getKey(), e.getKey(), e.getValue())))
                    .collect(Collectors.toList());
            auditLog.record(session, by.withAction("complaint.statistics-viewed"));
            return new ComplaintViews.Statistics(list, answers.size(), median(answers));
        });
    }

    /** Charts of the last weeks' cases (receipt, state, due and closing times only). */
    public List<kr.jsoft.privacyportal.web.BarChart> charts(Locale locale) {
        List<ComplaintCharts.Times> cases = database.fromTransaction(session -> session.createSelectionQuery(
                        "select c.receivedAt, c.state, c.dueAt, c.closedAt from Complaint c where c.receivedAt >= :since",
                        Object[].class)
                .setParameter("since", records.now().minus(Duration.ofDays(7L * (ComplaintCharts.WEEKS + 1))))
                .getResultList().stream().map(r -> new ComplaintCharts.Times((Instant) r[0], (CaseState) r[1],
                        (Instant) r[2], (Instant) r[3])).toList());
        return ComplaintCharts.of(cases, records.now(), locale);
    }

    static Duration median(List<Duration> durations) {
        if (durations.isEmpty()) {
            return null;
        }
        List<Duration> sorted = durations.stream().sorted(Comparator.naturalOrder()).toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : sorted.get(mid - 1).plus(sorted.get(mid)).dividedBy(2);
    }

    /** Open complaints due before {@code until} (overdue ones included), earliest due first: the day's work. */
    public List<ComplaintViews.QueueRow> openDueBefore(Instant until) {
        return database.fromTransaction(session -> session.createSelectionQuery(
                        "from Complaint c where c.state in (:open) and c.dueAt < :until order by c.dueAt, c.reference",
                        Complaint.class)
                .setParameter("open", List.of(CaseState.RECEIVED, CaseState.IN_PROGRESS))
                .setParameter("until", until).setMaxResults(200).getResultList().stream()
                .map(c -> new ComplaintViews.QueueRow(c.id(), c.reference(), c.category(), c.state(),
                        c.assigneeName(), c.receivedAt(), c.dueAt(), records.urgency(c)))
                .toList());
    }

    /** How many complaints are open ([0]) and, of those, overdue ([1]): the home panels and the metrics. */
    public long[] openAndOverdue() {
        return database.fromTransaction(session -> {
            List<CaseState> open = List.of(CaseState.RECEIVED, CaseState.IN_PROGRESS);
            long openCount = session.createSelectionQuery("select count(c) from Complaint c where c.state in (:open)",
                    Long.class).setParameter("open", open).getSingleResult();
            long overdue = session.createSelectionQuery(
                    "select count(c) from Complaint c where c.state in (:open) and c.dueAt < :now", Long.class)
                    .setParameter("open", open).setParameter("now", records.now()).getSingleResult();
            return new long[] {openCount, overdue};
        });
    }

    /**
     * Of these complaint references, the ones the desk cannot mail (unknown, or the complainant's
     * data already erased), read in the caller's transaction: another feature checks its list with it.
     */
    public List<String> unreachable(Session session, java.util.Collection<String> references) {
        List<String> reachable = reachableCases(session, references).stream().map(Complaint::reference).toList();
        return references.stream().filter(r -> !reachable.contains(r)).toList();
    }

    /**
     * Mails a notice that concerns them (e.g. a breach notice) to the complainants of these cases whose
     * email the desk still holds, in the caller's transaction, each in the language they wrote in; the
     * case's state does not change. Returns how many mails were queued.
     */
    public int mailNotice(Session session, java.util.Collection<String> references, Map<Lang, String> title,
                          Map<Lang, String> body, Map<Lang, String> path, AuditEvent by) {
        int queued = 0;
        for (Complaint c : reachableCases(session, references)) {
            Lang lang = Lang.parse(c.lang()).orElse(Lang.KO);
            String email = records.open(c.emailSealed(), "email", c.id());
            outbox.enqueue(session, OutgoingMail.to(email, lang, "complaint/mail/notice")
                    .with("reference", c.reference())
                    .with("noticeTitle", title.get(lang))
                    .with("body", body.get(lang))
                    .with("noticeUrl", path.get(lang)));
            auditLog.record(session, by.withAction("complaint.notice-mailed").target("complaint", c.id()));
            queued++;
        }
        return queued;
    }

    private static List<Complaint> reachableCases(Session session, java.util.Collection<String> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        return session.createSelectionQuery("from Complaint c where c.reference in (:references)"
                        + " and c.emailSealed is not null and c.erasedAt is null order by c.reference", Complaint.class)
                .setParameter("references", references)
                .getResultList();
    }

    private void act(UUID id, AuditEvent by, String action, java.util.function.BiConsumer<Session, Complaint> change) {
        database.inTransaction(session -> {
            Complaint c = session.find(Complaint.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (c == null) {
                throw new BadRequestException(404, "No such complaint.");
            }
            if (c.state().closed() || c.erasedAt() != null) {
                throw new BadRequestException(409, "This complaint is closed.");
            }
            change.accept(session, c);
            auditLog.record(session, by.withAction(action).target("complaint", id));
        });
    }

    private void mail(Session session, Complaint c, String template, String body, boolean refusal) {
        Lang lang = Lang.parse(c.lang()).orElse(Lang.KO);
        String email = records.open(c.emailSealed(), "email", c.id());
        OutgoingMail mail = OutgoingMail.to(email, lang, template)
                .with("reference", c.reference())
                .with("body", body)
                .with("linkUrl", "/" + lang.code() + "/complaints/status-link");
        // The grounds are the mail's body (after its intro); the remedies add the objection route and where else to turn.
        outbox.enqueue(session, refusal ? remedies.addTo(mail, null) : mail);
    }

    private static String text(String text) {
        if (text == null || text.isBlank()) {
            throw new BadRequestException(422, "The text is empty.");
        }
        if (text.strip().length() > TEXT_MAX) {
            throw new BadRequestException(422, "The text is longer than " + TEXT_MAX + " characters.");
        }
        return text.strip();
    }
}
