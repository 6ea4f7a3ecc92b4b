package kr.jsoft.privacyportal.policy;

import jakarta.transaction.Synchronization;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.Markdown;
import org.hibernate.Session;

/**
 * The policy versions: import at start-up, the version in force at any instant, every
 * version by label, rendered texts and redlines. The list of versions (a handful of rows) is
 * kept in memory and reloaded after any change this process commits, and at least every
 * {@link #RELOAD_AFTER_NANOS} so that changes made by another instance show up too.
 */
public final class PolicyService {
    /** The entities of the policy feature, for the composition root. */
    public static final List<Class<?>> ENTITIES = List.of(PolicyVersion.class, PolicyText.class);
    static final long RELOAD_AFTER_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** A version label: the folder name, part of every version's address. */
    static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final Database database;
    private final Clock clock;
    private final Markdown markdown;
    private final PolicyImporter importer;
    private final Map<String, Markdown.Rendered> rendered = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot;
    /** Set while one thread reloads a stale list: the others keep answering from it meanwhile. */
    private final java.util.concurrent.atomic.AtomicBoolean reloading = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile PageState pageState;

    public PolicyService(Database database, AuditLog auditLog, Clock clock, Markdown markdown) {
        this.database = database;
        this.clock = clock;
        this.markdown = markdown;
        this.importer = new PolicyImporter(database, auditLog, clock);
    }

    /** The versions as last loaded, oldest first by label. */
    /** The last {@link #pageState()}, kept while the loaded versions and the version in force stay the same. */
    private record PageState(List<PolicyVersionInfo> versions, Optional<UUID> inForce, String text) {
    }

    private record Snapshot(List<PolicyVersionInfo> versions, long loadedAt) {
    }

    /** A rendered text: the version, its title, HTML body and table of contents. */
    public record RenderedText(PolicyVersionInfo version, Lang lang, String title, String html,
                               List<Markdown.TocEntry> toc) {
    }

    /** A published version in the archive, with the period it was (or will be) in force. */
    public record ArchiveEntry(PolicyVersionInfo version, Instant from, Instant until, PolicyVersionInfo previous) {
    }

    /** Imports {@code policies/} (idempotent); see {@link PolicyImporter}. */
    public ImportReport importFrom(Path policiesDir) {
        ImportReport report = importer.importFrom(policiesDir);
        snapshot = null;
        return report;
    }

    /** Imports one version uploaded in the dashboard; see {@link PolicyImporter#importUpload}. */
    ImportReport importUpload(byte[] metadataJson, Map<Lang, byte[]> texts, kr.jsoft.privacyportal.audit.AuditEvent by) {
        ImportReport report = importer.importUpload(metadataJson, texts, by);
        snapshot = null;
        return report;
    }

    /** The version in force at {@code at}: the newest non-withdrawn version whose effective time has come. */
    public Optional<PolicyVersionInfo> inForce(Instant at) {
        return versions().stream()
                .filter(v -> v.hasTakenEffect(at))
                .max(Comparator.comparing(PolicyVersionInfo::effectiveAt));
    }

    /** The version in force now. */
    public Optional<PolicyVersionInfo> current() {
        return inForce(clock.instant());
    }

    /** Any version, draft or published, by its label. */
    public Optional<PolicyVersionInfo> find(String label) {
        return versions().stream().filter(v -> v.label().equals(label)).findFirst();
    }

    /** A version the public may see (not a draft). */
    public Optional<PolicyVersionInfo> findPublished(String label) {
        return find(label).filter(PolicyVersionInfo::isPublished);
    }

    /** Every version, drafts included, ordered by effective time (drafts last, by label). */
    public List<PolicyVersionInfo> list() {
        return versions().stream()
                .sorted(Comparator.comparing(PolicyVersionInfo::effectiveAt,
                        Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(PolicyVersionInfo::label))
                .toList();
    }

    /**
     * The public archive, newest first: every published version with its period. Withdrawn
     * versions keep their place (and address) but no period.
     */
    public List<ArchiveEntry> archive() {
        List<PolicyVersionInfo> effective = list().stream()
                .filter(v -> v.effectiveAt() != null && !v.isWithdrawn()).toList();
        List<ArchiveEntry> entries = new ArrayList<>();
        for (int k = 0; k < effective.size(); k++) {
            PolicyVersionInfo version = effective.get(k);
            Instant until = k + 1 < effective.size() ? effective.get(k + 1).effectiveAt() : null;
            entries.add(new ArchiveEntry(version, version.effectiveAt(), until, k > 0 ? effective.get(k - 1) : null));
        }
        list().stream().filter(v -> v.isPublished() && v.isWithdrawn())
                .forEach(v -> entries.add(new ArchiveEntry(v, null, null, null)));
        entries.sort(Comparator.comparing((ArchiveEntry e) -> e.version().effectiveAt(),
                Comparator.nullsFirst(Comparator.naturalOrder())).reversed());
        return List.copyOf(entries);
    }

    /** The Markdown of a version in a language. */
    public String markdown(PolicyVersionInfo version, Lang lang) {
        return database.fromTransaction(session -> PolicyQueries.text(session, version.id(), lang.code()))
                .map(PolicyText::markdown)
                .orElseThrow(() -> new IllegalStateException("no " + lang.code() + " text for " + version.label()));
    }

    /** The rendered text, computed once per text (by its SHA-256) and kept. */
    public RenderedText render(PolicyVersionInfo version, Lang lang) {
        String key = version.id() + "/" + lang.code() + "/" + version.textSha256().get(lang);
        Markdown.Rendered html = rendered.computeIfAbsent(key, k -> markdown.render(markdown(version, lang)));
        return new RenderedText(version, lang, html.title(), html.html(), html.toc());
    }

    /** The redline between two versions' texts in one language. */
    public Redline compare(PolicyVersionInfo from, PolicyVersionInfo to, Lang lang) {
        java.util.Locale locale = lang.locale();
        return Redline.between(markdown(from, lang), markdown(to, lang), new Redline.Words(
                kr.jsoft.privacyportal.web.Messages.resolve(locale, "policy.compare.added"),
                kr.jsoft.privacyportal.web.Messages.resolve(locale, "policy.compare.removed"),
                kr.jsoft.privacyportal.web.Messages.resolve(locale, "policy.compare.folded")));
    }

    /**
     * What the public pages depend on from this feature: which version is in force now, and the
     * set of published versions. Changes whenever a page could change.
     */
    public String pageState() {
        // Asked on every public page request: rebuilt only when the versions were reloaded or another took force.
        List<PolicyVersionInfo> versions = versions();
        Optional<UUID> inForce = inForce(clock.instant()).map(PolicyVersionInfo::id);
        PageState last = pageState;
        if (last != null && last.versions() == versions && last.inForce().equals(inForce)) {
            return last.text();
        }
        StringBuilder state = new StringBuilder(inForce.map(UUID::toString).orElse("none"));
        for (PolicyVersionInfo version : versions) {
            if (version.isPublished()) {
                state.append('|').append(version.id()).append(version.effectiveAt()).append(version.withdrawnAt())
                        .append(version.noticePostedAt()).append(version.textSha256());
            }
        }
        PageState built = new PageState(versions, inForce, state.toString());
        pageState = built;
        return built.text();
    }

    /**
     * For other features that change versions in their own transaction (the lifecycle): the
     * in-memory list reloads once that transaction has ended.
     */
    public void reloadAfterTransaction(Session session) {
        session.getTransaction().registerSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                snapshot = null;
            }
        });
    }

    private List<PolicyVersionInfo> versions() {
        Snapshot current = snapshot;
        if (current == null) {
            // Changed by this process (or never loaded): everyone waits for the new list.
            current = new Snapshot(load(), System.nanoTime());
            snapshot = current;
        } else if (System.nanoTime() - current.loadedAt() > RELOAD_AFTER_NANOS && reloading.compareAndSet(false, true)) {
            // Only another instance's changes are pending: one thread reloads, not every page request at once.
            try {
                current = new Snapshot(load(), System.nanoTime());
                snapshot = current;
            } finally {
                reloading.set(false);
            }
        }
        return current.versions();
    }

    private List<PolicyVersionInfo> load() {
        return database.fromTransaction(session -> {
            Map<UUID, Map<Lang, String>> hashes = new HashMap<>();
            for (Object[] row : PolicyQueries.allTextHashes(session)) {
                hashes.computeIfAbsent((UUID) row[0], id -> new EnumMap<>(Lang.class))
                        .put(Lang.parse((String) row[1]).orElseThrow(), (String) row[2]);
            }
            return PolicyQueries.allVersions(session).stream()
                    .map(v -> new PolicyVersionInfo(v.id(), v.label(), v.effectiveAt(), v.noticePostedAt(),
                            v.baseline(), v.withdrawnAt(), Lang.parse(v.authoritativeLanguage()).orElseThrow(),
                            v.unfavourable(), PolicyMetadata.parse(v.metadataJson()),
                            hashes.getOrDefault(v.id(), Map.of()), v.importedAt(), v.checklistWaiver()))
                    .toList();
        });
    }
}
