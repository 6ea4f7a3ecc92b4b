package kr.jsoft.privacyportal.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import kr.jsoft.privacyportal.notice.NoticeKind;
import kr.jsoft.privacyportal.notice.NoticeView;
import kr.jsoft.privacyportal.web.Lang;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Scheduling, withdrawing and postponing revisions against a real database. */
class PolicyLifecycleIT {
    static final String REVISION = "2027-02-neutral";
    private LifecycleHarness harness;
    private PolicyLifecycle lifecycle;

    @BeforeEach
    void openDatabase() throws Exception {
        harness = new LifecycleHarness().neutralRevision(REVISION).importFolder();
        lifecycle = harness.lifecycle;
    }

    @AfterEach
    void closeDatabase() {
        harness.close();
    }

    @Test
    void schedulingSixDaysTwentyThreeHoursAheadIsRefusedNamingTheEarliestDate() {
        harness.clock.set(LifecycleHarness.MIDNIGHT_KST.plus(Duration.ofHours(1)));

        assertThatThrownBy(() -> lifecycle.schedule(REVISION, LocalDate.of(2026, 12, 8), null, LifecycleHarness.MANAGER))
                .isInstanceOfSatisfying(LifecycleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("policy.schedule.tooSoon");
                    assertThat(e.arguments()).containsExactly("2026-12-08", "2026-12-09");
                });
        assertThat(harness.notices.list()).isEmpty();
        assertThat(harness.version(REVISION).isDraft()).isTrue();
        assertThat(harness.announced).isEmpty();
    }

    @Test
    void schedulingExactlySevenDaysAheadPostsTheRevisionNoticeAtOnce() {
        ScheduledRevision revision = lifecycle.schedule(REVISION, LocalDate.of(2026, 12, 8), null,
                LifecycleHarness.MANAGER);

        PolicyVersionInfo version = harness.version(REVISION);
        assertThat(version.effectiveAt()).isEqualTo("2026-12-07T15:00:00Z");
        assertThat(version.noticePostedAt()).isEqualTo(LifecycleHarness.MIDNIGHT_KST);
        assertThat(VersionState.of(version, harness.policies.current(), harness.clock.instant()))
                .isEqualTo(VersionState.SCHEDULED);
        NoticeView notice = harness.notices.list().get(0);
        assertThat(notice.kind()).isEqualTo(NoticeKind.REVISION);
        assertThat(notice.id()).isEqualTo(revision.noticeId());
        assertThat(notice.postedAt()).isEqualTo(version.noticePostedAt());
        assertThat(notice.titleEn()).contains(REVISION, "8 December 2026");
        assertThat(notice.bodyEn()).contains("/en/policy/" + REVISION,
                "/en/policy/compare?from=2023-09-01&to=" + REVISION, "at least 7 days");
        assertThat(notice.bodyKo()).contains("/ko/policy/" + REVISION, "2026년 12월 8일");
        assertThat(harness.announced).containsExactly("scheduled " + REVISION);
        assertThat(revision.redlinePath(Lang.EN)).hasValue("/en/policy/compare?from=2023-09-01&to=" + REVISION);
        assertThat(revision.textPath(Lang.KO)).isEqualTo("/ko/policy/" + REVISION);
        assertThat(revision.summaryEn()).isEqualTo(version.summary(Lang.EN));
        assertThat(harness.auditActions()).contains("notice.posted", "policy.scheduled");
    }

    @Test
    void theVersionInForceSwitchesAtMidnightSeoulTimeAndNotASecondBefore() {
        lifecycle.schedule(REVISION, LocalDate.of(2026, 12, 8), null, LifecycleHarness.MANAGER);
        java.time.Instant effective = harness.version(REVISION).effectiveAt();

        assertThat(harness.policies.inForce(effective.minusSeconds(1))).map(PolicyVersionInfo::label)
                .hasValue("2023-09-01");
        assertThat(harness.policies.inForce(effective)).map(PolicyVersionInfo::label).hasValue(REVISION);
    }

    @Test
    void aRevisionMarkedUnfavourableNeedsThirtyDays() {
        assertThatThrownBy(() -> lifecycle.schedule("2027-01-portal", LocalDate.of(2026, 12, 30), null,
                LifecycleHarness.MANAGER))
                .isInstanceOfSatisfying(LifecycleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("policy.schedule.tooSoonUnfavourable");
                    assertThat(e.arguments()).containsExactly("2026-12-30", "2026-12-31");
                });

        ScheduledRevision revision = lifecycle.schedule("2027-01-portal", LocalDate.of(2026, 12, 31), null,
                LifecycleHarness.MANAGER);

        assertThat(revision.unfavourable()).isTrue();
        assertThat(harness.notices.list().get(0).bodyEn()).contains("at least 30 days");
    }

    @Test
    void anAddedConsigneeIsDetectedAndRaisesTheNoticeToThirtyDays() {
        harness.neutralRevision("2027-03-consignee").editMetadata("2027-03-consignee", json -> json.replace(
                "\"consignees\": []",
                "\"consignees\": [{\"id\": \"mailer\", \"name\": \"Mail Co.\", \"country\": \"KR\", \"en\": \"mail\", \"ko\": \"메일\"}]"))
                .importFolder();
        PolicyLifecycle.Review review = lifecycle.review("2027-03-consignee").orElseThrow();
        assertThat(review.markedUnfavourable()).isFalse();
        assertThat(review.unfavourableChanges()).extracting(UnfavourableChanges.Change::id).containsExactly("mailer");

        assertThatThrownBy(() -> lifecycle.schedule("2027-03-consignee", LocalDate.of(2026, 12, 8), null,
                LifecycleHarness.MANAGER))
                .isInstanceOfSatisfying(LifecycleException.class, e ->
                        assertThat(e.messageKey()).isEqualTo("policy.schedule.tooSoonUnfavourable"));
        lifecycle.schedule("2027-03-consignee", LocalDate.of(2026, 12, 31), null, LifecycleHarness.MANAGER);
        assertThat(harness.version("2027-03-consignee").unfavourable()).isTrue();
    }

    @Test
    void withdrawalPostsItsNoticeAndTheVersionNeverTakesEffect() {
        lifecycle.schedule(REVISION, LocalDate.of(2026, 12, 8), null, LifecycleHarness.MANAGER);
        harness.clock.advance(Duration.ofDays(2));

        ScheduledRevision withdrawn = lifecycle.withdraw(REVISION, LifecycleHarness.MANAGER);

        NoticeView notice = harness.notices.find(withdrawn.noticeId()).orElseThrow();
        assertThat(notice.kind()).isEqualTo(NoticeKind.WITHDRAWAL);
        assertThat(notice.versionLabel()).isEqualTo(REVISION);
        assertThat(notice.bodyEn()).contains("8 December 2026", "withdrawn");
        assertThat(harness.notices.list()).hasSize(2);
        assertThat(harness.announced).containsExactly("scheduled " + REVISION, "withdrawn " + REVISION);
        harness.clock.advance(Duration.ofDays(30));
        assertThat(harness.policies.current()).map(PolicyVersionInfo::label).hasValue("2023-09-01");
        assertThat(VersionState.of(harness.version(REVISION), harness.policies.current(), harness.clock.instant()))
                .isEqualTo(VersionState.WITHDRAWN);
        assertThat(harness.auditActions()).contains("policy.withdrawn");
    }

    @Test
    void postponingNeedsTheFullPeriodAgainFromTheNewNotice() {
        lifecycle.schedule(REVISION, LocalDate.of(2026, 12, 8), null, LifecycleHarness.MANAGER);
        harness.clock.advance(Duration.ofDays(3));

        assertThatThrownBy(() -> lifecycle.postpone(REVISION, LocalDate.of(2026, 12, 9), null, LifecycleHarness.MANAGER))
                .isInstanceOfSatisfying(LifecycleException.class, e ->
                        assertThat(e.arguments()).containsExactly("2026-12-09", "2026-12-11"));
        assertThat(harness.notices.list()).hasSize(1);

        lifecycle.postpone(REVISION, LocalDate.of(2026, 12, 11), null, LifecycleHarness.MANAGER);

        assertThat(harness.notices.list()).extracting(NoticeView::kind)
                .containsExactlyInAnyOrder(NoticeKind.REVISION, NoticeKind.WITHDRAWAL, NoticeKind.REVISION);
        PolicyVersionInfo version = harness.version(REVISION);
        assertThat(version.noticePostedAt()).isEqualTo(LifecycleHarness.MIDNIGHT_KST.plus(Duration.ofDays(3)));
        assertThat(version.effectiveAt()).isEqualTo("2026-12-10T15:00:00Z");
        assertThat(version.isWithdrawn()).isFalse();
    }

    @Test
    void aMissingMandatorySectionBlocksSchedulingUntilAReasonIsRecorded() {
        TestPolicies.addRevision(harness.folder, "2027-04-incomplete", text -> text + "\nMore.\n", "support@jsoft.kr");
        harness.importFolder();

        assertThatThrownBy(() -> lifecycle.schedule("2027-04-incomplete", LocalDate.of(2026, 12, 8), " ",
                LifecycleHarness.MANAGER))
                .isInstanceOfSatisfying(LifecycleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("policy.schedule.incomplete");
                    assertThat(e.field()).isEqualTo("checklistWaiver");
                    assertThat((java.util.List<Object>) e.arguments().get(0)).contains(CompletenessCheck.Requirement.SAFETY_MEASURES,
                            CompletenessCheck.Requirement.AUTOMATIC_COLLECTION);
                });

        lifecycle.schedule("2027-04-incomplete", LocalDate.of(2026, 12, 8), "Typo fix only; full revision follows",
                LifecycleHarness.MANAGER);

        assertThat(harness.version("2027-04-incomplete").checklistWaiver()).isEqualTo("Typo fix only; full revision follows");
        assertThat(harness.auditActions()).contains("policy.checklist-waived");
    }

    @Test
    void aChangedFileOfAScheduledVersionIsRefusedAndTheStoredTextKept() {
        lifecycle.schedule(REVISION, LocalDate.of(2026, 12, 8), null, LifecycleHarness.MANAGER);
        String stored = harness.policies.markdown(harness.version(REVISION), Lang.EN);
        Path file = harness.folder.resolve(REVISION).resolve("policy.en.md");
        TestPolicies.write(file, stored + "\nA silent change.\n");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger logger = (Logger) LoggerFactory.getLogger(PolicyImporter.class);
        logger.addAppender(logged);
        try {
            ImportReport report = lifecycle.rescan(LifecycleHarness.MANAGER);

            assertThat(report.refusedFiles()).containsExactly(file.toString());
        } finally {
            logger.detachAppender(logged);
        }
        assertThat(harness.policies.markdown(harness.version(REVISION), Lang.EN)).isEqualTo(stored);
        assertThat(logged.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).contains(file.toString(), REVISION);
        });
    }

    @Test
    void onlyOneRevisionIsScheduledAtATimeAndAScheduledOneIsNotScheduledTwice() {
        harness.neutralRevision("2027-05-other").importFolder();
        lifecycle.schedule(REVISION, LocalDate.of(2026, 12, 8), null, LifecycleHarness.MANAGER);

        assertThatThrownBy(() -> lifecycle.schedule(REVISION, LocalDate.of(2026, 12, 20), null, LifecycleHarness.MANAGER))
                .isInstanceOfSatisfying(LifecycleException.class, e ->
                        assertThat(e.messageKey()).isEqualTo("policy.schedule.notDraft"));
        assertThatThrownBy(() -> lifecycle.schedule("2027-05-other", LocalDate.of(2026, 12, 20), null,
                LifecycleHarness.MANAGER))
                .isInstanceOfSatisfying(LifecycleException.class, e ->
                        assertThat(e.messageKey()).isEqualTo("policy.schedule.otherScheduled"));
    }

    @Test
    void thePortalsOwnDraftPassesTheChecklistIsFlaggedUnfavourableAndStaysADraft() {
        PolicyLifecycle.Review review = lifecycle.review("2027-01-portal").orElseThrow();

        assertThat(review.state()).isEqualTo(VersionState.DRAFT);
        assertThat(review.complete()).isTrue();
        assertThat(review.unfavourable()).isTrue();
        assertThat(review.unfavourableChanges()).extracting(UnfavourableChanges.Change::kind)
                .contains(UnfavourableChanges.Kind.ITEM_ADDED, UnfavourableChanges.Kind.PURPOSE_ADDED,
                        UnfavourableChanges.Kind.CONSIGNEE_ADDED);
        assertThat(review.earliestEffectiveDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(harness.version("2027-01-portal").effectiveAt()).isNull();
    }
}
