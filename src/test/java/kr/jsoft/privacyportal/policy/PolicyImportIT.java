package kr.jsoft.privacyportal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.jsoft.privacyportal.Settings;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.testing.MutableClock;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.TestDatabase;
import kr.jsoft.privacyportal.web.Dates;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.Markdown;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The import of policies/ against a real database (H2 file, or PostgreSQL with -Ppostgresql). */
class PolicyImportIT {
    private final MutableClock clock = new MutableClock(PortalFixture.START);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private TestDatabase testDatabase;
    private Database database;
    private PolicyService policies;
    private Path folder;

    @BeforeEach
    void openDatabase() throws Exception {
        Path root = Files.createTempDirectory("policy-import");
        testDatabase = TestDatabase.create(root);
        Map<String, String> env = new HashMap<>(testDatabase.settings());
        env.put("PORTAL_DATA_DIR", root.resolve("data").toString());
        env.put("PORTAL_KEY_DIR", root.resolve("keys").toString());
        List<Class<?>> entities = new ArrayList<>(AuditLog.ENTITIES);
        entities.addAll(PolicyService.ENTITIES);
        database = Database.open(Settings.fromEnvironment(env).database(), entities);
        policies = new PolicyService(database, new AuditLog(clock), clock, new Markdown());
        folder = TestPolicies.copy();
        logged.start();
        ((Logger) LoggerFactory.getLogger(PolicyImporter.class)).addAppender(logged);
    }

    @AfterEach
    void closeDatabase() {
        ((Logger) LoggerFactory.getLogger(PolicyImporter.class)).detachAppender(logged);
        database.close();
        testDatabase.close();
    }

    @Test
    void importingTwiceChangesNothingTheSecondTime() {
        ImportReport first = policies.importFrom(folder);
        ImportReport second = policies.importFrom(folder);

        assertThat(first.imported()).containsExactly("2023-09-01", "2027-01-portal");
        assertThat(second.imported()).isEmpty();
        assertThat(second.unchanged()).containsExactly("2023-09-01", "2027-01-portal");
        assertThat(policies.list()).extracting(PolicyVersionInfo::label).containsExactly("2023-09-01", "2027-01-portal");
        assertThat(auditActions()).containsExactly("policy.baseline-imported", "policy.draft-imported");
    }

    @Test
    void eachTextIsStoredWithTheSha256OfItsFile() throws Exception {
        policies.importFrom(folder);

        PolicyVersionInfo baseline = policies.find("2023-09-01").orElseThrow();
        for (Lang lang : Lang.values()) {
            byte[] file = Files.readAllBytes(folder.resolve("2023-09-01").resolve("policy." + lang.code() + ".md"));
            assertThat(baseline.textSha256().get(lang)).isEqualTo(kr.jsoft.privacyportal.crypto.Digests.sha256Hex(file)).hasSize(64);
            assertThat(policies.markdown(baseline, lang)).isEqualTo(new String(file, StandardCharsets.UTF_8));
        }
    }

    @Test
    void theBaselineIsInForceWithoutNoticeAndEveryOtherFolderIsADraft() {
        // Even a folder whose metadata names an effective date is only a draft: only scheduling sets it.
        TestPolicies.addRevision(folder, "2026-10-01", text -> text, "support@jsoft.kr");
        Path metadata = folder.resolve("2026-10-01/metadata.json");
        TestPolicies.write(metadata, TestPolicies.read(metadata).replace("\"baseline\": false", "\"baseline\": true"));

        policies.importFrom(folder);

        PolicyVersionInfo baseline = policies.find("2023-09-01").orElseThrow();
        assertThat(baseline.baseline()).isTrue();
        assertThat(baseline.effectiveAt()).isEqualTo(Dates.startOfDay(java.time.LocalDate.of(2023, 9, 1)));
        assertThat(baseline.noticePostedAt()).isNull();
        assertThat(policies.inForce(clock.instant())).map(PolicyVersionInfo::label).hasValue("2023-09-01");
        assertThat(policies.find("2026-10-01").orElseThrow().effectiveAt()).isNull();
        assertThat(policies.find("2027-01-portal").orElseThrow().effectiveAt()).isNull();
        assertThat(policies.findPublished("2027-01-portal")).isEmpty();
        assertThat(policies.inForce(Dates.startOfDay(java.time.LocalDate.of(2023, 8, 31)))).isEmpty();
    }

    @Test
    void aPublishedVersionWhoseFileChangedIsRefusedAndKeepsItsStoredText() {
        policies.importFrom(folder);
        PolicyVersionInfo before = policies.find("2023-09-01").orElseThrow();
        String published = policies.markdown(before, Lang.EN);
        Path changed = folder.resolve("2023-09-01/policy.en.md");
        TestPolicies.write(changed, published.replace("September 1, 2023", "September 2, 2023"));

        ImportReport report = policies.importFrom(folder);

        assertThat(report.refusedFiles()).containsExactly(changed.toString());
        PolicyVersionInfo after = policies.find("2023-09-01").orElseThrow();
        assertThat(after.textSha256()).isEqualTo(before.textSha256());
        assertThat(policies.markdown(after, Lang.EN)).isEqualTo(published);
        assertThat(logged.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(ch.qos.logback.classic.Level.ERROR);
            assertThat(event.getFormattedMessage()).contains(changed.toString(), "2023-09-01");
        });
    }

    @Test
    void aDraftWhoseFileChangedIsUpdated() {
        policies.importFrom(folder);
        Path draft = folder.resolve("2027-01-portal/policy.ko.md");
        TestPolicies.write(draft, TestPolicies.read(draft) + "\n추가 문장.\n");

        ImportReport report = policies.importFrom(folder);

        assertThat(report.draftsUpdated()).containsExactly("2027-01-portal");
        PolicyVersionInfo version = policies.find("2027-01-portal").orElseThrow();
        assertThat(policies.markdown(version, Lang.KO)).endsWith("추가 문장.\n");
        assertThat(version.textSha256().get(Lang.KO)).isEqualTo(
                kr.jsoft.privacyportal.crypto.Digests.sha256Hex(TestPolicies.read(draft).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rawHtmlInAPolicyTextIsEscapedWhenRendered() {
        TestPolicies.addRevision(folder, "2026-10-01",
                text -> text + "\n<script>alert('policy')</script>\n\n<img src=x onerror=alert(1)>\n", "support@jsoft.kr");
        policies.importFrom(folder);

        PolicyService.RenderedText rendered = policies.render(policies.find("2026-10-01").orElseThrow(), Lang.EN);

        assertThat(rendered.html()).doesNotContain("<script", "<img").contains("&lt;script&gt;", "&lt;img src=x");
    }

    @Test
    void aFolderWithBrokenMetadataIsSkippedAndNamed() {
        TestPolicies.write(folder.resolve("2027-01-portal/metadata.json"), "{ not json");

        ImportReport report = policies.importFrom(folder);

        assertThat(report.invalidFolders()).containsExactly("2027-01-portal");
        assertThat(report.imported()).containsExactly("2023-09-01");
    }

    private List<String> auditActions() {
        return database.fromTransaction(session -> session
                .createSelectionQuery("select action from AuditEntry order by seq", String.class).getResultList());
    }
}
