package kr.jsoft.privacyportal.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import kr.jsoft.privacyportal.simulator.ApprovalRule;
import kr.jsoft.privacyportal.simulator.DeviceStore;
import kr.jsoft.privacyportal.simulator.ReferenceDevice;

/**
 * For tests of what a person does with their phone (destruction, rights): a GreenMail server, the
 * portal settings those tests share, reference devices, SMS codes and the mails that arrive.
 */
public final class DeviceTestbed {
    public static final String MANAGER = "privacy-manager@jsoft.test";
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    public final int port = MailTestbed.freePort();
    public final GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private final List<ReferenceDevice> devices = new CopyOnWriteArrayList<>();
    private final int series;

    public DeviceTestbed(int series) {
        this.series = series;
        smtp.start();
    }

    public PortalFixture.Builder portal() {
        return PortalFixture.builder()
                .setting("PORTAL_SMTP_HOST", "127.0.0.1")
                .setting("PORTAL_SMTP_PORT", Integer.toString(port))
                .setting("PORTAL_SMTP_SECURITY", "none")
                .setting("PORTAL_MANAGER_ALERT_EMAIL", MANAGER)
                .setting("PORTAL_PUSH_ALLOW_PRIVATE_ENDPOINTS", "true")
                .setting("PORTAL_SMS_LIMIT_PER_ADDRESS", "10000")
                .setting("PORTAL_SMS_DAILY_BUDGET", "100000")
                .setting("PORTAL_DESTRUCTION_LIMIT_PER_ADDRESS", "10000");
    }

    /** A fresh number for each test: 010-7SSS-NNNN. */
    public String newNumber() {
        return String.format("010-7%03d-%04d", series, NUMBERS.incrementAndGet());
    }

    public ReferenceDevice device(PortalFixture portal, Path dir, String number, ApprovalRule rule) throws Exception {
        ReferenceDevice device = new ReferenceDevice(() -> portal.uri("/"),
                new DeviceStore(dir.resolve(UUID.randomUUID().toString())).seed(25, 3), rule, portal.clock(),
                System.out).start();
        devices.add(device);
        return device.register(number, n -> code(portal, n));
    }

    public static String code(PortalFixture portal, String number) {
        return TestDevice.codeIn(portal.server().devices().smsInbox().orElseThrow().latestTo(number).orElseThrow()
                .text());
    }

    public void closeDevices() {
        devices.forEach(ReferenceDevice::close);
        devices.clear();
    }

    public List<MimeMessage> to(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> MailTestbed.recipient(m).equalsIgnoreCase(address)).toList();
    }

    /** The latest mail to {@code address} whose subject or text contains {@code needle}, once it arrives. */
    public MimeMessage awaitMail(String address, String needle) {
        return Await.until("a mail to " + address + " containing " + needle, () -> to(address).stream()
                .filter(m -> text(m).contains(needle) || subject(m).contains(needle)).reduce((a, b) -> b),
                Optional::isPresent).orElseThrow();
    }

    public static String text(MimeMessage message) {
        return MailTestbed.parts(message).get("text");
    }

    public static String subject(MimeMessage message) {
        return MailTestbed.subject(message);
    }


    public void stop() {
        closeDevices();
        smtp.stop();
    }
}
