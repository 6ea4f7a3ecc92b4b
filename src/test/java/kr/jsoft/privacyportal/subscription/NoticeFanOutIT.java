package kr.jsoft.privacyportal.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import kr.jsoft.privacyportal.testing.MailTestbed;
import kr.jsoft.privacyportal.web.Lang;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Revision notices fanned out to subscribers, through the outbox, into a real SMTP server. */
class NoticeFanOutIT {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    @TempDir
    Path dir;
    private MailTestbed bed;
    private NoticeSubscriptions subscriptions;
    private NoticeMailer mailer;

    @BeforeEach
    void start() {
        bed = new MailTestbed(dir);
        subscriptions = new NoticeSubscriptions(bed.database, bed.outbox, bed.rateLimiter, bed.auditLog, bed.cipher,
                new SecretKeySpec(new byte[32], "HmacSHA256"), new SecureRandom(), bed.clock, bed.erasureJournal);
        bed.erasureJournal.register(NoticeSubscriptions.ERASURE_KIND,
                kr.jsoft.privacyportal.erasure.ErasureJournal.Eraser.inBatches(subscriptions::eraseAgain));
        mailer = new NoticeMailer(bed.outbox, bed.auditLog, bed.clock);
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    private void subscriber(String email, Lang lang, boolean confirmed) {
        bed.database.inTransaction(session -> {
            NoticeSubscriber subscriber = new NoticeSubscriber(subscriptions.keys().emailHash(email),
                    bed.cipher.sealText(email, NoticeSubscriptions.EMAIL), lang.code(), bed.clock.instant());
            if (confirmed) {
                subscriber.confirm(bed.clock.instant());
            }
            session.persist(subscriber);
        });
    }

    private static RevisionNotice notice(String id, LocalDate effective) {
        return new RevisionNotice(id, effective,
                Map.of(Lang.KO, "2027년 1월 개정", Lang.EN, "January 2027 revision"),
                Map.of(Lang.KO, "보관 기간이 줄어듭니다.", Lang.EN, "Records are kept for a shorter time."),
                Map.of(Lang.KO, "/ko/policy/" + id, Lang.EN, "/en/policy/" + id),
                Map.of(Lang.KO, "/ko/policy/" + id + "/changes", Lang.EN, "/en/policy/" + id + "/changes"));
    }

    private NoticeFanOut fanOut(int pageSize, NoticeFanOut.PageHook hook) {
        return new NoticeFanOut(bed.database, bed.outbox, subscriptions, bed.auditLog, bed.clock, pageSize, hook);
    }

    @Test
    void aFanOutCutShortByACrashResumesWithoutResendingToThoseAlreadyDone() {
        for (int i = 0; i < 7; i++) {
            subscriber("s" + i + "@example.com", i % 2 == 0 ? Lang.EN : Lang.KO, true);
        }
        subscriber("pending@example.com", Lang.EN, false);
        bed.database.inTransaction(s -> mailer.revisionScheduled(s, notice("2027-01", LocalDate.of(2027, 1, 1))));

        assertThatThrownBy(() -> fanOut(3, page -> {
            if (page == 2) {
                throw new SimulatedCrash();
            }
        }).runDue()).isInstanceOf(SimulatedCrash.class);
        assertThat(fanOut(3, page -> { }).runDue()).as("the crashed run's lease holds").isZero();
        bed.clock.advance(NoticeFanOut.LEASE);
        assertThat(fanOut(3, page -> { }).runDue()).isEqualTo(4);
        bed.dispatcher().dispatchUntilIdle();

        assertThat(bed.received()).extracting(NoticeFanOutIT::recipient).containsExactlyInAnyOrder(
                "s0@example.com", "s1@example.com", "s2@example.com", "s3@example.com", "s4@example.com",
                "s5@example.com", "s6@example.com");
    }

    /**
     * Stands for the process dying in the middle of a page: the database rolls the open
     * transaction back, exactly as it does when the connection of a dead process drops.
     */
    static final class SimulatedCrash extends RuntimeException {
    }

    @Test
    void everyNoticeMailCarriesOneClickUnsubscribeHeadersAndTheLinksInTheSubscribersLanguage() throws Exception {
        subscriber("minji@example.kr", Lang.KO, true);
        bed.database.inTransaction(s -> mailer.revisionScheduled(s, notice("2027-01", LocalDate.of(2027, 1, 1))));

        fanOut(500, page -> { }).runDue();
        bed.dispatcher().dispatchUntilIdle();

        MimeMessage mail = bed.received().get(0);
        String unsubscribe = mail.getHeader("List-Unsubscribe")[0];
        assertThat(unsubscribe).matches("<https://privacy\\.example\\.kr/unsubscribe/[A-Za-z0-9_-]{32}>");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.getSubject()).isEqualTo("개인정보 처리방침 변경 예정 안내: 2027년 1월 개정");
        Map<String, String> parts = MailTestbed.parts(mail);
        assertThat(parts.get("text")).contains("2027년 1월 1일", "보관 기간이 줄어듭니다.",
                "https://privacy.example.kr/ko/policy/2027-01", "https://privacy.example.kr/ko/policy/2027-01/changes",
                unsubscribe.substring(1, unsubscribe.length() - 1));
        assertThat(parts.get("html")).contains("href=\"https://privacy.example.kr/ko/policy/2027-01/changes\"");
        String token = unsubscribe.substring(unsubscribe.lastIndexOf('/') + 1, unsubscribe.length() - 1);
        assertThat(subscriptions.unsubscribe(token)).isTrue();
        assertThat(subscriptions.unsubscribe(token)).as("idempotent").isFalse();
    }

    @Test
    void theMailsOfOneFanOutDifferOnlyByEachSubscribersOwnUnsubscribeLink() throws Exception {
        for (int i = 0; i < 3; i++) {
            subscriber("same" + i + "@example.com", Lang.EN, true);
        }
        bed.database.inTransaction(s -> mailer.revisionScheduled(s, notice("2027-01", LocalDate.of(2027, 1, 1))));

        fanOut(500, page -> { }).runDue();
        bed.dispatcher().dispatchUntilIdle();

        assertThat(bed.received()).hasSize(3);
        java.util.Set<String> texts = new java.util.HashSet<>();
        java.util.Set<String> htmls = new java.util.HashSet<>();
        java.util.Set<String> links = new java.util.HashSet<>();
        for (MimeMessage mail : bed.received()) {
            String header = mail.getHeader("List-Unsubscribe")[0];
            String link = header.substring(1, header.length() - 1);
            Map<String, String> parts = MailTestbed.parts(mail);
            assertThat(parts.get("text")).contains(link);
            assertThat(parts.get("html")).contains("href=\"" + link + "\"");
            links.add(link);
            texts.add(parts.get("text").replace(link, "LINK"));
            htmls.add(parts.get("html").replace(link, "LINK"));
        }
        assertThat(links).hasSize(3);
        assertThat(texts).hasSize(1);
        assertThat(htmls).hasSize(1);
    }

    @Test
    void theReminderGoesOutOnTheEffectiveDateInSeoul() throws Exception {
        subscriber("alex@example.com", Lang.EN, true);
        LocalDate effective = LocalDate.of(2026, 12, 10);
        bed.database.inTransaction(s -> mailer.revisionScheduled(s, notice("2026-12", effective)));
        fanOut(500, page -> { }).runDue();
        bed.dispatcher().dispatchUntilIdle();
        assertThat(bed.received()).hasSize(1);

        bed.clock.set(LocalDateTime.of(2026, 12, 10, 8, 59).atZone(SEOUL).toInstant());
        assertThat(fanOut(500, page -> { }).runDue()).isZero();
        bed.clock.set(LocalDateTime.of(2026, 12, 10, 9, 0).atZone(SEOUL).toInstant());
        assertThat(fanOut(500, page -> { }).runDue()).isEqualTo(1);
        bed.dispatcher().dispatchUntilIdle();

        assertThat(bed.received()).hasSize(2);
        assertThat(bed.received().get(1).getSubject()).isEqualTo("The privacy policy changes today: January 2027 revision");
        assertThat(bed.received().get(1).getSentDate().toInstant().atZone(SEOUL).toLocalDate()).isEqualTo(effective);
    }

    @Test
    void aWithdrawalCancelsTheReminderAndIsMailedAtOnce() throws Exception {
        subscriber("alex@example.com", Lang.EN, true);
        RevisionNotice notice = notice("2026-12", LocalDate.of(2026, 12, 10));
        bed.database.inTransaction(s -> mailer.revisionScheduled(s, notice));
        bed.database.inTransaction(s -> mailer.revisionScheduled(s, notice));
        fanOut(500, page -> { }).runDue();

        bed.database.inTransaction(s -> mailer.revisionWithdrawn(s, notice));
        fanOut(500, page -> { }).runDue();
        bed.clock.set(LocalDateTime.of(2026, 12, 10, 9, 0).atZone(SEOUL).toInstant());
        assertThat(fanOut(500, page -> { }).runDue()).isZero();
        bed.dispatcher().dispatchUntilIdle();

        assertThat(bed.received()).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "The privacy policy will change: January 2027 revision",
                "Withdrawn: the announced change to the privacy policy (January 2027 revision)");
    }

    static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

}
