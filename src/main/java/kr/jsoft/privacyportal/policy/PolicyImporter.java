package kr.jsoft.privacyportal.policy;

import kr.jsoft.privacyportal.crypto.Digests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.web.Dates;
import kr.jsoft.privacyportal.web.Lang;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports {@code policies/<label>/} folders idempotently. A new folder becomes a draft (only
 * the baseline goes straight into force); a draft whose files changed is updated; a published
 * version whose files changed is refused, with an error naming the file, and keeps its stored
 * text: a published text is immutable (policies/README.md).
 */
final class PolicyImporter {
    static final String METADATA = "metadata.json";
    private static final Logger log = LoggerFactory.getLogger(PolicyImporter.class);

    private final Database database;
    private final AuditLog auditLog;
    private final Clock clock;

    PolicyImporter(Database database, AuditLog auditLog, Clock clock) {
        this.database = database;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The files of one folder as read from disk. */
    private record Folder(Path dir, String label, PolicyMetadata metadata, String metadataJson,
                          String metadataSha256, Map<Lang, String> texts, Map<Lang, String> hashes) {
    }

    ImportReport importFrom(Path policiesDir) {
        Report report = new Report();
        if (!Files.isDirectory(policiesDir)) {
            log.warn("Policy folder {} does not exist: no policy versions imported (setting PORTAL_POLICIES_DIR)",
                    policiesDir);
            return report.build();
        }
        List<Path> folders;
        try (Stream<Path> list = Files.list(policiesDir)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list policy folder " + policiesDir, e);
        }
        for (Path dir : folders) {
            read(dir, report).ifPresent(folder -> database.inTransaction(session ->
                    store(session, folder, report, AuditEvent.system("policy.import"))));
        }
        log.info("Policy import from {}: imported {}, unchanged {}, drafts updated {}, refused files {}",
                policiesDir, report.imported, report.unchanged, report.draftsUpdated, report.refusedFiles);
        return report.build();
    }

    private Optional<Folder> read(Path dir, Report report) {
        String label = dir.getFileName().toString();
        Path metadataFile = dir.resolve(METADATA);
        try {
            String json = Files.readString(metadataFile, StandardCharsets.UTF_8);
            PolicyMetadata metadata = PolicyMetadata.parse(json);
            if (!label.equals(metadata.label())) {
                throw new IllegalArgumentException("label '" + metadata.label() + "' differs from the folder name");
            }
            Map<Lang, String> texts = new LinkedHashMap<>();
            Map<Lang, String> hashes = new LinkedHashMap<>();
            for (Lang lang : Lang.values()) {
                byte[] bytes = Files.readAllBytes(dir.resolve(textFile(lang)));
                texts.put(lang, new String(bytes, StandardCharsets.UTF_8));
                hashes.put(lang, Digests.sha256Hex(bytes));
            }
            return Optional.of(new Folder(dir, label, metadata, json,
                    Digests.sha256Hex(json.getBytes(StandardCharsets.UTF_8)), texts, hashes));
        } catch (IOException | IllegalArgumentException e) {
            log.error("Policy folder {} not imported: {}", dir, e.getMessage());
            report.invalidFolders.add(label);
            return Optional.empty();
        }
    }

    /** Why an uploaded version was not taken, per form field ({@code metadata}, {@code ko}, {@code en}). */
    static final class UploadException extends RuntimeException {
        private final String field;

        UploadException(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    /**
     * Imports the three files of one version uploaded in the dashboard, like a folder of
     * {@code policies/}: a new label becomes a draft, a draft is updated, a published version
     * is refused (its text never changes). {@code by} is the staff member's audit event.
     */
    ImportReport importUpload(byte[] metadataJson, Map<Lang, byte[]> texts, AuditEvent by) {
        String json = utf8(metadataJson, "metadata");
        PolicyMetadata metadata;
        try {
            metadata = PolicyMetadata.parse(json);
        } catch (IllegalArgumentException e) {
            throw new UploadException("metadata", e.getMessage());
        }
        if (!PolicyService.LABEL.matcher(metadata.label()).matches()) {
            throw new UploadException("metadata", "label '" + metadata.label()
                    + "' must be 1 to 100 letters, digits, dots, hyphens or underscores");
        }
        Map<Lang, String> text = new LinkedHashMap<>();
        Map<Lang, String> hashes = new LinkedHashMap<>();
        for (Lang lang : Lang.values()) {
            byte[] bytes = texts.get(lang);
            String markdown = utf8(bytes, lang.code());
            if (markdown.isBlank()) {
                throw new UploadException(lang.code(), textFile(lang) + " is empty");
            }
            text.put(lang, markdown);
            hashes.put(lang, Digests.sha256Hex(bytes));
        }
        Folder folder = new Folder(Path.of("upload", metadata.label()), metadata.label(), metadata, json,
                Digests.sha256Hex(metadataJson), text, hashes);
        Report report = new Report();
        database.inTransaction(session -> store(session, folder, report, by));
        return report.build();
    }

    private static String utf8(byte[] bytes, String field) {
        if (bytes == null || bytes.length == 0) {
            throw new UploadException(field, "the file is missing or empty");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new UploadException(field, "the file is not UTF-8 text");
        }
    }

    static String textFile(Lang lang) {
        return "policy." + lang.code() + ".md";
    }

    private void store(Session session, Folder folder, Report report, AuditEvent by) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<PolicyVersion> existing = PolicyQueries.versionByLabelForUpdate(session, folder.label());
        if (existing.isEmpty()) {
            create(session, folder, now, by);
            report.imported.add(folder.label());
            return;
        }
        PolicyVersion version = existing.get();
        Map<String, PolicyText> stored = new LinkedHashMap<>();
        PolicyQueries.texts(session, version.id()).forEach(t -> stored.put(t.lang(), t));
        List<Path> changed = new ArrayList<>();
        if (!folder.metadataSha256().equals(version.metadataSha256())) {
            changed.add(folder.dir().resolve(METADATA));
        }
        for (Lang lang : Lang.values()) {
            PolicyText text = stored.get(lang.code());
            if (text == null || !text.sha256().equals(folder.hashes().get(lang))) {
                changed.add(folder.dir().resolve(textFile(lang)));
            }
        }
        if (changed.isEmpty()) {
            report.unchanged.add(folder.label());
            return;
        }
        if (version.isPublished()) {
            for (Path file : changed) {
                log.error("Policy file {} changed after version {} was published: not imported; the stored text"
                        + " stays in force (a correction is a new version folder)", file, folder.label());
                report.refusedFiles.add(file.toString());
            }
            return;
        }
        version.describe(folder.metadata(), folder.metadataJson(), folder.metadataSha256(), now);
        for (Lang lang : Lang.values()) {
            PolicyText text = stored.get(lang.code());
            if (text == null) {
                session.persist(new PolicyText(UUID.randomUUID(), version.id(), lang.code(),
                        folder.texts().get(lang), folder.hashes().get(lang)));
            } else {
                text.replace(folder.texts().get(lang), folder.hashes().get(lang));
            }
        }
        auditLog.record(session, by.withAction("policy.draft-updated").target("policy_version", version.id()));
        log.info("Policy draft {} updated from changed files {}", folder.label(), changed);
        report.draftsUpdated.add(folder.label());
    }

    private void create(Session session, Folder folder, Instant now, AuditEvent by) {
        PolicyMetadata metadata = folder.metadata();
        Instant effectiveAt = null;
        // The baseline predates the portal: it goes straight into force without a notice period,
        // and only while nothing has been published. Any other folder is a draft, whatever its
        // metadata says: only the lifecycle may schedule a version.
        if (metadata.baseline() && metadata.effectiveDate() != null && !PolicyQueries.anyPublished(session)) {
            effectiveAt = Dates.startOfDay(metadata.effectiveDate());
        } else if (metadata.baseline() || metadata.effectiveDate() != null) {
            log.warn("Policy {} imported as a draft: its effective date is set only when it is scheduled",
                    folder.label());
        }
        PolicyVersion version = new PolicyVersion(UUID.randomUUID(), folder.label(), effectiveAt,
                effectiveAt != null, now);
        version.describe(metadata, folder.metadataJson(), folder.metadataSha256(), now);
        session.persist(version);
        for (Lang lang : Lang.values()) {
            session.persist(new PolicyText(UUID.randomUUID(), version.id(), lang.code(), folder.texts().get(lang),
                    folder.hashes().get(lang)));
        }
        AuditEvent event = by.withAction(effectiveAt != null ? "policy.baseline-imported" : "policy.draft-imported")
                .target("policy_version", version.id());
        auditLog.record(session, effectiveAt != null
                ? event.detail(PolicyIntegrity.sealDetail(session, version).strip()) : event);
    }

    private static final class Report {
        final List<String> imported = new ArrayList<>();
        final List<String> unchanged = new ArrayList<>();
        final List<String> draftsUpdated = new ArrayList<>();
        final List<String> refusedFiles = new ArrayList<>();
        final List<String> invalidFolders = new ArrayList<>();

        ImportReport build() {
            return new ImportReport(List.copyOf(imported), List.copyOf(unchanged), List.copyOf(draftsUpdated),
                    List.copyOf(refusedFiles), List.copyOf(invalidFolders));
        }
    }
}
