package kr.jsoft.privacyportal.breach;

import jakarta.persistence.LockModeType;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.command.CommandState;
import kr.jsoft.privacyportal.command.CommandView;
import kr.jsoft.privacyportal.command.Commands;
import kr.jsoft.privacyportal.command.Notice;
import kr.jsoft.privacyportal.complaint.ComplaintDesk;
import kr.jsoft.privacyportal.device.DeviceRegistry;
import kr.jsoft.privacyportal.notice.NewNotice;
import kr.jsoft.privacyportal.notice.NoticeKind;
import kr.jsoft.privacyportal.notice.NoticeService;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.policy.PolicyMetadata;
import kr.jsoft.privacyportal.subscription.NoticeMailer;
import kr.jsoft.privacyportal.web.BadRequestException;
import kr.jsoft.privacyportal.web.Dates;
import kr.jsoft.privacyportal.web.Lang;
import org.hibernate.Session;

/**
 * The breach register and everything done for one incident, each method one transaction: record it,
 * work out the duties, write and send the notice (devices, subscribers, complainants, the website),
 * follow delivery and resend, prepare the regulator's report and record its submission. Every change
 * and every view is audit-logged with the incident's opaque id.
 */
final class BreachDesk {
    static final String TARGET = "breach-incident";
    /** Devices queued per transaction: a large incident is walked in pages and resumes after a fault. */
    static final int DEVICE_PAGE = 500;
    /** A breach NOTIFY waits this long for a device that is switched off. */
    static final Duration NOTIFY_EXPIRY = Duration.ofDays(30);

    private final Database database;
    private final AuditLog auditLog;
    private final Clock clock;
    private final DeviceRegistry registry;
    private final Commands commands;
    private final NoticeService notices;
    private final NoticeMailer subscribers;
    private final ComplaintDesk complaints;
    private final Supplier<Optional<PolicyMetadata.Facts>> policyFacts;
    private final Supplier<URI> baseUrl;

    BreachDesk(Database database, AuditLog auditLog, Clock clock, DeviceRegistry registry, Commands commands,
               NoticeService notices, NoticeMailer subscribers, ComplaintDesk complaints,
               Supplier<Optional<PolicyMetadata.Facts>> policyFacts, Supplier<URI> baseUrl) {
        this.database = database;
        this.auditLog = auditLog;
        this.clock = clock;
        this.registry = registry;
        this.commands = commands;
        this.notices = notices;
        this.subscribers = subscribers;
        this.complaints = complaints;
        this.policyFacts = policyFacts;
        this.baseUrl = baseUrl;
    }

    static String commandReference(UUID incidentId) {
        return "breach:" + incidentId;
    }

    static String noticePath(Lang lang, UUID incidentId) {
        return "/" + lang.code() + "/breach-notices/" + incidentId;
    }

    /** The register, newest discovery first. */
    List<BreachViews.Row> register(AuditEvent by) {
        return database.fromTransaction(session -> {
            auditLog.record(session, by.withAction("breach.register-viewed"));
            return session.createSelectionQuery("from BreachIncident order by discoveredAt desc", BreachIncident.class)
                    .getResultList().stream().map(i -> row(session, i)).toList();
        });
    }

    /** The open incident whose 72 hours run out first (for the home page's clock), if any. */
    Optional<BreachViews.Row> mostUrgent() {
        return database.fromTransaction(session -> session.createSelectionQuery(
                        "from BreachIncident where noticeSentAt is null or reportSubmittedAt is null"
                                + " order by discoveredAt", BreachIncident.class)
                .setMaxResults(50).getResultList().stream().map(i -> row(session, i))
                .filter(r -> !r.clock().done()).min(Comparator.comparing(r -> r.clock().deadline())));
    }

    private BreachViews.Row row(Session session, BreachIncident incident) {
        BreachDuties duties = duties(session, incident);
        return new BreachViews.Row(incident.id(), incident.reference(), incident.discoveredAt(), incident.scope(),
                Optional.ofNullable(incident.noticeSentAt()), duties.report(),
                Optional.ofNullable(incident.reportSubmittedAt()), clock72(incident, duties));
    }

    private BreachViews.Clock72 clock72(BreachIncident incident, BreachDuties duties) {
        boolean done = incident.noticeSentAt() != null && (!duties.report() || incident.reportSubmittedAt() != null);
        return new BreachViews.Clock72(duties.deadline(), duties.left(clock.instant()), done);
    }

    /** Records an incident; its 72 hours run from the discovery. Refused per field, nothing written. */
    Result record(IncidentForm form, AuditEvent by) {
        IncidentForm.Checked checked = form.check(clock.instant());
        if (checked.valid().isEmpty()) {
            return Result.refused(checked.errors());
        }
        IncidentForm.Valid facts = checked.valid().get();
        return database.fromTransaction(session -> {
            List<String> unknown = complaints.unreachable(session, facts.complaintReferences());
            if (!unknown.isEmpty()) {
                return Result.refused(Map.of("complaintReferences", "breach.error.complaint-unknown"));
            }
            UUID id = UUID.randomUUID();
            BreachIncident incident = new BreachIncident(id, nextReference(session), clock.instant(), facts);
            session.persist(incident);
            auditLog.record(session, by.withAction("breach.recorded").target(TARGET, id)
                    .detail("scope=" + facts.scope() + " items=" + facts.items().size()));
            return Result.done(id);
        });
    }

    /** {@code B-2026-001}: the Seoul year of recording and a running number. */
    private String nextReference(Session session) {
        int year = LocalDate.ofInstant(clock.instant(), Dates.SEOUL).getYear();
        long count = session.createSelectionQuery("select count(i) from BreachIncident i where i.reference like :year",
                Long.class).setParameter("year", "B-" + year + "-%").getSingleResult();
        return String.format("B-%d-%03d", year, count + 1);
    }

    /** What a form submission came to: the incident's id, or per field what is wrong. */
    record Result(Optional<UUID> id, Map<String, String> errors) {
        static Result done(UUID id) {
            return new Result(Optional.of(id), Map.of());
        }

        static Result refused(Map<String, String> errors) {
            return new Result(Optional.empty(), Map.copyOf(errors));
        }
    }

    Optional<BreachViews.Detail> detail(UUID id, AuditEvent by) {
        return database.fromTransaction(session -> {
            BreachIncident incident = session.find(BreachIncident.class, id);
            if (incident == null) {
                return Optional.empty();
            }
            auditLog.record(session, by.withAction("breach.viewed").target(TARGET, id));
            return Optional.of(detail(session, incident));
        });
    }

    private BreachViews.Detail detail(Session session, BreachIncident incident) {
        BreachDuties duties = duties(session, incident);
        Optional<BreachViews.Delivery> delivery = incident.noticeSentAt() == null ? Optional.empty()
                : Optional.of(delivery(session, incident));
        return new BreachViews.Detail(incident.id(), incident.reference(), incident.discoveredAt(),
                incident.recordedAt(), incident.whatHappened(), incident.items(), incident.scope(),
                Optional.ofNullable(incident.windowFrom()), Optional.ofNullable(incident.windowTo()),
                incident.listedDevices().size(), incident.complaintReferences(), incident.outsideHacking(),
                incident.sensitive(), Optional.ofNullable(incident.estimatedPeople()), duties,
                clock72(incident, duties), incident.parts(), Optional.ofNullable(incident.noticeSentAt()),
                Optional.ofNullable(incident.noticeKo()), Optional.ofNullable(incident.noticeEn()), delivery,
                Optional.ofNullable(incident.publicNoticeId())
                        .map(n -> new BreachViews.PublicNotice(n, incident.publicNoticeUntil())),
                Optional.ofNullable(incident.reportSubmittedAt()), Optional.ofNullable(incident.reportSubmittedTo()));
    }

    /** The duties from the facts; the devices are counted now until the notice goes out, then as they were. */
    private BreachDuties duties(Session session, BreachIncident incident) {
        long devices = incident.devicesAtNotice() != null ? incident.devicesAtNotice() : countDevices(session, incident);
        return BreachDuties.of(new BreachDuties.Facts(incident.discoveredAt(), incident.scope(), devices,
                incident.estimatedPeople(), incident.sensitive(), incident.outsideHacking()));
    }

    private long countDevices(Session session, BreachIncident incident) {
        return switch (incident.scope()) {
            case ALL_DEVICES -> registry.countActiveIn(session, null, null);
            case WINDOW -> registry.countActiveIn(session, incident.windowFrom(), incident.windowTo());
            case DEVICE_LIST -> {
                long count = 0;
                List<UUID> listed = incident.listedDevices();
                for (int i = 0; i < listed.size(); i += 1000) {
                    count += registry.activeAmong(session, listed.subList(i, Math.min(listed.size(), i + 1000))).size();
                }
                yield count;
            }
            case UNREACHABLE -> 0;
        };
    }

    /**
     * Saves the manager's parts of the notice and, with {@code send}, sends it: refused per field while a
     * part Art. 34(1) requires is missing (the draft is saved all the same, so nothing typed is lost).
     * Sending, in one transaction: the text fixed in both languages, the mail to every subscriber and to
     * the complainants concerned, the public notice where people cannot be reached, and the devices
     * marked to be notified (in pages, by {@link #notifyDevices}, right after and by the background job).
     */
    Result saveNotice(UUID id, NoticeParts parts, boolean send, AuditEvent by) {
        Map<String, String> tooLong = parts.tooLong();
        if (!tooLong.isEmpty()) {
            return Result.refused(tooLong);
        }
        Result result = database.fromTransaction(session -> {
            BreachIncident incident = locked(session, id);
            if (incident.noticeSentAt() != null) {
                throw new BadRequestException(409, "The notice of this incident has been sent already.");
            }
            incident.draft(parts);
            if (!send) {
                auditLog.record(session, by.withAction("breach.notice-drafted").target(TARGET, id));
                return Result.done(id);
            }
            Map<String, String> missing = new LinkedHashMap<>(parts.missingForSending());
            Optional<PolicyMetadata.Facts> facts = policyFacts.get().filter(f -> f.privacyOfficer() != null);
            if (facts.isEmpty()) {
                missing.put("contact", "breach.error.no-contact");
            }
            if (!missing.isEmpty()) {
                auditLog.record(session, by.withAction("breach.notice-refused").target(TARGET, id)
                        .detail("missing=" + String.join(",", missing.keySet())));
                return Result.refused(missing);
            }
            send(session, incident, facts.get(), by);
            return Result.done(id);
        });
        if (send && result.id().isPresent()) {
            notifyDevices();
        }
        return result;
    }

    /**
     * Where people can seek redress: the portal's current list, not the version in force's (a published
     * version may name bodies that have since moved or closed).
     */
    private static List<PolicyMetadata.OutsideOrganisation> currentOrganisations() {
        return kr.jsoft.privacyportal.remedy.OutsideOrganisations.CURRENT.stream()
                .map(o -> new PolicyMetadata.OutsideOrganisation(new PolicyMetadata.Localized(o.en(), o.ko()),
                        o.website(), o.phone()))
                .toList();
    }

    private void send(Session session, BreachIncident incident, PolicyMetadata.Facts policy, AuditEvent by) {
        UUID id = incident.id();
        BreachNotice.Facts facts = new BreachNotice.Facts(incident.discoveredAt(), incident.windowFrom(),
                incident.windowTo(), incident.items(), policy.privacyOfficer(), currentOrganisations());
        BreachNotice ko = BreachNotice.compose(Lang.KO, facts, incident.parts());
        BreachNotice en = BreachNotice.compose(Lang.EN, facts, incident.parts());
        Map<Lang, String> titles = Map.of(Lang.KO, ko.title(), Lang.EN, en.title());
        Map<Lang, String> bodies = Map.of(Lang.KO, ko.text(), Lang.EN, en.text());
        Map<Lang, String> paths = Map.of(Lang.KO, noticePath(Lang.KO, id), Lang.EN, noticePath(Lang.EN, id));
        subscribers.generalNotice(session, commandReference(id), titles, bodies, paths);
        int complainants = complaints.mailNotice(session, incident.complaintReferences(), titles, bodies, paths,
                AuditEvent.system("complaint.notice-mailed").detail("breach " + incident.reference()));
        long devices = countDevices(session, incident);
        incident.sent(ko.text(), en.text(), clock.instant(), Math.toIntExact(devices), complainants);
        if (incident.scope() == IncidentScope.UNREACHABLE) {
            postPublicNotice(session, incident, ko, en);
        }
        auditLog.record(session, by.withAction("breach.notice-sent").target(TARGET, id)
                .detail("devices=" + devices + " complainants=" + complainants
                        + (incident.publicNoticeId() == null ? "" : " public notice=" + incident.publicNoticeId())));
    }

    /**
     * Decree Art. 39: on the website for at least 30 days. The notice leaves the Notices section at the
     * start of the 31st Seoul day after posting, so it is shown for 30 whole days whatever the hour it went up.
     */
    private void postPublicNotice(Session session, BreachIncident incident, BreachNotice ko, BreachNotice en) {
        LocalDate posted = LocalDate.ofInstant(clock.instant(), Dates.SEOUL);
        Instant until = Dates.startOfDay(posted.plusDays(BreachDuties.PUBLIC_NOTICE_DAYS + 1));
        var notice = notices.post(session, new NewNotice(NoticeKind.GENERAL, null, ko.title(), en.title(),
                BreachNotice.markdown(ko.text()), BreachNotice.markdown(en.text()), until));
        incident.publicNotice(notice.id(), until);
    }

    /**
     * The manager posts the notice on the website although the scope is not "cannot be reached" (e.g.
     * devices stay unreachable). Only once the notice has been sent, and once.
     */
    void postPublicNotice(UUID id, AuditEvent by) {
        database.inTransaction(session -> {
            BreachIncident incident = locked(session, id);
            if (incident.noticeSentAt() == null || incident.publicNoticeId() != null) {
                throw new BadRequestException(409, "Send the notice first; it is posted only once.");
            }
            PolicyMetadata.Facts policy = policyFacts.get().filter(f -> f.privacyOfficer() != null)
                    .orElseThrow(() -> new BadRequestException(409, "No privacy officer in the policy in force."));
            BreachNotice.Facts facts = new BreachNotice.Facts(incident.discoveredAt(), incident.windowFrom(),
                    incident.windowTo(), incident.items(), policy.privacyOfficer(), currentOrganisations());
            // The text as sent, not as the policy reads today: the public sees what the people were told.
            BreachNotice ko = new BreachNotice(Lang.KO, BreachNotice.compose(Lang.KO, facts, incident.parts()).title(),
                    List.of(new BreachNotice.Section(null, incident.noticeKo())));
            BreachNotice en = new BreachNotice(Lang.EN, BreachNotice.compose(Lang.EN, facts, incident.parts()).title(),
                    List.of(new BreachNotice.Section(null, incident.noticeEn())));
            postPublicNotice(session, incident, ko, en);
            auditLog.record(session, by.withAction("breach.public-notice-posted").target(TARGET, id)
                    .detail("notice=" + incident.publicNoticeId()));
        });
    }

    /**
     * Queues the {@code NOTIFY} to every affected device not yet notified, one page per transaction
     * (the incident row locked, so two instances never notify a device twice); run right after sending
     * and by a background job, so an interrupted run resumes where its last page committed. Returns how
     * many devices were notified.
     */
    int notifyDevices() {
        List<UUID> due = database.fromTransaction(session -> session.createSelectionQuery(
                "select i.id from BreachIncident i where i.noticeSentAt is not null and i.devicesDoneAt is null",
                UUID.class).getResultList());
        int total = 0;
        for (UUID id : due) {
            int page;
            do {
                page = database.fromTransaction(session -> notifyPage(session, id));
                total += page;
            } while (page > 0);
        }
        return total;
    }

    private int notifyPage(Session session, UUID id) {
        BreachIncident incident = locked(session, id);
        if (incident.devicesDoneAt() != null) {
            return 0;
        }
        List<UUID> page = switch (incident.scope()) {
            case ALL_DEVICES -> registry.activeIdsIn(session, null, null, incident.devicesAfter(), DEVICE_PAGE);
            case WINDOW -> registry.activeIdsIn(session, incident.windowFrom(), incident.windowTo(),
                    incident.devicesAfter(), DEVICE_PAGE);
            case DEVICE_LIST -> incident.listedDevices().stream().sorted()
                    .filter(d -> incident.devicesAfter() == null || d.compareTo(incident.devicesAfter()) > 0)
                    .limit(DEVICE_PAGE).toList();
            case UNREACHABLE -> List.of();
        };
        List<UUID> targets = incident.scope() == IncidentScope.DEVICE_LIST ? registry.activeAmong(session, page) : page;
        Notice notice = deviceNotice(incident);
        for (UUID device : targets) {
            commands.notify(session, device, notice, commandReference(id), NOTIFY_EXPIRY);
        }
        boolean last = page.size() < DEVICE_PAGE;
        incident.devicesReached(page.isEmpty() ? incident.devicesAfter() : page.get(page.size() - 1),
                last ? clock.instant() : null);
        if (!targets.isEmpty() || last) {
            auditLog.record(session, AuditEvent.system("breach.devices-notified").target(TARGET, id)
                    .detail("devices=" + targets.size() + (last ? " (all queued)" : "")));
        }
        return targets.size();
    }

    private Notice deviceNotice(BreachIncident incident) {
        URI base = baseUrl.get();
        return new Notice("personal-data-breach", BreachNotice.deviceMessage(incident.discoveredAt(),
                incident.items(), base.resolve(noticePath(Lang.KO, incident.id())).toString(),
                base.resolve(noticePath(Lang.EN, incident.id())).toString()));
    }

    private BreachViews.Delivery delivery(Session session, BreachIncident incident) {
        Map<UUID, List<CommandView>> byDevice = commands.byReference(session, commandReference(incident.id()))
                .stream().collect(Collectors.groupingBy(CommandView::deviceId));
        long confirmed = 0;
        long waiting = 0;
        long unreachable = 0;
        for (List<CommandView> sent : byDevice.values()) {
            if (sent.stream().anyMatch(c -> c.state() == CommandState.COMPLETED)) {
                confirmed++;
            } else if (sent.stream().anyMatch(c -> !c.state().isFinal())) {
                waiting++;
            } else {
                unreachable++;
            }
        }
        var mails = subscribers.progress(session, commandReference(incident.id()));
        return new BreachViews.Delivery(incident.devicesAtNotice() == null ? 0 : incident.devicesAtNotice(),
                byDevice.size(), confirmed, waiting, unreachable, incident.devicesDoneAt() != null,
                mails.map(NoticeMailer.Progress::mailsEnqueued).orElse(0),
                mails.map(NoticeMailer.Progress::finished).orElse(false), incident.complainantMails());
    }

    /** What a resend did: new commands for devices that ended unconfirmed, wake-ups for those still waiting. */
    record Resent(int requeued, int wokenAgain) {
    }

    /**
     * Resends to the devices that have not confirmed: a device whose notice failed or expired gets a new
     * {@code NOTIFY} (if it is still registered); one still waiting is woken again now.
     */
    Resent resend(UUID id, AuditEvent by) {
        record Plan(int requeued, List<UUID> open) {
        }
        Plan plan = database.fromTransaction(session -> {
            BreachIncident incident = locked(session, id);
            if (incident.noticeSentAt() == null) {
                throw new BadRequestException(409, "The notice has not been sent yet.");
            }
            Map<UUID, List<CommandView>> byDevice = commands.byReference(session, commandReference(id)).stream()
                    .collect(Collectors.groupingBy(CommandView::deviceId));
            List<UUID> ended = new ArrayList<>();
            List<UUID> open = new ArrayList<>();
            byDevice.forEach((device, sent) -> {
                if (sent.stream().noneMatch(c -> c.state() == CommandState.COMPLETED)) {
                    sent.stream().filter(c -> !c.state().isFinal()).forEach(c -> open.add(c.id()));
                    if (sent.stream().allMatch(c -> c.state().isFinal())) {
                        ended.add(device);
                    }
                }
            });
            Notice notice = deviceNotice(incident);
            int requeued = 0;
            for (int i = 0; i < ended.size(); i += 1000) {
                for (UUID device : registry.activeAmong(session, ended.subList(i, Math.min(ended.size(), i + 1000)))) {
                    commands.notify(session, device, notice, commandReference(id), NOTIFY_EXPIRY);
                    requeued++;
                }
            }
            auditLog.record(session, by.withAction("breach.notice-resent").target(TARGET, id)
                    .detail("requeued=" + requeued + " woken=" + open.size()));
            return new Plan(requeued, open);
        });
        int woken = 0;
        String account = by.actor().startsWith("account:") ? by.actor().substring("account:".length()) : by.actor();
        for (UUID command : plan.open()) {
            if (commands.retryWakeUp(command, account, by.clientAddress()) == Commands.RetryResult.SCHEDULED) {
                woken++;
            }
        }
        return new Resent(plan.requeued(), woken);
    }

    /** The report to the regulator (printable page and download); the view is recorded. */
    Optional<BreachViews.Report> report(UUID id, AuditEvent by) {
        return database.fromTransaction(session -> {
            BreachIncident incident = session.find(BreachIncident.class, id);
            if (incident == null) {
                return Optional.empty();
            }
            auditLog.record(session, by.target(TARGET, id));
            Optional<PolicyMetadata.PrivacyOfficer> officer = policyFacts.get()
                    .map(PolicyMetadata.Facts::privacyOfficer);
            return Optional.of(new BreachViews.Report(detail(session, incident), "jsoft",
                    officer.map(o -> o.name().ko()).orElse(null), officer.map(o -> o.position().ko()).orElse(null),
                    officer.map(PolicyMetadata.PrivacyOfficer::phone).orElse(null),
                    officer.map(PolicyMetadata.PrivacyOfficer::email).orElse(null),
                    officer.map(PolicyMetadata.PrivacyOfficer::homepage).orElse(null)));
        });
    }

    /** Where the report went. */
    enum Regulator { PIPC, KISA }

    /**
     * The manager records when the report was submitted (outside the portal) and to whom: a Korean local
     * time, not before the discovery and not in the future.
     */
    Result recordSubmission(UUID id, String submittedAt, String to, AuditEvent by) {
        Map<String, String> errors = new LinkedHashMap<>();
        Instant at = null;
        try {
            at = LocalDateTime.parse(submittedAt == null ? "" : submittedAt.strip()).atZone(Dates.SEOUL).toInstant();
            if (at.isAfter(clock.instant())) {
                errors.put("submittedAt", "breach.error.future");
            }
        } catch (DateTimeParseException e) {
            errors.put("submittedAt", submittedAt == null || submittedAt.isBlank() ? "breach.error.required"
                    : "breach.error.time");
        }
        Regulator regulator = null;
        try {
            regulator = Regulator.valueOf(to == null ? "" : to);
        } catch (IllegalArgumentException e) {
            errors.put("submittedTo", "breach.error.regulator");
        }
        Instant when = at;
        Regulator where = regulator;
        return database.fromTransaction(session -> {
            BreachIncident incident = locked(session, id);
            if (when != null && when.isBefore(incident.discoveredAt())) {
                errors.putIfAbsent("submittedAt", "breach.error.before-discovery");
            }
            if (!errors.isEmpty()) {
                return Result.refused(errors);
            }
            incident.reportSubmitted(when, where.name());
            auditLog.record(session, by.withAction("breach.report-submitted").target(TARGET, id)
                    .detail("to=" + where + " at=" + when));
            return Result.done(id);
        });
    }

    /** The notice as sent, for its public page; empty until it is sent. */
    Optional<SentNotice> sentNotice(UUID id, Lang lang) {
        return database.fromTransaction(session -> Optional.ofNullable(session.find(BreachIncident.class, id))
                .filter(i -> i.noticeSentAt() != null)
                .map(i -> new SentNotice(BreachNotice.m(lang, "breach.notice.title",
                        Dates.date(i.discoveredAt(), lang)), lang == Lang.KO ? i.noticeKo() : i.noticeEn(),
                        i.noticeSentAt())));
    }

    record SentNotice(String title, String text, Instant sentAt) {
    }

    private static BreachIncident locked(Session session, UUID id) {
        BreachIncident incident = session.find(BreachIncident.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (incident == null) {
            throw new BadRequestException(404, "No such incident.");
        }
        return incident;
    }
}
