package kr.jsoft.privacyportal.policy;

import jakarta.persistence.LockModeType;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.notice.NewNotice;
import kr.jsoft.privacyportal.notice.NoticeKind;
import kr.jsoft.privacyportal.notice.NoticeService;
import kr.jsoft.privacyportal.notice.NoticeView;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.web.Dates;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.Messages;
import org.hibernate.Session;

/**
 * The lifecycle of policy versions: DRAFT → SCHEDULED (notice posted) → IN_FORCE → SUPERSEDED,
 * or WITHDRAWN from SCHEDULED. Scheduling posts the revision notice in the same transaction and
 * enforces the notice period ({@link NoticePeriod}: 7 days, 30 when unfavourable, marked or
 * detected by {@link UnfavourableChanges}) and the completeness check ({@link CompletenessCheck});
 * the schema checks the period again. Nothing here makes a version take effect: the version in
 * force is computed from the clock ({@link PolicyService#inForce}). Every action is audited.
 */
public final class PolicyLifecycle {
    static final int MAX_WAIVER_LENGTH = 1000;

    private final Database database;
    private final AuditLog auditLog;
    private final java.time.Clock clock;
    private final PolicyService policies;
    private final NoticeService notices;
    private final RevisionAnnouncements announcements;
    private final Path policiesDir;

    public PolicyLifecycle(Database database, AuditLog auditLog, java.time.Clock clock, PolicyService policies,
                           NoticeService notices, RevisionAnnouncements announcements, Path policiesDir) {
        this.database = database;
        this.auditLog = auditLog;
        this.clock = clock;
        this.policies = policies;
        this.notices = notices;
        this.announcements = announcements;
        this.policiesDir = policiesDir;
    }

    /** A version in the dashboard's list. */
    public record Row(PolicyVersionInfo version, VersionState state) {
    }

    /**
     * Everything the dashboard shows about one version: its state, the checklist, the
     * unfavourable changes against the version in force, whether it needs 30 days, the
     * earliest date it could take effect if scheduled now, and its notices.
     */
    public record Review(PolicyVersionInfo version, VersionState state, Optional<PolicyVersionInfo> inForce,
                         List<CompletenessCheck.Item> checklist, List<UnfavourableChanges.Change> unfavourableChanges,
                         boolean markedUnfavourable, LocalDate earliestEffectiveDate, List<NoticeView> notices) {
        public boolean complete() {
            return checklist.stream().allMatch(CompletenessCheck.Item::present);
        }

        public boolean unfavourable() {
            return markedUnfavourable || !unfavourableChanges.isEmpty();
        }

        /** False: the version names outside organisations other than the current ones (flagged). */
        public boolean outsideOrganisationsCurrent() {
            return CompletenessCheck.outsideOrganisationsCurrent(version.metadata());
        }

        public boolean schedulable() {
            return state == VersionState.DRAFT || state == VersionState.WITHDRAWN;
        }
    }

    /** Every version with its state, newest effective first, drafts on top. */
    public List<Row> overview() {
        Instant now = clock.instant();
        Optional<PolicyVersionInfo> inForce = policies.inForce(now);
        return policies.list().stream()
                .sorted(Comparator.comparing(PolicyVersionInfo::effectiveAt,
                        Comparator.nullsFirst(Comparator.<Instant>naturalOrder().reversed())))
                .map(v -> new Row(v, VersionState.of(v, inForce, now)))
                .toList();
    }

    /** The review of a version by label. */
    public Optional<Review> review(String label) {
        Instant now = clock.instant();
        Optional<PolicyVersionInfo> inForce = policies.inForce(now);
        return policies.find(label).map(version -> {
            List<UnfavourableChanges.Change> changes = unfavourableChanges(version, inForce);
            boolean unfavourable = version.metadata().unfavourable() || version.unfavourable() || !changes.isEmpty();
            return new Review(version, VersionState.of(version, inForce, now), inForce.filter(v -> !v.id().equals(version.id())),
                    CompletenessCheck.of(version.metadata()), changes,
                    version.metadata().unfavourable() || version.unfavourable(),
                    NoticePeriod.earliestEffectiveDate(now, unfavourable), notices.forVersion(version.label()));
        });
    }

    private static List<UnfavourableChanges.Change> unfavourableChanges(PolicyVersionInfo version,
                                                                        Optional<PolicyVersionInfo> inForce) {
        return inForce.filter(v -> !v.id().equals(version.id()))
                .map(v -> UnfavourableChanges.between(v.metadata().facts(), version.metadata().facts()))
                .orElse(List.of());
    }

    /**
     * Schedules a draft (or a withdrawn version again) to take effect at 00:00 Seoul time on
     * {@code effectiveDate}, posting its revision notice now. Refused (naming the earliest date
     * allowed) when the notice period is too short; refused when a legally required section is
     * missing and no {@code checklistWaiver} reason is given.
     */
    public ScheduledRevision schedule(String label, LocalDate effectiveDate, String checklistWaiver, AuditEvent by) {
        ScheduledRevision revision = database.fromTransaction(session -> {
            PolicyVersion version = lock(session, label);
            return schedule(session, version, effectiveDate, checklistWaiver, by);
        });
        return revision;
    }

    /** Withdraws a scheduled version before it takes effect, posting a withdrawal notice. */
    public ScheduledRevision withdraw(String label, AuditEvent by) {
        return database.fromTransaction(session -> withdraw(session, lock(session, label), by));
    }

    /**
     * Postpones a scheduled version: a withdrawal and a new schedule in one transaction, two
     * notices. The new date needs the full notice period again, counted from the new notice.
     */
    public ScheduledRevision postpone(String label, LocalDate effectiveDate, String checklistWaiver, AuditEvent by) {
        return database.fromTransaction(session -> {
            PolicyVersion version = lock(session, label);
            Instant now = now();
            // Refuse before anything is posted: the new date must stand on its own.
            checkPeriod(version, effectiveDate, unfavourable(version, now), now);
            withdraw(session, version, by);
            return schedule(session, version, effectiveDate, checklistWaiver, by);
        });
    }

    /** Imports new and changed folders of {@code policies/} (the dashboard's "rescan"). */
    public ImportReport rescan(AuditEvent by) {
        ImportReport report = policies.importFrom(policiesDir);
        database.inTransaction(session -> auditLog.record(session, by.withAction("policy.rescan")
                .detail("imported " + report.imported() + ", drafts updated " + report.draftsUpdated()
                        + ", refused files " + report.refusedFiles().size() + ", invalid " + report.invalidFolders())));
        return report;
    }

    /** Imports the three uploaded files of one version as a draft (or updates that draft). */
    public ImportReport upload(byte[] metadataJson, Map<Lang, byte[]> texts, AuditEvent by) {
        try {
            return policies.importUpload(metadataJson, texts, by);
        } catch (PolicyImporter.UploadException e) {
            throw new LifecycleException(e.field(), "policy.upload.invalid", e.getMessage());
        }
    }

    private ScheduledRevision schedule(Session session, PolicyVersion version, LocalDate effectiveDate,
                                       String checklistWaiver, AuditEvent by) {
        Instant now = now();
        VersionState state = state(version, now);
        if (state != VersionState.DRAFT && state != VersionState.WITHDRAWN) {
            throw new LifecycleException(null, "policy.schedule.notDraft", version.label(),
                    Messages.resolve(Locale.ENGLISH, state.messageKey()));
        }
        if (effectiveDate == null) {
            throw new LifecycleException("effectiveDate", "policy.schedule.noDate");
        }
        Optional<PolicyVersionInfo> other = policies.list().stream()
                .filter(v -> v.isScheduled(now) && !v.id().equals(version.id())).findFirst();
        if (other.isPresent()) {
            throw new LifecycleException(null, "policy.schedule.otherScheduled", other.get().label());
        }
        PolicyMetadata metadata = PolicyMetadata.parse(version.metadataJson());
        List<CompletenessCheck.Requirement> missing = CompletenessCheck.missing(metadata);
        String waiver = checklistWaiver == null || checklistWaiver.isBlank() ? null : checklistWaiver.strip();
        if (!missing.isEmpty() && waiver == null) {
            throw new LifecycleException("checklistWaiver", "policy.schedule.incomplete", missing);
        }
        if (waiver != null && waiver.length() > MAX_WAIVER_LENGTH) {
            throw new LifecycleException("checklistWaiver", "policy.schedule.waiverTooLong", MAX_WAIVER_LENGTH);
        }
        boolean unfavourable = unfavourable(version, now);
        checkPeriod(version, effectiveDate, unfavourable, now);

        Optional<PolicyVersionInfo> inForce = policies.inForce(now);
        Instant effectiveAt = NoticePeriod.effectiveInstant(effectiveDate);
        NoticeView notice = notices.post(session, revisionNotice(version, metadata, effectiveAt, unfavourable, inForce));
        // The notice's own posting time is the one the period counts from (and the one stored).
        checkPeriod(version, effectiveDate, unfavourable, notice.postedAt());
        version.schedule(notice.postedAt(), effectiveAt, unfavourable, missing.isEmpty() ? null : waiver);
        session.flush();
        auditLog.record(session, by.withAction("policy.scheduled").target("policy_version", version.id())
                .detail("effective " + effectiveDate + ", notice " + notice.id()
                        + (unfavourable ? ", unfavourable: 30 days" : ", 7 days")));
        if (!missing.isEmpty()) {
            auditLog.record(session, by.withAction("policy.checklist-waived").target("policy_version", version.id())
                    .detail("missing " + missing.stream().map(CompletenessCheck.Requirement::key).toList()
                            + "; reason: " + waiver));
        }
        ScheduledRevision revision = new ScheduledRevision(version.id(), version.label(), notice.id(),
                notice.postedAt(), effectiveDate, effectiveAt, unfavourable, version.summaryKo(), version.summaryEn(),
                inForce.map(PolicyVersionInfo::label).orElse(null));
        announcements.scheduled(session, revision);
        policies.reloadAfterTransaction(session);
        return revision;
    }

    private ScheduledRevision withdraw(Session session, PolicyVersion version, AuditEvent by) {
        Instant now = now();
        if (state(version, now) != VersionState.SCHEDULED) {
            throw new LifecycleException(null, "policy.withdraw.notScheduled", version.label());
        }
        LocalDate effectiveDate = version.effectiveAt().atZone(Dates.SEOUL).toLocalDate();
        NoticeView notice = notices.post(session, withdrawalNotice(version, effectiveDate));
        version.withdraw(notice.postedAt());
        session.flush();
        auditLog.record(session, by.withAction("policy.withdrawn").target("policy_version", version.id())
                .detail("was effective " + effectiveDate + ", notice " + notice.id()));
        ScheduledRevision revision = new ScheduledRevision(version.id(), version.label(), notice.id(),
                notice.postedAt(), effectiveDate, version.effectiveAt(), version.unfavourable(), version.summaryKo(),
                version.summaryEn(), policies.inForce(now).map(PolicyVersionInfo::label).orElse(null));
        announcements.withdrawn(session, revision);
        policies.reloadAfterTransaction(session);
        return revision;
    }

    private void checkPeriod(PolicyVersion version, LocalDate effectiveDate, boolean unfavourable, Instant noticeAt) {
        if (effectiveDate == null) {
            throw new LifecycleException("effectiveDate", "policy.schedule.noDate");
        }
        if (!NoticePeriod.allows(noticeAt, effectiveDate, unfavourable)) {
            throw new LifecycleException("effectiveDate",
                    unfavourable ? "policy.schedule.tooSoonUnfavourable" : "policy.schedule.tooSoon",
                    effectiveDate.toString(), NoticePeriod.earliestEffectiveDate(noticeAt, unfavourable).toString());
        }
    }

    /** Marked in its metadata, or detected against the version in force now. */
    private boolean unfavourable(PolicyVersion version, Instant now) {
        PolicyMetadata metadata = PolicyMetadata.parse(version.metadataJson());
        if (metadata.unfavourable() || version.unfavourable()) {
            return true;
        }
        return policies.inForce(now).filter(v -> !v.id().equals(version.id()))
                .map(v -> !UnfavourableChanges.between(v.metadata().facts(), metadata.facts()).isEmpty())
                .orElse(false);
    }

    private static VersionState state(PolicyVersion version, Instant now) {
        if (version.withdrawnAt() != null) {
            return VersionState.WITHDRAWN;
        }
        if (!version.isPublished()) {
            return VersionState.DRAFT;
        }
        return version.effectiveAt().isAfter(now) ? VersionState.SCHEDULED : VersionState.IN_FORCE;
    }

    private PolicyVersion lock(Session session, String label) {
        PolicyVersion found = PolicyQueries.versionByLabel(session, label)
                .orElseThrow(() -> new LifecycleException(null, "policy.manage.unknown", label));
        return session.find(PolicyVersion.class, found.id(), LockModeType.PESSIMISTIC_WRITE);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private NewNotice revisionNotice(PolicyVersion version, PolicyMetadata metadata, Instant effectiveAt,
                                     boolean unfavourable, Optional<PolicyVersionInfo> inForce) {
        return new NewNotice(NoticeKind.REVISION, version.label(),
                revisionText(Lang.KO, "title", version, metadata, effectiveAt, unfavourable, inForce),
                revisionText(Lang.EN, "title", version, metadata, effectiveAt, unfavourable, inForce),
                revisionText(Lang.KO, "body", version, metadata, effectiveAt, unfavourable, inForce),
                revisionText(Lang.EN, "body", version, metadata, effectiveAt, unfavourable, inForce));
    }

    private static String revisionText(Lang lang, String part, PolicyVersion version, PolicyMetadata metadata,
                                       Instant effectiveAt, boolean unfavourable,
                                       Optional<PolicyVersionInfo> inForce) {
        Locale locale = lang.locale();
        String date = Dates.date(effectiveAt, lang);
        if (part.equals("title")) {
            return Messages.resolve(locale, "policy.notice.revision.title", version.label(), date);
        }
        String text = "/" + lang.code() + "/policy/" + version.label();
        StringBuilder body = new StringBuilder()
                .append(Messages.resolve(locale, "policy.notice.revision.intro", version.label(), date)).append("\n\n")
                .append(Messages.resolve(locale, "policy.notice.revision.what")).append("\n\n")
                .append(metadata.summary().in(lang)).append("\n\n")
                .append("- ").append(Messages.resolve(locale, "policy.notice.revision.text", text)).append('\n');
        inForce.ifPresent(from -> body.append("- ").append(Messages.resolve(locale, "policy.notice.revision.redline",
                from.label(), "/" + lang.code() + "/policy/compare?from=" + from.label() + "&to=" + version.label())).append('\n'));
        body.append('\n').append(Messages.resolve(locale, unfavourable
                ? "policy.notice.revision.period.unfavourable" : "policy.notice.revision.period"));
        return body.toString();
    }

    private NewNotice withdrawalNotice(PolicyVersion version, LocalDate effectiveDate) {
        Instant effectiveAt = NoticePeriod.effectiveInstant(effectiveDate);
        return new NewNotice(NoticeKind.WITHDRAWAL, version.label(),
                Messages.resolve(Locale.KOREAN, "policy.notice.withdrawal.title", version.label()),
                Messages.resolve(Locale.ENGLISH, "policy.notice.withdrawal.title", version.label()),
                Messages.resolve(Locale.KOREAN, "policy.notice.withdrawal.body", version.label(),
                        Dates.date(effectiveAt, Lang.KO)),
                Messages.resolve(Locale.ENGLISH, "policy.notice.withdrawal.body", version.label(),
                        Dates.date(effectiveAt, Lang.EN)));
    }
}
