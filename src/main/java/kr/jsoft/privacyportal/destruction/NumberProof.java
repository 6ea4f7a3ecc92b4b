package kr.jsoft.privacyportal.destruction;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kr.jsoft.privacyportal.command.Answer;
import kr.jsoft.privacyportal.command.ApprovalPrompt;
import kr.jsoft.privacyportal.command.CommandKind;
import kr.jsoft.privacyportal.command.CommandState;
import kr.jsoft.privacyportal.command.CommandView;
import kr.jsoft.privacyportal.command.Commands;
import kr.jsoft.privacyportal.device.ActiveDevice;
import kr.jsoft.privacyportal.device.DeviceRegistry;
import kr.jsoft.privacyportal.device.SmsProofs;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.ratelimit.RateLimiter;

/**
 * Destruction's proof of a phone number, for other features that must know a person holds the
 * number before acting for them (the rights requests): approval on a registered device with a
 * two-digit number to compare, or a 6-digit SMS code without the device. The same rules as a
 * destruction request: the same number range, the same per-device prompt budget (nobody may pester
 * a phone, whichever page asks), the same SMS limits and tries.
 */
public final class NumberProof {
    /** A device must approve within this, as a destruction request. */
    public static final Duration APPROVAL_WINDOW = DestructionIntake.APPROVAL_WINDOW;
    public static final int MAX_CODE_TRIES = SmsProofs.MAX_TRIES;

    private final Database database;
    private final DeviceRegistry registry;
    private final Commands commands;
    private final RateLimiter rateLimiter;
    private final DestructionSettings settings;
    private final SmsProofs smsProofs;
    private final SecureRandom random;

    NumberProof(Database database, DeviceRegistry registry, Commands commands, RateLimiter rateLimiter,
                DestructionSettings settings, SmsProofs smsProofs, SecureRandom random) {
        this.database = database;
        this.registry = registry;
        this.commands = commands;
        this.rateLimiter = rateLimiter;
        this.settings = settings;
        this.smsProofs = smsProofs;
        this.random = random;
    }

    /** The registry's keyed hash of a Korean mobile number (see {@link DeviceRegistry#phoneHashOf}). */
    public String phoneHashOf(String phoneNumber) {
        return registry.phoneHashOf(phoneNumber);
    }

    /** A fresh number to compare, 10..99, as destruction requests show. */
    public String newNumber() {
        return approvalNumber(random);
    }

    static String approvalNumber(SecureRandom random) {
        return Integer.toString(10 + random.nextInt(90));
    }

    /**
     * Asks every active device of the number to approve, showing {@code promptKey}'s text in both
     * languages and {@code number}; each command carries {@code reference} so the caller's
     * {@link kr.jsoft.privacyportal.command.CommandListener} finds the answer. A device past its
     * hourly budget is not asked. Own transactions; returns how many devices were asked.
     */
    public int promptDevices(String phoneHash, String action, String promptKey, String number, String reference,
                             Duration window) {
        List<ActiveDevice> devices = registry.activeDevicesOf(phoneHash);
        List<UUID> asked = new ArrayList<>();
        for (ActiveDevice device : devices) {
            if (rateLimiter.acquire("destruction.device", device.id().toString(),
                    RateLimiter.Limit.perHour(settings.perDevicePerHour())).allowed()) {
                asked.add(device.id());
            }
        }
        if (asked.isEmpty()) {
            return 0;
        }
        ApprovalPrompt prompt = new ApprovalPrompt(action, DestructionProcess.bothLanguages(promptKey), number);
        database.inTransaction(session -> asked.forEach(id ->
                commands.approveRequest(session, id, prompt, reference, window)));
        return asked.size();
    }

    /** The device's answer, if {@code command} is a completed approval prompt sent under {@code reference}. */
    public static Optional<Answer> answer(CommandView command, String reference) {
        if (command.kind() != CommandKind.APPROVE_REQUEST || command.state() != CommandState.COMPLETED
                || !command.reference().map(reference::equals).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(command.answer().orElse(Answer.REFUSED));
    }

    /** Sends a 6-digit code for a rights request to the number, bound to {@code subject}; see {@link SmsProofs#send}. */
    public SmsProofs.Sent sendCode(String phoneNumber, String clientAddress, String subject) {
        return smsProofs.send(phoneNumber, clientAddress, subject, SmsProofs.Purpose.RIGHTS);
    }

    public boolean codeMatches(String subject, String code, String storedHash) {
        return smsProofs.matches(subject, code == null ? "" : code.strip(), storedHash);
    }
}
