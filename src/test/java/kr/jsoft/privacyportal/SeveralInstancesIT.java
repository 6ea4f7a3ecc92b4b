package kr.jsoft.privacyportal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import kr.jsoft.privacyportal.command.CommandView;
import kr.jsoft.privacyportal.command.Notice;
import kr.jsoft.privacyportal.crypto.PortalKeys;
import kr.jsoft.privacyportal.device.PublicJwk;
import kr.jsoft.privacyportal.jobs.JobLeases;
import kr.jsoft.privacyportal.push.P256Keys;
import kr.jsoft.privacyportal.push.PushAddress;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.testing.Await;
import kr.jsoft.privacyportal.testing.FakeWebPushServer;
import kr.jsoft.privacyportal.testing.MailTestbed;
import kr.jsoft.privacyportal.testing.MutableClock;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import kr.jsoft.privacyportal.testing.TestDevice;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two portal instances started through the same factory on one database (PostgreSQL with
 * {@code -Ppostgresql}, else one H2 file), one SMTP server and one Web Push service: nothing is
 * done twice, a session and a rate limit span both, and work claimed by an instance that dies
 * is taken over once its lease runs out.
 */
class SeveralInstancesIT {
    static final int SMTP_PORT = MailTestbed.freePort();
    static final GreenMail smtp = startedSmtp();
    /** One deployment, one time: both instances run on the same clock. */
    static final MutableClock clock = new MutableClock(PortalFixture.START);
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    /** Work a killed instance held is taken over only once its lease runs out, on a loaded machine too. */
    private static final Await.Within AWAIT_TAKEOVER = Await.atMost(Duration.ofSeconds(120));

    @RegisterExtension
    @Order(1)
    static PortalFixture a = instance(clock, SMTP_PORT).build();

    @RegisterExtension
    @Order(2)
    static PortalFixture b = instance(clock, SMTP_PORT).sharingDatabaseWith(a).build();

    static FakeWebPushServer push;

    static PortalFixture.Builder instance(MutableClock clock, int smtpPort) {
        return PortalFixture.builder()
                .clock(clock)
                .setting("PORTAL_SMTP_HOST", "127.0.0.1")
                .setting("PORTAL_SMTP_PORT", Integer.toString(smtpPort))
                .setting("PORTAL_SMTP_SECURITY", "none")
                .setting("PORTAL_PUSH_ALLOW_PRIVATE_ENDPOINTS", "true")
                .setting("PORTAL_SMS_LIMIT_PER_ADDRESS", "1000");
    }

    private static GreenMail startedSmtp() {
        GreenMail greenMail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    @BeforeAll
    static void startPushService() throws Exception {
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        push = new FakeWebPushServer(clock, P256Keys.generate(new SecureRandom()), auth,
                P256Keys.encode(a.server().cores().keys().ecKey(PortalKeys.VAPID).toECPublicKey()));
    }

    @AfterAll
    static void stopOutsideServices() {
        push.close();
        smtp.stop();
    }

    @Test
    void eachMailIsSentOnceWhileBothInstancesDispatch() {
        String marker = "once-" + UUID.randomUUID();
        int mails = 300;
        for (int batch = 0; batch < 10; batch++) {
            PortalFixture via = batch % 2 == 0 ? a : b;
            int first = batch * (mails / 10);
            via.server().database().inTransaction(session -> {
                for (int i = first; i < first + mails / 10; i++) {
                    via.server().mail().outbox().mailAuditChainHead(session, i, marker + "-" + i + "-", "jws");
                }
            });
        }

        AWAIT_TAKEOVER.until("every mail was sent and marked", () -> mailsWith(marker).size() >= mails && pendingMails() == 0);

        List<MimeMessage> received = mailsWith(marker);
        assertThat(received).hasSize(mails);
        Set<String> messageIds = new HashSet<>();
        Set<String> bodies = new HashSet<>();
        for (MimeMessage message : received) {
            messageIds.add(messageId(message));
            bodies.add(MailTestbed.parts(message).get("text").replaceAll("(?s).*(" + marker + "-[0-9]+-).*", "$1"));
        }
        assertThat(messageIds).as("one outbox row, one Message-ID").hasSize(mails);
        assertThat(bodies).as("every mail is a different one").hasSize(mails);
    }

    @Test
    void eachWakeUpIsSentOnceWhileBothInstancesDispatch() {
        List<String> subscriptions = new ArrayList<>();
        List<UUID> commands = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String subscription = UUID.randomUUID().toString();
            UUID device = registeredAtFakePushService(subscription);
            PortalFixture via = i % 2 == 0 ? a : b;
            subscriptions.add(subscription);
            commands.add(via.server().database().fromTransaction(session -> via.server().commands().commands()
                    .notify(session, device, new Notice("several-instances", "Hello from either instance"))));
        }

        AWAIT_TAKEOVER.until("every command's wake-up was delivered and recorded",
                () -> commands.stream().allMatch(id -> view(id).wokenAt().isPresent()));

        for (String subscription : subscriptions) {
            assertThat(push.receivedFor(subscription)).as("wake-ups for " + subscription).isEqualTo(1);
        }
    }

    @Test
    void aManagerSignedInOnOneInstanceIsSignedInOnTheOtherUntilSigningOutThere() throws Exception {
        StaffAccounts staffOfA = new StaffAccounts(a);
        StaffAccounts.Login login = staffOfA.create(Role.STAFF);
        try (WebClient browser = staffOfA.signIn(login)) {
            HtmlPage onB = browser.getPage(b.url("/manager"));
            assertThat(onB.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(onB.getUrl().getPath()).as("no sign-in asked for on B").isEqualTo("/manager");

            // A form rendered by B posts with the session's CSRF token, which A made.
            HtmlForm signOut = onB.querySelector("form.sign-out");
            HtmlPage after = ((HtmlElement) signOut.querySelector("button[type=submit]")).click();
            assertThat(after.getUrl().getPath()).startsWith("/manager/sign-in");

            HtmlPage backOnA = browser.getPage(a.url("/manager"));
            assertThat(backOnA.getUrl().getPath()).as("signed out on B means signed out on A")
                    .isEqualTo("/manager/sign-in");
        }
    }

    @Test
    void aRateLimitCountsRequestsToBothInstances() throws Exception {
        String email = "limit-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        // Status-link requests: three per email address an hour, wherever they land.
        assertThat(requestStatusLink(a, email)).isEqualTo(200);
        assertThat(requestStatusLink(b, email)).isEqualTo(200);
        assertThat(requestStatusLink(a, email)).isEqualTo(200);
        assertThat(requestStatusLink(b, email)).as("the fourth, on the other instance").isEqualTo(429);
        assertThat(requestStatusLink(a, email)).isEqualTo(429);
    }

    @Test
    void mailClaimedByAnInstanceThatDiesIsSentByAnotherOnceItsLeaseRunsOut() throws Exception {
        String marker = "orphan-" + UUID.randomUUID();
        try (BlackHoleSmtp blackHole = new BlackHoleSmtp()) {
            // A third instance, an hour ahead of the others so that only it finds the mail due.
            PortalFixture doomed = instance(new MutableClock(clock.instant().plus(Duration.ofHours(1))),
                    blackHole.port()).sharingDatabaseWith(a).build();
            doomed.start();
            UUID mail = doomed.server().database().fromTransaction(session ->
                    doomed.server().mail().outbox().mailAuditChainHead(session, 1, marker, "jws"));
            AWAIT_TAKEOVER.until("the doomed instance claimed the mail and is talking to its SMTP server",
                    () -> blackHole.accepted() > 0 && claim("mail_outbox", "claim_token", mail) != null);
            String deadClaim = claim("mail_outbox", "claim_token", mail);

            doomed.server().database().close(); // it dies: nothing it does from now on reaches the database
            blackHole.close();
            doomed.stop();

            // Due on this clock too, within the dead instance's lease (PORTAL_LEASE, not renewed by the dead).
            clock.advance(Duration.ofHours(1).plusSeconds(10));
            a.server().mail().dispatcher().dispatchOnce();
            assertThat(claim("mail_outbox", "claim_token", mail)).as("due now, but the dead instance's lease holds")
                    .isEqualTo(deadClaim);
            assertThat(mailsWith(marker)).isEmpty();

            clock.advance(JobLeases.DEFAULT_LEASE);
            AWAIT_TAKEOVER.until("another instance sent the mail", () -> mailsWith(marker).size() == 1 && pendingMails() == 0);
            assertThat(mailsWith(marker)).hasSize(1);
        }
    }

    @Test
    void aWakeUpClaimedByAnInstanceThatDiesIsSentByAnotherOnceItsLeaseRunsOut() throws Exception {
        String subscription = UUID.randomUUID().toString();
        UUID device = registeredAtFakePushService(subscription);
        PortalFixture doomed = instance(new MutableClock(clock.instant().plus(Duration.ofHours(1))), SMTP_PORT)
                .sharingDatabaseWith(a).build();
        doomed.start();
        push.hold(subscription);
        try {
            UUID command = doomed.server().database().fromTransaction(session -> doomed.server().commands().commands()
                    .notify(session, device, new Notice("several-instances", "Who finishes this?")));
            AWAIT_TAKEOVER.until("the doomed instance is in the middle of sending the wake-up", () -> push.held() == 1);

            doomed.server().database().close();
            push.release(503);
            doomed.stop();
            String deadClaim = claim("device_command", "claimed_by", command);
            assertThat(deadClaim).as("left leased").isNotNull();

            clock.advance(Duration.ofHours(1).plusSeconds(10));
            a.server().commands().wakeUps().dispatchDue();
            assertThat(claim("device_command", "claimed_by", command))
                    .as("due now, but the dead instance's lease holds")
                    .isEqualTo(deadClaim);
            assertThat(view(command).wokenAt()).isEmpty();

            clock.advance(JobLeases.DEFAULT_LEASE);
            AWAIT_TAKEOVER.until("another instance sent the wake-up and recorded it", () -> view(command).wokenAt().isPresent());
            assertThat(push.receivedFor(subscription)).as("the dead instance's attempt and the one that counted")
                    .isEqualTo(2);
        } finally {
            push.release(503);
        }
    }

    // ---- helpers ----

    private static CommandView view(UUID command) {
        return a.server().commands().commands().view(command).orElseThrow();
    }

    private static UUID registeredAtFakePushService(String subscriptionId) {
        PushAddress.WebPushSubscription sub = push.subscription(subscriptionId);
        ObjectNode address = TestDevice.webPush(sub.endpoint().toString());
        ((ObjectNode) address.get("keys"))
                .put("p256dh", Base64.getUrlEncoder().withoutPadding().encodeToString(sub.p256dh()))
                .put("auth", Base64.getUrlEncoder().withoutPadding().encodeToString(sub.auth()));
        int n = NUMBERS.incrementAndGet();
        String number = String.format("010-7%03d-%04d", n % 1000, n);
        return new TestDevice(a::uri, clock, PublicJwk.Type.EC_P256, "android").withPushAddress(address)
                .register(number, phone -> a.server().devices().smsInbox().orElseThrow().latestTo(phone)
                        .orElseThrow().text())
                .id();
    }

    private static int requestStatusLink(PortalFixture instance, String email) throws Exception {
        try (WebClient browser = instance.browser()) {
            HtmlPage page = browser.getPage(instance.url("/en/complaints/status-link"));
            HtmlForm form = page.querySelector("form.status-link-form");
            form.getInputByName("reference").setValue("C-2026-000001");
            form.getInputByName("email").setValue(email);
            return ((HtmlElement) form.querySelector("button")).click().getWebResponse().getStatusCode();
        }
    }

    private static List<MimeMessage> mailsWith(String marker) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (MailTestbed.parts(message).getOrDefault("text", "").contains(marker)) {
                found.add(message);
            }
        }
        return found;
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long pendingMails() {
        return a.server().database().fromTransaction(session -> session.createNativeQuery(
                "select count(*) from mail_outbox where state = 'PENDING'", Long.class).getSingleResult());
    }

    /** The claim a row is leased under (null when free): what a dispatcher wrote when it took the row. */
    private static String claim(String table, String claimColumn, UUID id) {
        return a.server().database().fromTransaction(session -> session.createNativeQuery(
                "select cast(" + claimColumn + " as varchar(100)) from " + table + " where id = ?1"
                        + " and lease_until is not null", String.class)
                .setParameter(1, id).getResultList().stream().filter(java.util.Objects::nonNull).findFirst()
                .orElse(null));
    }

    /** An SMTP server that accepts connections and never says a word, until closed. */
    static final class BlackHoleSmtp implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> connections = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        BlackHoleSmtp() throws IOException {
            server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                try {
                    while (!server.isClosed()) {
                        connections.add(server.accept());
                    }
                } catch (IOException closed) {
                    // closed: stop accepting
                }
            }, "black-hole-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            return connections.size();
        }

        @Override
        public void close() {
            try {
                server.close();
                for (Socket socket : connections) {
                    socket.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
