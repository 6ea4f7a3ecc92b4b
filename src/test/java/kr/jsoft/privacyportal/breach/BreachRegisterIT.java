package kr.jsoft.privacyportal.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.device.PublicJwk;
import kr.jsoft.privacyportal.testing.TestDevice;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import kr.jsoft.privacyportal.web.Dates;
import kr.jsoft.privacyportal.web.Lang;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The duties as the clock and the registry make them (a portal of its own: these incidents stay open
 * and overdue, which would take the home page's clock from the end-to-end test) and the public notice's
 * 30 days on the website.
 */
class BreachRegisterIT {
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final AuditEvent BY = AuditEvent.staff(UUID.randomUUID().toString(), "192.0.2.1", "test");

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder().build();

    private static BreachDesk desk() {
        return portal.server().breach().desk();
    }

    private static WebClient manager() {
        WebClient browser = new StaffAccounts(portal).signedIn(Role.PRIVACY_MANAGER);
        browser.getCookieManager().addCookie(new Cookie("localhost", Lang.COOKIE, "ko"));
        return browser;
    }

    private static String kst(Instant instant) {
        return INPUT.format(instant.atZone(Dates.SEOUL));
    }

    @Test
    void theReportDutyFollowsTheCountOfDevicesInTheWindowAcrossOneThousand() throws Exception {
        // 1,000 devices activated a minute apart, seeded in one transaction, three weeks before now.
        Instant first = portal.clock().instant().minus(Duration.ofDays(20)).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        seedDevices(first, 1000);
        Instant discovered = portal.clock().instant().minus(Duration.ofMinutes(5));
        UUID below = record(discovered, first, first.plus(Duration.ofMinutes(998)));
        UUID above = record(discovered, first, first.plus(Duration.ofMinutes(999)));

        BreachDuties belowDuties = desk().detail(below, BY).orElseThrow().duties();
        assertThat(belowDuties.peopleCounted()).isEqualTo(999);
        assertThat(belowDuties.report()).isFalse();
        BreachDuties aboveDuties = desk().detail(above, BY).orElseThrow().duties();
        assertThat(aboveDuties.peopleCounted()).isEqualTo(1000);
        assertThat(aboveDuties.reportReasons()).containsExactly(BreachDuties.ReportReason.THOUSAND_OR_MORE);

        HtmlPage page = manager().getPage(portal.url("/manager/breach/" + above));
        assertThat(page.getElementById("duty-report").asNormalizedText())
                .contains("개인정보보호위원회 또는 한국인터넷진흥원에 신고해야 합니다", "1천 명 이상");
        assertThat(page.getElementById("duty-count").asNormalizedText()).contains("최소 1,000명");

        // Seventy-three hours after discovery, with the notice unsent, the clock has run out.
        portal.clock().advance(Duration.ofHours(73));
        HtmlPage late = manager().getPage(portal.url("/manager/breach/" + above));
        assertThat(late.getElementById("clock").asNormalizedText()).contains("기한이 1시간 5분 지났습니다");
    }

    @Test
    void aPublicNoticeForPeopleWhoCannotBeReachedStaysThirtyDaysAndIsGoneAfter() {
        UUID id = desk().record(new IncidentForm(kst(portal.clock().instant().minus(Duration.ofHours(1))),
                "앱 이용자 명단 유출(연락처 없음)", List.of("mobile-phone-number"), "UNREACHABLE", "", "", "", "", false,
                false, "300"), BY).id().orElseThrow();
        assertThat(desk().saveNotice(id, BreachIT.PARTS, true, BY).errors()).isEmpty();
        BreachViews.Detail detail = desk().detail(id, BY).orElseThrow();
        UUID noticeId = detail.publicNotice().orElseThrow().noticeId();
        String title = BreachNotice.m(Lang.KO, "breach.notice.title", Dates.date(detail.discoveredAt(), Lang.KO));

        assertThat(portal.get("/ko/notices").body()).contains(title);
        portal.clock().advance(Duration.ofDays(30));
        assertThat(portal.get("/ko/notices").body()).contains(title);
        assertThat(portal.get("/ko/notices/" + noticeId).statusCode()).isEqualTo(200);
        portal.clock().advance(Duration.ofDays(1));
        assertThat(portal.get("/ko/notices").body()).doesNotContain(title);
        assertThat(portal.get("/ko/notices/" + noticeId).statusCode()).isEqualTo(404);
        // The notice the people were sent stays where the device and the mails link to.
        assertThat(portal.get("/ko/breach-notices/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void aDeviceThatNeverFetchesTheNoticeIsCountedUnreachableAndResendQueuesItAgain() {
        TestDevice device = new TestDevice(portal::uri, portal.clock(), PublicJwk.Type.EC_P256, "android")
                .register("010-6022-0001", n -> portal.server()
                        .devices().smsInbox().orElseThrow().latestTo(n).orElseThrow().text());
        UUID id = desk().record(new IncidentForm(kst(portal.clock().instant().minus(Duration.ofMinutes(10))),
                "로그에서 확인한 기기", List.of("push-address"), "DEVICE_LIST", "", "", device.deviceId(), "", false, false,
                ""), BY).id().orElseThrow();
        assertThat(desk().saveNotice(id, BreachIT.PARTS, true, BY).errors()).isEmpty();
        BreachViews.Delivery sent = desk().detail(id, BY).orElseThrow().delivery().orElseThrow();
        assertThat(sent.devicesTargeted()).isEqualTo(1);
        assertThat(sent.waiting()).isEqualTo(1);
        assertThat(sent.allDevicesQueued()).isTrue();

        // Switched off for a month: the NOTIFY expires unconfirmed.
        portal.clock().advance(Duration.ofDays(31));
        portal.server().commands().commands().expireOverdue();
        BreachViews.Delivery expired = desk().detail(id, BY).orElseThrow().delivery().orElseThrow();
        assertThat(expired.unreachable()).isEqualTo(1);
        assertThat(expired.confirmed()).isZero();

        assertThat(desk().resend(id, BY)).isEqualTo(new BreachDesk.Resent(1, 0));
        BreachViews.Delivery resent = desk().detail(id, BY).orElseThrow().delivery().orElseThrow();
        assertThat(resent.waiting()).isEqualTo(1);
        assertThat(resent.unreachable()).isZero();
    }

    private static UUID record(Instant discovered, Instant from, Instant to) {
        BreachDesk.Result result = desk().record(new IncidentForm(kst(discovered), "기기 로그 유출",
                List.of("push-address", "device-details"), "WINDOW", kst(from), kst(to), "", "", false, false, ""), BY);
        assertThat(result.errors()).isEmpty();
        return result.id().orElseThrow();
    }

    private static void seedDevices(Instant first, int count) {
        portal.server().database().inTransaction(session -> session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO device (id, phone_hash, platform, state, app_version, public_key, key_thumbprint,
                      push_kind, push_address, code_attempts, created_at, activated_at, last_check_in_at,
                      push_updated_at) VALUES (?, ?, 'ANDROID', 'ACTIVE', '3.2.1', '{}', ?, 'fcm', 'unused', 0, ?, ?, ?, ?)""")) {
                for (int i = 0; i < count; i++) {
                    Timestamp at = Timestamp.from(first.plus(Duration.ofMinutes(i)));
                    String id = UUID.randomUUID().toString();
                    insert.setObject(1, UUID.fromString(id));
                    insert.setString(2, "seeded-" + id);
                    insert.setString(3, "seeded-" + id);
                    insert.setTimestamp(4, at);
                    insert.setTimestamp(5, at);
                    insert.setTimestamp(6, at);
                    insert.setTimestamp(7, at);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }));
    }

}
