package kr.jsoft.privacyportal.rights;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.command.Answer;
import kr.jsoft.privacyportal.command.CommandListener;
import kr.jsoft.privacyportal.command.CommandView;
import kr.jsoft.privacyportal.command.Commands;
import kr.jsoft.privacyportal.complaint.ComplaintIntake;
import kr.jsoft.privacyportal.crypto.Digests;
import kr.jsoft.privacyportal.crypto.SecretTokens;
import kr.jsoft.privacyportal.destruction.DestructionFeature;
import kr.jsoft.privacyportal.destruction.NumberProof;
import kr.jsoft.privacyportal.destruction.RequestsOfNumber;
import kr.jsoft.privacyportal.device.DeviceRegistry;
import kr.jsoft.privacyportal.device.DeviceSummary;
import kr.jsoft.privacyportal.device.SmsProofs;
import kr.jsoft.privacyportal.erasure.ErasureJournal;
import kr.jsoft.privacyportal.jobs.Signal;
import kr.jsoft.privacyportal.mail.EmailAddresses;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.ratelimit.RateLimiter;
import kr.jsoft.privacyportal.sms.PhoneNumbers;
import kr.jsoft.privacyportal.web.BadRequestException;
import kr.jsoft.privacyportal.web.Lang;
import org.hibernate.Session;

/**
 * A person's own rights page: the number proven the way destruction proves it ({@link NumberProof}:
 * approval on a registered device with the number to compare, or an SMS code), then for
 * {@link RightsProof#PAGE_LIFETIME} everything the portal holds linked to the number (PIPA Art. 35),
 * the email on open requests and complaints to correct (Art. 36), and devices to unregister without
 * wiping them (Art. 37). Every view and every change is audited; the number is never stored.
 */
final class SelfService implements CommandListener {
    /** The command reference of a proof's approval prompts; no personal data. */
    static final String REFERENCE = "rights-proof:";
    static final String PROMPT = "rights.device.prompt";
    static final String TARGET = "rights-proof";
    static final RateLimiter.Limit PER_ADDRESS = RateLimiter.Limit.perHour(20);
    static final RateLimiter.Limit PER_NUMBER = RateLimiter.Limit.perHour(10);

    private final Database database;
    private final AuditLog auditLog;
    private final Clock clock;
    private final SecureRandom random;
    private final RateLimiter rateLimiter;
    private final NumberProof proof;
    private final DeviceRegistry registry;
    private final Commands commands;
    private final RequestsOfNumber destructionRequests;
    private final ComplaintIntake complaints;
    private final ErasureJournal journal;
    private final StaffRecorded recorded;
    private final Signal signal;

    SelfService(Database database, AuditLog auditLog, Clock clock, SecureRandom random, RateLimiter rateLimiter,
                NumberProof proof, DeviceRegistry registry, Commands commands, RequestsOfNumber destructionRequests,
                ComplaintIntake complaints, ErasureJournal journal, StaffRecorded recorded,
                Signal signal) {
        this.database = database;
        this.auditLog = auditLog;
        this.clock = clock;
        this.random = random;
        this.rateLimiter = rateLimiter;
        this.proof = proof;
        this.registry = registry;
        this.commands = commands;
        this.destructionRequests = destructionRequests;
        this.complaints = complaints;
        this.journal = journal;
        this.recorded = recorded;
        this.signal = signal;
    }

    static boolean validNumber(String phone) {
        return phone != null && PhoneNumbers.isKoreanMobile(phone);
    }

    /**
     * Starts proving {@code phone}; returns the secret token of the page. The same work and answer
     * whether or not the number has devices: a number without any simply never gets an approval.
     * The devices are looked up and prompted by {@link #promptDue} after the commit, off the
     * request path, so neither the answer nor its timing tells whether the number has any.
     *
     * @throws kr.jsoft.privacyportal.web.TooManyRequestsException past the limits
     * @throws BadRequestException (503) if the SMS could not be sent; nothing is stored then
     */
    String start(String phone, RightsProof.Way way, Lang lang, String clientAddress) {
        if (!validNumber(phone)) {
            throw new IllegalArgumentException("not a Korean mobile number");
        }
        String phoneHash = proof.phoneHashOf(phone);
        Limits.check(rateLimiter.acquire("rights.address", clientAddress, PER_ADDRESS));
        Limits.check(rateLimiter.acquire("rights.number", phoneHash, PER_NUMBER));
        UUID id = UUID.randomUUID();
        String codeHash = null;
        Instant due = clock.instant().plus(NumberProof.APPROVAL_WINDOW);
        if (way == RightsProof.Way.SMS) {
            SmsProofs.Sent sent = proof.sendCode(phone, clientAddress, REFERENCE + id);
            if (sent instanceof SmsProofs.Sent.Limited limited) {
                Limits.check(new RateLimiter.Decision(false, limited.retryAfter()));
            }
            if (!(sent instanceof SmsProofs.Sent.CodeSent code)) {
                throw new BadRequestException(503, "The SMS could not be sent; nothing was stored. Please try again later.");
            }
            codeHash = code.codeHash();
            due = code.expiresAt();
        }
        String token = SecretTokens.newToken(random, 16);
        String number = proof.newNumber();
        RightsProof row = new RightsProof(id, lang.code(), way, phoneHash, complaints.phoneHashOf(phone).orElse(null),
                number, Digests.sha256Hex(token), codeHash, clock.instant(), due);
        database.inTransaction(session -> {
            session.persist(row);
            auditLog.record(session, AuditEvent.publicVisitor("rights.proof-started").target(TARGET, id)
                    .detail("way=" + way));
            if (way == RightsProof.Way.DEVICE) {
                session.getTransaction().registerSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                    }

                    @Override
                    public void afterCompletion(int status) {
                        if (status == Status.STATUS_COMMITTED) {
                            signal.raise();
                        }
                    }
                });
            }
        });
        return token;
    }

    /**
     * Prompts the devices of the device proofs not yet prompted and still within their window;
     * returns how many proofs it took. Each is marked before its prompts go out, so a crash in
     * between leaves a proof unprompted (the person starts again) rather than prompted twice.
     */
    int promptDue() {
        Instant now = clock.instant();
        List<RightsProof> due = database.fromTransaction(session -> session.createQuery(
                        "from RightsProof p where p.way = :way and p.state = :state and p.promptedAt is null"
                                + " and p.proofDueAt > :now order by p.createdAt", RightsProof.class)
                .setParameter("way", RightsProof.Way.DEVICE)
                .setParameter("state", RightsProof.State.AWAITING_APPROVAL)
                .setParameter("now", now)
                .setMaxResults(50)
                .getResultList());
        int taken = 0;
        for (RightsProof p : due) {
            boolean mine = database.fromTransaction(session -> {
                RightsProof locked = session.find(RightsProof.class, p.id(),
                        jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
                if (locked == null || locked.promptedAt() != null || locked.phoneHash() == null) {
                    return false;
                }
                locked.prompted(clock.instant());
                return true;
            });
            if (mine) {
                taken++;
                proof.promptDevices(p.phoneHash(), "rights-request", PROMPT, p.approvalNumber(), REFERENCE + p.id(),
                        java.time.Duration.between(clock.instant(), p.proofDueAt()));
            }
        }
        return taken;
    }

    /** The proof behind a token, for the page before it is proven (holds no personal data). */
    Optional<RightsViews.Proof> proofOf(String token) {
        return database.fromTransaction(session -> byToken(session, token).map(p -> {
            String state = p.state().waiting() && !clock.instant().isBefore(p.proofDueAt()) ? "EXPIRED"
                    : p.state() == RightsProof.State.PROVEN && !p.open(clock.instant()) ? "EXPIRED" : p.state().name();
            return new RightsViews.Proof(p.way().name(), state, p.approvalNumber(), p.proofDueAt(),
                    NumberProof.MAX_CODE_TRIES - p.codeAttempts());
        }));
    }

    enum CodeResult { CONFIRMED, WRONG, EXHAUSTED, EXPIRED, NOT_EXPECTED }

    CodeResult confirmCode(String token, String code) {
        return database.fromTransaction(session -> {
            Optional<RightsProof> found = byToken(session, token);
            if (found.isEmpty() || found.get().state() != RightsProof.State.PROVING) {
                return CodeResult.NOT_EXPECTED;
            }
            RightsProof p = session.find(RightsProof.class, found.get().id(),
                    jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            Instant now = clock.instant();
            if (p.state() != RightsProof.State.PROVING) {
                return CodeResult.NOT_EXPECTED;
            }
            if (!now.isBefore(p.proofDueAt())) {
                p.cancelled();
                auditLog.record(session, AuditEvent.publicVisitor("rights.proof-failed").target(TARGET, p.id())
                        .detail("code expired"));
                return CodeResult.EXPIRED;
            }
            if (!proof.codeMatches(REFERENCE + p.id(), code, p.codeHash())) {
                if (p.wrongCode(NumberProof.MAX_CODE_TRIES)) {
                    p.cancelled();
                    auditLog.record(session, AuditEvent.publicVisitor("rights.proof-failed").target(TARGET, p.id())
                            .detail("code wrong " + NumberProof.MAX_CODE_TRIES + " times"));
                    return CodeResult.EXHAUSTED;
                }
                return CodeResult.WRONG;
            }
            p.proven(now);
            auditLog.record(session, AuditEvent.publicVisitor("rights.number-proven").target(TARGET, p.id())
                    .detail("by SMS code"));
            return CodeResult.CONFIRMED;
        });
    }

    /** A device answered the prompt: approval proves the number, a refusal ends the proof. */
    @Override
    public void commandChanged(Session session, CommandView command) {
        Optional<String> reference = command.reference().filter(r -> r.startsWith(REFERENCE));
        if (reference.isEmpty()) {
            return;
        }
        Optional<Answer> answer = NumberProof.answer(command, reference.get());
        if (answer.isEmpty()) {
            return;
        }
        UUID id;
        try {
            id = UUID.fromString(reference.get().substring(REFERENCE.length()));
        } catch (IllegalArgumentException e) {
            return;
        }
        RightsProof p = session.find(RightsProof.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (p == null || p.state() != RightsProof.State.AWAITING_APPROVAL) {
            return;
        }
        Instant now = clock.instant();
        if (answer.get() == Answer.APPROVED && now.isBefore(p.proofDueAt())) {
            p.proven(now);
            auditLog.record(session, AuditEvent.system("rights.number-proven").target(TARGET, id)
                    .detail("approved on device " + command.deviceId()));
        } else {
            p.cancelled();
            auditLog.record(session, AuditEvent.system("rights.proof-failed").target(TARGET, id)
                    .detail(answer.get() == Answer.APPROVED ? "approved too late" : "refused on a device"));
        }
    }

    /**
     * Everything linked to the proven number, while the page is open; each view is audited as a
     * view of personal data. Empty if the token is unknown, unproven or past its 30 minutes.
     */
    Optional<RightsViews.Holdings> holdings(String token, String how) {
        return database.fromTransaction(session -> openProof(session, token).map(p -> {
            auditLog.record(session, AuditEvent.publicVisitor(AuditEvent.PERSONAL_DATA_VIEW).target(TARGET, p.id())
                    .detail("own rights page: " + how));
            List<RightsViews.Device> devices = new ArrayList<>();
            int position = 1;
            for (DeviceSummary d : registry.devicesOf(session, p.phoneHash())) {
                List<RightsViews.PendingCommand> pending = commands.openOf(session, d.id()).stream()
                        .map(c -> new RightsViews.PendingCommand("rights.command." + lower(c.kind().name()),
                                "rights.command-state." + lower(c.state().name()), c.createdAt(), c.expiresAt()))
                        .toList();
                devices.add(new RightsViews.Device(d.id(), position++, "device.platform." + d.platform().name(),
                        d.appVersion(), "rights.device-state." + lower(d.state().name()),
                        d.activatedAt() != null ? d.activatedAt() : d.createdAt(), d.lastCheckInAt(),
                        "rights.push." + (d.pushKind() == null ? "none" : d.pushKind()), pending));
            }
            List<RightsViews.OpenCase> cases = new ArrayList<>();
            for (RequestsOfNumber.Open o : destructionRequests.openOf(session, p.phoneHash())) {
                cases.add(new RightsViews.OpenCase("destruction", o.id(), o.reference(), "rights.case.destruction",
                        o.stateKey(), o.createdAt(), o.deadlineAt(), o.email()));
            }
            if (p.complaintPhoneHash() != null) {
                for (ComplaintIntake.OpenOfNumber c : complaints.openOfNumber(session, p.complaintPhoneHash())) {
                    cases.add(new RightsViews.OpenCase("complaint", c.id(), c.reference(), c.categoryKey(),
                            c.stateKey(), c.receivedAt(), c.dueAt(), c.email()));
                }
            }
            cases.addAll(recorded.openOf(session, p.phoneHash()));
            return new RightsViews.Holdings(p.provenAt(), p.pageExpiresAt(), devices, cases);
        }));
    }

    enum Change { DONE, EXPIRED, NOT_FOUND }

    /**
     * Stops the portal's processing for one device of the number without wiping it (PIPA Art. 37,
     * and withdrawal of consent): no more wake-ups or commands (the open ones fail with the device),
     * the registration, key and push address erased and the commands' signed payloads with them,
     * each journalled so a restored backup brings none of it back. The app's data on the phone stays.
     */
    Change suspend(String token, UUID deviceId) {
        return database.fromTransaction(session -> {
            Optional<RightsProof> p = openProof(session, token);
            if (p.isEmpty()) {
                return Change.EXPIRED;
            }
            boolean ofNumber = registry.devicesOf(session, p.get().phoneHash()).stream()
                    .anyMatch(d -> d.id().equals(deviceId));
            if (!ofNumber) {
                return Change.NOT_FOUND;
            }
            journal.record(session, DestructionFeature.DEVICE_COMMANDS_ERASURE, deviceId.toString());
            registry.eraseDestroyed(session, deviceId, "processing suspended at the person's request");
            commands.erasePayloadsOf(session, deviceId);
            auditLog.record(session, AuditEvent.publicVisitor("rights.device-suspended").target(TARGET, p.get().id())
                    .detail("device " + deviceId + " unregistered without a wipe"));
            return Change.DONE;
        });
    }

    static boolean validEmail(String email) {
        return email != null && !email.isBlank() && email.strip().length() <= 254 && EmailAddresses.isValid(email);
    }

    /** Corrects the email of one open case of the number (PIPA Art. 36); {@code target} is "type:id". */
    Change correctEmail(String token, String target, String email) {
        if (!validEmail(email) || target == null || !target.matches("(destruction|complaint|rights):[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("invalid correction");
        }
        String type = target.substring(0, target.indexOf(':'));
        UUID id = UUID.fromString(target.substring(target.indexOf(':') + 1));
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        return database.fromTransaction(session -> {
            Optional<RightsProof> p = openProof(session, token);
            if (p.isEmpty()) {
                return Change.EXPIRED;
            }
            boolean done = switch (type) {
                case "destruction" -> destructionRequests.correctEmail(session, p.get().phoneHash(), id, normalized);
                case "complaint" -> p.get().complaintPhoneHash() != null
                        && complaints.correctEmail(session, p.get().complaintPhoneHash(), id, normalized);
                default -> recorded.correctEmail(session, p.get().phoneHash(), id, normalized);
            };
            if (done) {
                auditLog.record(session, AuditEvent.publicVisitor("rights.email-corrected").target(TARGET, p.get().id())
                        .detail(type + " " + id));
            }
            return done ? Change.DONE : Change.NOT_FOUND;
        });
    }

    private Optional<RightsProof> openProof(Session session, String token) {
        return byToken(session, token).filter(p -> p.open(clock.instant()));
    }

    private static Optional<RightsProof> byToken(Session session, String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{10,64}")) {
            return Optional.empty();
        }
        return session.createSelectionQuery("from RightsProof p where p.tokenHash = :hash", RightsProof.class)
                .setParameter("hash", Digests.sha256Hex(token)).uniqueResultOptional();
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
