package kr.jsoft.privacyportal.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import kr.jsoft.privacyportal.testing.MailTestbed;
import kr.jsoft.privacyportal.testing.RefusingRelay;
import kr.jsoft.privacyportal.web.Lang;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox and its dispatcher against a real database and a real SMTP server (GreenMail). */
class OutboxIT {
    @TempDir
    Path dir;
    private MailTestbed bed;

    @BeforeEach
    void start() {
        bed = new MailTestbed(dir);
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    private UUID enqueueConfirmation(String to, Lang lang) {
        return bed.database.fromTransaction(session -> bed.outbox.enqueue(session,
                OutgoingMail.to(to, lang, "mail/subscription-confirm")
                        .withSecretLink("confirmUrl", "/" + lang.code() + "/notices/subscribe/confirm/secret-token-123")
                        .with("validHours", "48")));
    }

    @Test
    void mailArrivesWithTextAndHtmlPartsInTheRecipientsLanguageWithAbsoluteLinks() throws Exception {
        UUID korean = enqueueConfirmation("minji@example.kr", Lang.KO);
        enqueueConfirmation("alex@example.com", Lang.EN);

        bed.dispatcher().dispatchUntilIdle();

        assertThat(bed.received()).hasSize(2);
        MimeMessage ko = bed.received().stream().filter(m -> recipient(m).equals("minji@example.kr")).findFirst().orElseThrow();
        Map<String, String> parts = MailTestbed.parts(ko);
        assertThat(parts.get("type")).startsWith("multipart/alternative");
        assertThat(ko.getSubject()).isEqualTo("개인정보 처리방침 공지 구독을 확인해 주세요");
        assertThat(ko.getHeader("Content-Language")[0]).isEqualTo("ko");
        assertThat(ko.getMessageID()).isEqualTo("<" + korean + "@privacy.example.kr>");
        assertThat(ko.getFrom()[0].toString()).isEqualTo("privacy@privacy.example.kr");
        assertThat(parts.get("text")).contains("확인하려면")
                .contains("https://privacy.example.kr/ko/notices/subscribe/confirm/secret-token-123")
                .doesNotStartWith("개인정보 처리방침 공지 구독을 확인해 주세요");
        assertThat(parts.get("html")).contains("href=\"https://privacy.example.kr/ko/notices/subscribe/confirm/secret-token-123\"")
                .contains("lang=\"ko\"");
        MimeMessage en = bed.received().stream().filter(m -> recipient(m).equals("alex@example.com")).findFirst().orElseThrow();
        assertThat(en.getSubject()).isEqualTo("Please confirm your subscription to privacy notices");
        assertThat(MailTestbed.parts(en).get("text")).contains("The link works for 48 hours.");
    }

    @Test
    void aRolledBackTransactionSendsNothing() {
        assertThatThrownBy(() -> bed.database.inTransaction(session -> {
            bed.outbox.enqueue(session, OutgoingMail.to("someone@example.com", Lang.EN, "mail/subscription-confirm")
                    .with("confirmUrl", "/x").with("validHours", "48"));
            throw new IllegalStateException("the action failed after the mail was written");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(bed.dispatcher().dispatchUntilIdle()).isZero();
        assertThat(bed.received()).isEmpty();
    }

    @Test
    void whileSmtpIsDownMailWaitsAndAfterRecoveryAllArrivesOnceEach() {
        for (int i = 0; i < 3; i++) {
            enqueueConfirmation("person" + i + "@example.com", Lang.EN);
        }
        MailDispatcher dispatcher = bed.dispatcher();
        bed.stopSmtp();

        MailDispatcher.BatchResult down = dispatcher.dispatchOnce();
        assertThat(down.sent()).isZero();
        assertThat(states()).containsOnly(MailState.PENDING);
        assertThat(dispatcher.dispatchOnce().total()).as("waiting for the relay, not hammering").isZero();

        bed.startSmtp();
        bed.clock.advance(MailDispatcher.PROBE_EVERY);
        assertThat(dispatcher.probeRelayIfDue()).isEqualTo(3);
        dispatcher.dispatchUntilIdle();

        assertThat(bed.received()).extracting(OutboxIT::recipient)
                .containsExactlyInAnyOrder("person0@example.com", "person1@example.com", "person2@example.com");
        assertThat(states()).containsOnly(MailState.SENT);
        assertThat(dispatcher.dispatchUntilIdle()).isZero();
    }

    @Test
    void aLongOutageConsumesNoAttemptsAndAllWaitingMailIsDueOnceTheRelayAnswers() {
        bed.close();
        bed = new MailTestbed(dir.resolve("outage"), Map.of("PORTAL_MAIL_MAX_ATTEMPTS", "2"));
        for (int i = 0; i < 3; i++) {
            enqueueConfirmation("patient" + i + "@example.com", Lang.EN);
        }
        MailDispatcher dispatcher = bed.dispatcher();
        bed.stopSmtp();

        // Twelve hours down: every waiting mail is tried (and probed for) again and again.
        for (int hour = 0; hour < 12; hour++) {
            dispatcher.dispatchUntilIdle();
            assertThat(dispatcher.probeRelayIfDue()).isZero();
            bed.clock.advance(MailDispatcher.RELAY_WAIT_LIMIT);
        }
        assertThat(states()).containsOnly(MailState.PENDING);
        assertThat(attempts()).containsOnly(0);

        bed.startSmtp();
        bed.clock.advance(MailDispatcher.PROBE_EVERY);
        assertThat(dispatcher.probeRelayIfDue()).as("every waiting mail, due now").isEqualTo(3);
        dispatcher.dispatchUntilIdle();

        assertThat(bed.received()).hasSize(3);
        assertThat(states()).containsOnly(MailState.SENT);
    }

    @Test
    void theRelayIsAskedAtMostOncePerProbeInterval() {
        enqueueConfirmation("waiting@example.com", Lang.EN);
        MailDispatcher dispatcher = bed.dispatcher();
        bed.stopSmtp();
        dispatcher.dispatchOnce();
        assertThat(dispatcher.probeRelayIfDue()).isZero();

        bed.startSmtp();
        assertThat(dispatcher.probeRelayIfDue()).as("asked a moment ago").isZero();
        bed.clock.advance(MailDispatcher.PROBE_EVERY);
        assertThat(dispatcher.probeRelayIfDue()).isEqualTo(1);
        dispatcher.dispatchUntilIdle();
        assertThat(bed.received()).hasSize(1);
    }

    @Test
    void aBatchSentWhileThePoolIsExhaustedIsMarkedSentOnRetryInsteadOfResent() throws Exception {
        enqueueConfirmation("starved@example.com", Lang.EN);
        java.util.List<java.sql.Connection> held = new java.util.ArrayList<>();
        MailDispatcher starved = new MailDispatcher(bed.database, bed.outbox, bed.view, bed.transport, bed.settings,
                bed.baseUrl, bed.auditLog, bed.clock, bed.random, new MailDispatcher.AfterSend() {
                    @Override
                    public void sent(UUID mailId) {
                        // Every pooled connection taken by others: the mark cannot get one in time.
                        try {
                            for (int i = 0; i < 10; i++) {
                                held.add(bed.database.dataSource().getConnection());
                            }
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }

                    @Override
                    public void markFailed(int attempt) {
                        for (java.sql.Connection connection : held) {
                            try {
                                connection.close();
                            } catch (java.sql.SQLException ignored) {
                                // returned to the pool either way
                            }
                        }
                    }
                });

        assertThat(starved.dispatchOnce().sent()).isEqualTo(1);

        assertThat(states()).containsExactly(MailState.SENT);
        bed.clock.advance(MailDispatcher.LEASE.plusMinutes(1));
        bed.dispatcher().dispatchUntilIdle();
        assertThat(bed.received()).as("not sent again after the lease").hasSize(1);
    }

    @Test
    void aCrashBetweenSendingAndMarkingSentResendsOnceWithTheSameMessageId() throws Exception {
        UUID id = enqueueConfirmation("once@example.com", Lang.EN);
        AtomicBoolean crash = new AtomicBoolean(true);
        MailDispatcher crashing = new MailDispatcher(bed.database, bed.outbox, bed.view, bed.transport, bed.settings,
                bed.baseUrl, bed.auditLog, bed.clock, bed.random, mailId -> {
                    if (crash.getAndSet(false)) {
                        throw new SimulatedCrash();
                    }
                });

        assertThatThrownBy(crashing::dispatchOnce).isInstanceOf(SimulatedCrash.class);
        assertThat(bed.received()).hasSize(1);
        assertThat(bed.dispatcher().dispatchOnce().total()).as("still leased by the crashed instance").isZero();

        bed.clock.advance(MailDispatcher.LEASE);
        bed.dispatcher().dispatchUntilIdle();
        bed.clock.advance(Duration.ofDays(1));
        bed.dispatcher().dispatchUntilIdle();

        assertThat(bed.received()).hasSize(2);
        assertThat(bed.received()).extracting(MimeMessage::getMessageID)
                .containsOnly("<" + id + "@privacy.example.kr>");
        assertThat(states()).containsExactly(MailState.SENT);
    }

    @Test
    void aCrashMidBatchResendsOnlyTheMailInFlightNotTheWholeBatch() throws Exception {
        for (int i = 0; i < 5; i++) {
            enqueueConfirmation("batch" + i + "@example.com", Lang.EN);
        }
        java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<UUID> inFlight = new java.util.concurrent.atomic.AtomicReference<>();
        MailDispatcher crashing = new MailDispatcher(bed.database, bed.outbox, bed.view, bed.transport, bed.settings,
                bed.baseUrl, bed.auditLog, bed.clock, bed.random, mailId -> {
                    if (accepted.incrementAndGet() == 3) {
                        inFlight.set(mailId);
                        throw new SimulatedCrash();   // the relay took the third mail; the process dies
                    }
                });

        assertThatThrownBy(crashing::dispatchOnce).isInstanceOf(SimulatedCrash.class);
        assertThat(bed.received()).hasSize(3);
        bed.clock.advance(MailDispatcher.LEASE);
        bed.dispatcher().dispatchUntilIdle();

        java.util.List<String> messageIds = new java.util.ArrayList<>();
        for (MimeMessage message : bed.received()) {
            messageIds.add(message.getMessageID());
        }
        assertThat(messageIds).as("the two recorded before the crash are not sent again").hasSize(6);
        assertThat(messageIds.stream().filter(id -> java.util.Collections.frequency(messageIds, id) > 1).distinct())
                .containsExactly("<" + inFlight.get() + "@privacy.example.kr>");
        assertThat(states()).containsOnly(MailState.SENT);
        assertThat(sentMarksLeft()).as("the crashed batch's marks were folded by the next claim").isZero();
    }

    @Test
    void mailsAcceptedUnderACrashedClaimAreRecordedAsSentAtTheirAcceptanceTime() throws Exception {
        for (int i = 0; i < 3; i++) {
            enqueueConfirmation("timed" + i + "@example.com", Lang.EN);
        }
        java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        MailDispatcher crashing = new MailDispatcher(bed.database, bed.outbox, bed.view, bed.transport, bed.settings,
                bed.baseUrl, bed.auditLog, bed.clock, bed.random, mailId -> {
                    if (accepted.incrementAndGet() == 3) {
                        throw new SimulatedCrash();
                    }
                });
        java.time.Instant acceptedAt = bed.clock.instant();
        assertThatThrownBy(crashing::dispatchOnce).isInstanceOf(SimulatedCrash.class);
        assertThat(sentMarksLeft()).as("the two recorded before the crash").isEqualTo(2);

        bed.clock.advance(MailDispatcher.LEASE.plusMinutes(5));
        bed.dispatcher().dispatchUntilIdle();

        List<java.time.Instant> finished = bed.database.fromTransaction(s -> s.createSelectionQuery(
                "select m.finishedAt from OutboxMail m order by m.finishedAt", java.time.Instant.class).getResultList());
        assertThat(finished).as("two at acceptance, the resent one later")
                .containsExactly(acceptedAt, acceptedAt, bed.clock.instant());
        assertThat(sentMarksLeft()).isZero();
    }

    private long sentMarksLeft() {
        return bed.database.fromTransaction(s -> ((Number) s.createNativeQuery("select count(*) from mail_sent_mark",
                Object.class).getSingleResult()).longValue());
    }

    /** Stands for the process dying: not an exception the dispatcher would handle. */
    static final class SimulatedCrash extends Error {
    }

    @Test
    void twoDispatchersOnOneDatabaseNeverSendTheSameMailTwice() throws Exception {
        int count = 2 * MailDispatcher.BATCH_SIZE + 50;
        bed.database.inTransaction(session -> {
            for (int i = 0; i < count; i++) {
                bed.outbox.enqueue(session, OutgoingMail.to("p" + i + "@example.com", Lang.EN,
                        "mail/subscription-confirm").with("confirmUrl", "/x").with("validHours", "48"));
            }
        });
        List<MailDispatcher> dispatchers = List.of(bed.dispatcher(), bed.dispatcher(), bed.dispatcher());
        ExecutorService threads = Executors.newFixedThreadPool(dispatchers.size());
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            dispatchers.forEach(d -> work.add(d::dispatchUntilIdle));
            int total = 0;
            for (Future<Integer> done : threads.invokeAll(work)) {
                total += done.get();
            }
            assertThat(total).isEqualTo(count);
        } finally {
            threads.shutdown();
        }

        List<String> ids = bed.received().stream().map(m -> {
            try {
                return m.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(ids).hasSize(count).doesNotHaveDuplicates();
    }

    @Test
    void aDispatcherClaimsOtherMailWhileAnotherInstanceIsInTheMiddleOfItsClaim() throws Exception {
        int count = 2 * MailDispatcher.BATCH_SIZE;
        bed.database.inTransaction(session -> {
            for (int i = 0; i < count; i++) {
                bed.outbox.enqueue(session, OutgoingMail.to("p" + i + "@example.com", Lang.EN,
                        "mail/subscription-confirm").with("confirmUrl", "/x").with("validHours", "48"));
            }
        });
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            // Another instance's claim transaction, holding row locks on a batch of due mail.
            Future<List<UUID>> held = other.submit(() -> bed.database.fromTransaction(session -> {
                List<UUID> ids = session.createSelectionQuery("from OutboxMail m where m.state = :pending",
                                OutboxMail.class)
                        .setParameter("pending", MailState.PENDING)
                        .setMaxResults(MailDispatcher.BATCH_SIZE)
                        .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                        .getResultList().stream().map(OutboxMail::id).toList();
                locked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return ids;
            }));
            locked.await();

            MailDispatcher.BatchResult batch = bed.dispatcher().dispatchOnce();

            assertThat(batch.sent()).as("a full batch of other mail, not nothing").isEqualTo(MailDispatcher.BATCH_SIZE);
            release.countDown();
            List<UUID> othersBatch = held.get();
            assertThat(bed.received()).extracting(MimeMessage::getMessageID)
                    .noneMatch(messageId -> othersBatch.stream().anyMatch(id -> messageId.contains(id.toString())));
        } finally {
            release.countDown();
            other.shutdown();
        }
    }

    @Test
    void aMailTheRelayRefusesEveryTimeFailsAfterTheMaximumAttemptsAndAManagerCanRetryIt() throws Exception {
        bed.close();
        bed = new MailTestbed(dir.resolve("limited"), Map.of("PORTAL_MAIL_MAX_ATTEMPTS", "2"));
        UUID id = enqueueConfirmation("lost@example.com", Lang.EN);
        MailDispatcher dispatcher = bed.dispatcher();

        try (RefusingRelay relay = bed.refuseMail("451 4.3.0 mailbox busy, try again later")) {
            dispatcher.dispatchOnce();
            bed.clock.advance(Duration.ofHours(6));
            dispatcher.dispatchOnce();
            assertThat(relay.refused()).isEqualTo(2);
        }

        OutboxDashboard dashboard = dashboard();
        OutboxDashboard.Viewer manager = new OutboxDashboard.Viewer("7", "198.51.100.4", true);
        OutboxDashboard.OutboxLine failed = dashboard.list(manager, Optional.of(MailState.FAILED), 10).get(0);
        assertThat(failed.id()).isEqualTo(id);
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(failed.lastError()).contains("451").doesNotContain("lost@example.com");

        bed.startSmtp();
        assertThat(dashboard.retry(manager, id)).isTrue();
        dispatcher.dispatchUntilIdle();
        assertThat(bed.received()).hasSize(1);
        assertThat(dashboard.retry(manager, id)).as("only failed mail is retried").isFalse();
    }

    @Test
    void theDashboardMasksAddressesForAnyoneButThePrivacyManagerAndRedactsSecretLinksForEveryone() {
        UUID id = enqueueConfirmation("minji@example.kr", Lang.EN);
        OutboxDashboard dashboard = dashboard();
        OutboxDashboard.Viewer staff = new OutboxDashboard.Viewer("8", "198.51.100.5", false);
        OutboxDashboard.Viewer privacyManager = new OutboxDashboard.Viewer("7", "198.51.100.4", true);

        OutboxDashboard.OutboxLine line = dashboard.list(staff, Optional.empty(), 10).get(0);
        OutboxDashboard.Preview redacted = dashboard.preview(staff, id).orElseThrow();
        OutboxDashboard.Preview full = dashboard.preview(privacyManager, id).orElseThrow();

        assertThat(line.recipient()).contains("m***@example.kr");
        assertThat(line.state()).isEqualTo(MailState.PENDING);
        assertThat(redacted.text()).doesNotContain("secret-token-123").contains(OutboxDashboard.REDACTED);
        assertThat(redacted.recipient()).contains("m***@example.kr");
        assertThat(full.text()).doesNotContain("secret-token-123").contains(OutboxDashboard.REDACTED);
        assertThat(full.recipient()).contains("minji@example.kr");
        List<String> actions = bed.database.fromTransaction(s -> s.createSelectionQuery(
                "select e.action from AuditEntry e where e.targetType = 'mail_outbox' order by e.seq", String.class)
                .getResultList());
        assertThat(actions).containsExactly("mail.outbox.listed", "mail.outbox.viewed", "mail.outbox.viewed");
    }

    @Test
    void sentMailLosesItsRecipientAndBodyAfterTheRetentionLeavingOpaqueMetadata() {
        UUID sent = enqueueConfirmation("old@example.com", Lang.EN);
        bed.dispatcher().dispatchUntilIdle();
        bed.clock.advance(Duration.ofDays(29));
        UUID recent = enqueueConfirmation("new@example.com", Lang.EN);
        bed.dispatcher().dispatchUntilIdle();

        assertThat(bed.outbox.eraseExpired()).isZero();
        bed.clock.advance(Duration.ofDays(1));
        assertThat(bed.outbox.eraseExpired()).isEqualTo(1);

        List<Object[]> rows = bed.database.fromTransaction(s -> s.createSelectionQuery(
                "select m.id, m.recipientSealed, m.modelSealed, m.state, m.template from OutboxMail m", Object[].class)
                .getResultList());
        Object[] erased = rows.stream().filter(r -> r[0].equals(sent)).findFirst().orElseThrow();
        assertThat(erased[1]).isNull();
        assertThat(erased[2]).isNull();
        assertThat(erased[3]).isEqualTo(MailState.SENT);
        assertThat(erased[4]).isEqualTo("mail/subscription-confirm");
        assertThat(rows.stream().filter(r -> r[0].equals(recent)).findFirst().orElseThrow()[1]).isNotNull();
        assertThat(dashboard().preview(new OutboxDashboard.Viewer("7", "x", true), sent)).isEmpty();
    }

    @Test
    void theRecipientIsNotStoredInClearText() {
        enqueueConfirmation("hidden@example.com", Lang.EN);

        List<Object[]> rows = bed.database.fromTransaction(s -> s.createNativeQuery(
                "select recipient_sealed, model_sealed from mail_outbox", Object[].class).getResultList());
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(String.valueOf(r[0])).doesNotContain("hidden");
            assertThat(String.valueOf(r[1])).doesNotContain("secret-token-123");
        });
    }

    @Test
    void theDailyAuditChainHeadGoesToTheManagersAlertAddress() throws Exception {
        bed.database.inTransaction(session -> bed.outbox.mailAuditChainHead(session, 42, "ab".repeat(32),
                "eyJhbGciOiJFUzI1NiJ9.eyJzZXEiOjQyfQ.sig"));
        bed.dispatcher().dispatchUntilIdle();

        MimeMessage mail = bed.received().get(0);
        assertThat(recipient(mail)).isEqualTo("manager@privacy.example.kr");
        assertThat(MailTestbed.parts(mail).get("text")).contains("42", "ab".repeat(32),
                "eyJhbGciOiJFUzI1NiJ9.eyJzZXEiOjQyfQ.sig");
    }

    private OutboxDashboard dashboard() {
        return new OutboxDashboard(bed.database, bed.outbox, bed.view, bed.settings, bed.baseUrl, bed.auditLog,
                bed.clock);
    }

    private List<Integer> attempts() {
        return bed.database.fromTransaction(s -> s.createSelectionQuery("select m.attempts from OutboxMail m",
                Integer.class).getResultList());
    }

    private List<MailState> states() {
        return bed.database.fromTransaction(s -> s.createSelectionQuery("select m.state from OutboxMail m",
                MailState.class).getResultList());
    }

    static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
