package kr.jsoft.privacyportal.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.jsoft.privacyportal.notice.NoticeService;
import kr.jsoft.privacyportal.notice.NoticeView;
import kr.jsoft.privacyportal.web.Alternates;
import kr.jsoft.privacyportal.web.BadRequestException;
import kr.jsoft.privacyportal.web.Dates;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.Messages;

/**
 * The models of the public policy pages, built from {@link PolicyService} and
 * {@link NoticeService}: what each page shows, worded for one language.
 */
final class PolicyPages {
    private final PolicyService policies;
    private final NoticeService notices;
    private final java.time.Clock clock;
    private final kr.jsoft.privacyportal.remedy.Remedies remedies;
    private volatile State state;

    /** The last {@link #state()} and what it was made of: the same parts give the same string. */
    private record State(String policies, Optional<java.util.UUID> notice, java.time.LocalDate date, String text) {
    }

    public PolicyPages(PolicyService policies, NoticeService notices, java.time.Clock clock,
                       kr.jsoft.privacyportal.remedy.Remedies remedies) {
        this.policies = policies;
        this.notices = notices;
        this.clock = clock;
        this.remedies = remedies;
    }

    /**
     * The cache state of every public page: the version in force (and the published versions),
     * the newest notice and the Seoul date (for countdowns). A page changes only when it does.
     */
    public String state() {
        // Asked on every public page request: the same parts answer the same string, not a new one.
        String policyState = policies.pageState();
        Optional<java.util.UUID> notice = notices.newestId();
        java.time.LocalDate date = clock.instant().atZone(Dates.SEOUL).toLocalDate();
        State last = state;
        if (last != null && last.policies() == policyState && last.notice().equals(notice) && last.date().equals(date)) {
            return last.text();
        }
        String text = policyState + "|notice:" + notice.map(Object::toString).orElse("none") + "|" + date;
        state = new State(policyState, notice, date, text);
        return text;
    }

    /** A published version by label; else 404 (a path) or the 400 page naming the parameter. */
    PolicyVersionInfo published(String label, String parameter, Lang lang) {
        Optional<PolicyVersionInfo> version = policies.findPublished(label);
        if (version.isPresent()) {
            return version.get();
        }
        if (parameter == null) {
            throw new BadRequestException(404, Messages.resolve(lang.locale(), "policy.unknown", label));
        }
        throw new BadRequestException(Messages.resolve(lang.locale(), "policy.compare.unknown", parameter, label));
    }

    Map<String, Object> current(Lang lang) {
        PolicyVersionInfo version = policies.current().orElseThrow(() ->
                new BadRequestException(404, Messages.resolve(lang.locale(), "policy.none")));
        Map<String, Object> model = page(version, lang, "/policy");
        model.put("isCurrentAddress", true);
        return model;
    }

    Map<String, Object> version(PolicyVersionInfo version, Lang lang) {
        return page(version, lang, "/policy/" + version.label());
    }

    private Map<String, Object> page(PolicyVersionInfo version, Lang lang, String path) {
        PolicyService.RenderedText text = policies.render(version, lang);
        Map<String, Object> model = languages(lang, path);
        model.put("pageTitle", text.title() == null ? Messages.resolve(lang.locale(), "policy.title") : text.title());
        model.put("version", version);
        model.put("text", text);
        model.put("status", status(version, lang));
        // A translation says so in one line, naming the language whose text prevails.
        model.put("referenceNote", version.isReferenceTranslation(lang)
                ? Messages.resolve(lang.locale(), "policy.referenceTranslation",
                        Messages.resolve(lang.locale(), "policy.lang." + version.authoritativeLanguage().code()))
                : null);
        model.put("isCurrentAddress", false);
        Instant now = clock.instant();
        model.put("upcomingNote", version.isScheduled(now)
                ? Messages.resolve(lang.locale(), "policy.upcoming.note", Dates.date(version.noticePostedAt(), lang),
                        Dates.date(version.effectiveAt(), lang))
                : null);
        Optional<PolicyVersionInfo> next = upcoming(now).filter(v -> !v.id().equals(version.id()));
        model.put("revisionBanner", next.map(v -> Messages.resolve(lang.locale(), "policy.upcoming.banner",
                Dates.date(v.effectiveAt(), lang), daysUntil(v, now))).orElse(null));
        model.put("revisionBannerLabel", next.map(PolicyVersionInfo::label).orElse(null));
        PolicyService.ArchiveEntry entry = entry(version);
        model.put("previous", entry == null ? null : entry.previous());
        List<NoticeView> newest = notices.newest(1);
        model.put("newestNotice", newest.isEmpty() ? null : newest.get(0));
        model.put("newestNoticeTitle", newest.isEmpty() ? null : newest.get(0).title(lang));
        model.put("newestNoticeTime", newest.isEmpty() ? null : Dates.dateTime(newest.get(0).postedAt(), lang));
        return model;
    }

    /** The next scheduled revision, if any (announced, not withdrawn, not yet in force). */
    Optional<PolicyVersionInfo> upcoming(Instant now) {
        return policies.list().stream().filter(v -> v.isScheduled(now))
                .min(java.util.Comparator.comparing(PolicyVersionInfo::effectiveAt));
    }

    /** Seoul calendar days from today to the effective date (the page cache state holds the Seoul date). */
    static long daysUntil(PolicyVersionInfo version, Instant now) {
        return java.time.temporal.ChronoUnit.DAYS.between(now.atZone(Dates.SEOUL).toLocalDate(),
                version.effectiveAt().atZone(Dates.SEOUL).toLocalDate());
    }

    /** One line on the version's standing: in force since, in force from–until, takes effect on, withdrawn. */
    private String status(PolicyVersionInfo version, Lang lang) {
        Instant now = clock.instant();
        if (version.isWithdrawn()) {
            return Messages.resolve(lang.locale(), "policy.status.withdrawn", Dates.date(version.withdrawnAt(), lang));
        }
        if (version.effectiveAt() == null) {
            return Messages.resolve(lang.locale(), "policy.status.announced");
        }
        String from = Dates.date(version.effectiveAt(), lang);
        if (version.effectiveAt().isAfter(now)) {
            return Messages.resolve(lang.locale(), "policy.status.scheduled", from);
        }
        if (policies.inForce(now).map(v -> v.id().equals(version.id())).orElse(false)) {
            return Messages.resolve(lang.locale(), "policy.status.inForce", from);
        }
        PolicyService.ArchiveEntry entry = entry(version);
        String until = entry == null || entry.until() == null ? "" : Dates.date(entry.until(), lang);
        return Messages.resolve(lang.locale(), "policy.status.superseded", from, until);
    }

    private PolicyService.ArchiveEntry entry(PolicyVersionInfo version) {
        return policies.archive().stream().filter(e -> e.version().id().equals(version.id())).findFirst().orElse(null);
    }

    /** An outside organisation as the contact page shows it. */
    public record Organisation(String name, String website, String websiteUrl, String phone) {
    }

    /** One archive row as the template shows it. */
    public record Row(String label, String from, String until, boolean inForce, boolean scheduled, boolean withdrawn,
                      String previousLabel, String account, java.util.UUID noticeId, String noticeTitle) {
    }

    /**
     * What the public reads about a version: for the baseline a sentence of the message bundle; for
     * a revision what its own notice says changed (published files cannot change, so the notice
     * is the public account); the internal summary and completeness finding stay on the dashboard.
     */
    private Row row(PolicyService.ArchiveEntry e, Optional<PolicyVersionInfo> inForce, Instant now, Lang lang) {
        PolicyVersionInfo version = e.version();
        Optional<NoticeView> notice = notices.forVersion(version.label()).stream()
                .filter(n -> n.kind() == kr.jsoft.privacyportal.notice.NoticeKind.REVISION).findFirst();
        String account = version.metadata().baseline()
                ? Messages.resolve(lang.locale(), "policy.versions.account.baseline")
                : notice.map(n -> whatChanged(n.body(lang), lang))
                        .orElseGet(() -> Messages.resolve(lang.locale(), "policy.versions.account.none"));
        return new Row(version.label(), Dates.date(e.from(), lang), Dates.date(e.until(), lang),
                inForce.map(v -> v.id().equals(version.id())).orElse(false),
                e.from() != null && e.from().isAfter(now), version.isWithdrawn(),
                e.previous() == null ? null : e.previous().label(), account,
                notice.map(NoticeView::id).orElse(null), notice.map(n -> n.title(lang)).orElse(null));
    }

    /** The paragraph under the notice's "what changes and why" heading (its first paragraph if it has none). */
    static String whatChanged(String noticeMarkdown, Lang lang) {
        String heading = Messages.resolve(lang.locale(), "policy.notice.revision.what");
        List<String> paragraphs = java.util.Arrays.stream(noticeMarkdown.replace("\r\n", "\n").split("\n\\s*\n"))
                .map(String::strip).filter(p -> !p.isEmpty()).toList();
        int at = paragraphs.indexOf(heading);
        return at >= 0 && at + 1 < paragraphs.size() ? paragraphs.get(at + 1)
                : paragraphs.isEmpty() ? "" : paragraphs.get(0);
    }

    Map<String, Object> versions(Lang lang) {
        Instant now = clock.instant();
        Optional<PolicyVersionInfo> inForce = policies.inForce(now);
        List<Row> rows = policies.archive().stream().map(e -> row(e, inForce, now, lang)).toList();
        Map<String, Object> model = languages(lang, "/policy/versions");
        model.put("rows", rows);
        return model;
    }

    Map<String, Object> compare(PolicyVersionInfo from, PolicyVersionInfo to, Lang lang) {
        Map<String, Object> model = languages(lang, "/policy/compare?from=" + from.label() + "&to=" + to.label());
        model.put("from", from);
        model.put("to", to);
        model.put("fromDate", Dates.date(from.effectiveAt(), lang));
        model.put("toDate", Dates.date(to.effectiveAt(), lang));
        model.put("redline", policies.compare(from, to, lang));
        model.put("labels", policies.archive().stream().map(e -> e.version().label()).toList());
        return model;
    }

    /**
     * The contact page: the privacy manager of the version in force, the current outside
     * organisations, and, as part of the policy text, the version's own list (it may name bodies
     * that have since moved; the page then says the list above is the current one).
     */
    Map<String, Object> contact(Lang lang) {
        PolicyVersionInfo version = policies.current().orElseThrow(() ->
                new BadRequestException(404, Messages.resolve(lang.locale(), "policy.none")));
        Map<String, Object> model = languages(lang, "/contact");
        model.put("version", version);
        PolicyMetadata.PrivacyOfficer officer = version.metadata().facts().privacyOfficer();
        model.put("officer", officer);
        model.put("officerTitle", officer == null ? null : officer.position().in(lang) + " " + officer.name().in(lang));
        model.put("organisations", remedies.organisations(lang).stream()
                .map(o -> new Organisation(o.name(), o.website(), o.websiteUrl(), o.phone())).toList());
        model.put("policyOrganisations", version.metadata().facts().outsideOrganisations().stream()
                .map(o -> new Organisation(o.name().in(lang), o.website(), o.websiteUrl(), o.phone())).toList());
        model.put("policyListCurrent", CompletenessCheck.outsideOrganisationsCurrent(version.metadata()));
        model.put("section", version.metadata().sections().get("privacyOfficer"));
        return model;
    }

    private static Map<String, Object> languages(Lang lang, String path) {
        return Alternates.of(lang, path);
    }
}
