package kr.jsoft.privacyportal.destruction;

import kr.jsoft.privacyportal.jobs.Signal;
import kr.jsoft.privacyportal.crypto.SecretTokens;
import kr.jsoft.privacyportal.crypto.Digests;
import kr.jsoft.privacyportal.mail.EmailAddresses;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.command.CommandView;
import kr.jsoft.privacyportal.command.Commands;
import kr.jsoft.privacyportal.crypto.DataCipher;
import kr.jsoft.privacyportal.device.ActiveDevice;
import kr.jsoft.privacyportal.device.DeviceRegistry;
import kr.jsoft.privacyportal.mail.MailSettings;
import kr.jsoft.privacyportal.mail.OutgoingMail;
import kr.jsoft.privacyportal.mail.Outbox;
import kr.jsoft.privacyportal.remedy.Remedies;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.ratelimit.PerNetwork;
import kr.jsoft.privacyportal.ratelimit.RateLimiter;
import kr.jsoft.privacyportal.sms.PhoneNumbers;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.TooManyRequestsException;
import org.hibernate.Session;

/**
 * Taking destruction requests and showing their status. A request on the website does the same
 * work whatever the number: the limits, one row holding the number's keyed hash, a redirect. The
 * devices are looked up and prompted afterwards by {@link DestructionProcess}, so neither the
 * answer nor its timing can tell whether the number has any device. A request from the app is
 * approved by the device's own signature and goes straight to destruction.
 */
public final class DestructionIntake {
    /** The entities of the destruction feature, for the composition root. */
    public static final java.util.List<Class<?>> ENTITIES = java.util.List.of(DestructionRequest.class,
            DestructionDevice.class);
    /** A request must be approved on a device within this. */
    static final Duration APPROVAL_WINDOW = Duration.ofMinutes(5);
    /** PIPA Enforcement Decree Art. 43(3): the result is due within 10 days of receipt. */
    static final Duration PIPA_DEADLINE = Duration.ofDays(10);
    static final int EMAIL_MAX = 254;
    static final int EXPLANATION_MAX = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final AuditLog auditLog;
    private final Clock clock;
    private final SecureRandom random;
    private final DeviceRegistry registry;
    private final Commands commands;
    private final DataCipher cipher;
    private final RateLimiter rateLimiter;
    private final DestructionSettings settings;
    private final Signal signal;
    private final kr.jsoft.privacyportal.device.SmsProofs smsProofs;
    private final Outbox outbox;
    private final MailSettings mail;
    private final Remedies remedies;

    public DestructionIntake(Database database, AuditLog auditLog, Clock clock, SecureRandom random, DeviceRegistry registry,
                      Commands commands, DataCipher cipher, RateLimiter rateLimiter, DestructionSettings settings,
                      Signal signal, kr.jsoft.privacyportal.device.SmsProofs smsProofs, Outbox outbox,
                      MailSettings mail,
                      Remedies remedies) {
        this.smsProofs = smsProofs;
        this.outbox = outbox;
        this.mail = mail;
        this.remedies = remedies;
        this.database = database;
        this.auditLog = auditLog;
        this.clock = clock;
        this.random = random;
        this.registry = registry;
        this.commands = commands;
        this.cipher = cipher;
        this.rateLimiter = rateLimiter;
        this.settings = settings;
        this.signal = signal;
    }

    /** Field name → message key of each problem with the website form; empty when it may be submitted. */
    public static Map<String, String> problems(String phoneNumber, String email) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!PhoneNumbers.isKoreanMobile(phoneNumber)) {
            problems.put("phone", "destruction.error.phone");
        }
        if (!blank(email) && (email.strip().length() > EMAIL_MAX || !EmailAddresses.isValid(email))) {
            problems.put("email", "destruction.error.email");
        }
        return problems;
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /**
     * A request on the website (valid input, see {@link #problems}). Does the same work whether or
     * not the number has devices: the number becomes its keyed hash at once and leaves memory.
     *
     * @throws TooManyRequestsException past the limits per client address or per number
     */
    public DestructionViews.Submitted requestOnWebsite(String phoneNumber, String email, Lang lang,
                                                       String clientAddress) {
        if (!problems(phoneNumber, email).isEmpty()) {
            throw new IllegalArgumentException("invalid destruction request: " + problems(phoneNumber, email).keySet());
        }
        String phoneHash = registry.phoneHashOf(phoneNumber);
        limit(rateLimiter.acquire("destruction.address", PerNetwork.of(clientAddress),
                RateLimiter.Limit.perHour(settings.perAddressPerHour())));
        // The subject is the registry's keyed hash: the limiter hashes it again, the number is never stored.
        limit(rateLimiter.acquire("destruction.number", phoneHash,
                RateLimiter.Limit.perHour(settings.perNumberPerHour())));
        String normalizedEmail = blank(email) ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
        DestructionViews.Submitted submitted = database.fromTransaction(session -> {
            DestructionViews.Submitted s = create(session, Origin.WEB, phoneHash, normalizedEmail, lang);
            auditLog.record(session, AuditEvent.publicVisitor("destruction.requested")
                    .target(DestructionRecords.TARGET, s.id()).detail("origin=web"));
            DestructionRecords.afterCommit(session, signal::raise);
            return s;
        });
        return submitted;
    }

    /**
     * A signed "destroy my data" from a registered device: its signature is the approval, so every
     * active device of its number gets WIPE_APP_DATA at once. Empty if the device is not active.
     */
    public Optional<DestructionViews.Submitted> requestFromDevice(UUID deviceId, String email, Lang lang) {
        if (!blank(email) && !problems("010-0000-0000", email).isEmpty()) {
            throw new IllegalArgumentException("email");
        }
        List<ActiveDevice> devices = registry.activeDevicesAlongside(deviceId);
        if (devices.isEmpty()) {
            return Optional.empty();
        }
        // The same per-device budget as approval prompts: an app (or whoever holds its key) cannot
        // start request after request.
        limit(rateLimiter.acquire("destruction.app-request", deviceId.toString(),
                RateLimiter.Limit.perHour(settings.perDevicePerHour())));
        String normalizedEmail = blank(email) ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
        return Optional.of(database.fromTransaction(session -> {
            DestructionViews.Submitted s = create(session, Origin.APP, null, normalizedEmail, lang);
            DestructionRequest request = session.find(DestructionRequest.class, s.id());
            auditLog.record(session, new AuditEvent("device:" + deviceId, "destruction.requested",
                    DestructionRecords.TARGET, s.id().toString(), null, null).detail("origin=app"));
            Instant now = clock.instant();
            int position = 1;
            for (ActiveDevice device : devices) {
                session.persist(new DestructionDevice(UUID.randomUUID(), s.id(), device.id(), position++, null));
            }
            session.flush();
            request.devicesLookedUp(now, devices.size());
            DestructionProcess.approve(session, request, commands, auditLog, settings.wipeExpiry(), now,
                    "approved by the requesting device's signature");
            DestructionRecords.afterCommit(session, signal::raise);
            return s;
        }));
    }

    private DestructionViews.Submitted create(Session session, Origin origin, String phoneHash, String email,
                                              Lang lang) {
        return create(session, UUID.randomUUID(), origin, phoneHash, email, lang,
                clock.instant().plus(APPROVAL_WINDOW));
    }

    private DestructionViews.Submitted create(Session session, UUID id, Origin origin, String phoneHash, String email,
                                              Lang lang, Instant approvalDueAt) {
        Instant now = clock.instant();
        String token = SecretTokens.newToken(random, 16);
        String number = NumberProof.approvalNumber(random);
        String reference = DestructionRecords.nextReference(session, now);
        DestructionRequest request = new DestructionRequest(id, reference, origin, lang.code(), phoneHash, number,
                Digests.sha256Hex(token), email == null ? null : cipher.sealText(email, emailContext(id)),
                now, approvalDueAt, now.plus(PIPA_DEADLINE));
        session.persist(request);
        return new DestructionViews.Submitted(id, reference, token);
    }

    static String emailContext(UUID requestId) {
        return "destruction.email:" + requestId;
    }

    static String statusPath(Lang lang, String token) {
        return "/" + lang.code() + "/destruction/status/" + token;
    }

    // ---- without the device: the number proven by SMS, or reviewed by the privacy manager ----

    /** Field name → message key of each problem with the review form (email and explanation required). */
    public static Map<String, String> reviewProblems(String phoneNumber, String email, String explanation) {
        Map<String, String> problems = problems(phoneNumber, email);
        if (blank(email)) {
            problems.put("email", "destruction.error.email-required");
        }
        if (blank(explanation)) {
            problems.put("explanation", "destruction.error.explanation");
        } else if (explanation.strip().length() > EXPLANATION_MAX) {
            problems.put("explanation", "destruction.error.explanation-long");
        }
        return problems;
    }

    /**
     * "I no longer have my device", with the number still at hand: a 6-digit code goes to the number by
     * SMS (the registration's rules and limits). The code is kept only as a keyed hash bound to the request.
     *
     * @throws TooManyRequestsException past the limits per client address, per number or the SMS budget
     * @throws kr.jsoft.privacyportal.web.BadRequestException (503) if the SMS provider did not take it
     */
    public DestructionViews.Submitted requestWithSmsCode(String phoneNumber, String email, Lang lang,
                                                         String clientAddress) {
        if (!problems(phoneNumber, email).isEmpty()) {
            throw new IllegalArgumentException("invalid destruction request");
        }
        String phoneHash = registry.phoneHashOf(phoneNumber);
        limit(rateLimiter.acquire("destruction.address", PerNetwork.of(clientAddress),
                RateLimiter.Limit.perHour(settings.perAddressPerHour())));
        limit(rateLimiter.acquire("destruction.number", phoneHash,
                RateLimiter.Limit.perHour(settings.perNumberPerHour())));
        UUID id = UUID.randomUUID();
        kr.jsoft.privacyportal.device.SmsProofs.Sent sent = smsProofs.send(phoneNumber, clientAddress, id.toString());
        if (sent instanceof kr.jsoft.privacyportal.device.SmsProofs.Sent.Limited limited) {
            limit(new RateLimiter.Decision(false, limited.retryAfter()));
        }
        if (!(sent instanceof kr.jsoft.privacyportal.device.SmsProofs.Sent.CodeSent code)) {
            throw new kr.jsoft.privacyportal.web.BadRequestException(503,
                    "The SMS could not be sent; nothing was stored. Please try again later.");
        }
        String normalizedEmail = blank(email) ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
        return database.fromTransaction(session -> {
            DestructionViews.Submitted s = create(session, id, Origin.SMS, phoneHash, normalizedEmail, lang,
                    code.expiresAt());
            DestructionRequest request = session.find(DestructionRequest.class, id);
            request.startWithoutDevice(Origin.SMS, RequestState.PROVING);
            request.codeSent(code.codeHash(), code.expiresAt());
            auditLog.record(session, AuditEvent.publicVisitor("destruction.requested")
                    .target(DestructionRecords.TARGET, id).detail("origin=sms, code sent"));
            return s;
        });
    }

    /** What became of a code typed on the status page. */
    public enum CodeResult { CONFIRMED, WRONG, EXHAUSTED, EXPIRED, NOT_EXPECTED }

    /** The requester types the SMS code on the status page. */
    public CodeResult confirmCode(String token, String code) {
        return database.fromTransaction(session -> {
            Optional<DestructionRequest> found = DestructionRecords.byToken(session, token);
            if (found.isEmpty() || found.get().state() != RequestState.PROVING) {
                return CodeResult.NOT_EXPECTED;
            }
            DestructionRequest request = DestructionRecords.locked(session, found.get().id());
            Instant now = clock.instant();
            if (request.state() != RequestState.PROVING) {
                return CodeResult.NOT_EXPECTED;
            }
            if (!now.isBefore(request.codeExpiresAt())) {
                cancelUnproven(session, request, now, "SMS code expired");
                return CodeResult.EXPIRED;
            }
            if (!smsProofs.matches(request.id().toString(), code == null ? "" : code.strip(), request.codeHash())) {
                if (request.wrongCode(kr.jsoft.privacyportal.device.SmsProofs.MAX_TRIES)) {
                    cancelUnproven(session, request, now, "SMS code wrong "
                            + kr.jsoft.privacyportal.device.SmsProofs.MAX_TRIES + " times");
                    return CodeResult.EXHAUSTED;
                }
                auditLog.record(session, AuditEvent.publicVisitor("destruction.code-wrong")
                        .target(DestructionRecords.TARGET, request.id()).detail("attempt " + request.codeAttempts()));
                return CodeResult.WRONG;
            }
            request.waitingPeriod(now.plus(settings.waitingPeriod()));
            auditLog.record(session, AuditEvent.publicVisitor("destruction.number-proven")
                    .target(DestructionRecords.TARGET, request.id())
                    .detail("waiting period until " + request.windowEndsAt()));
            DestructionRecords.afterCommit(session, signal::raise);
            return CodeResult.CONFIRMED;
        });
    }

    private void cancelUnproven(Session session, DestructionRequest request, Instant now, String why) {
        request.cancelled(now);
        request.emailErased(now, null);
        auditLog.record(session, AuditEvent.publicVisitor("destruction.cancelled")
                .target(DestructionRecords.TARGET, request.id()).detail(why));
    }

    /**
     * No access to the number any more: the request goes to the privacy manager's queue with the
     * requester's explanation (sealed) and an email for the decision; the manager is alerted by mail
     * (reference only).
     */
    public DestructionViews.Submitted requestReview(String phoneNumber, String email, String explanation, Lang lang,
                                                    String clientAddress) {
        if (!reviewProblems(phoneNumber, email, explanation).isEmpty()) {
            throw new IllegalArgumentException("invalid review request");
        }
        String phoneHash = registry.phoneHashOf(phoneNumber);
        limit(rateLimiter.acquire("destruction.address", PerNetwork.of(clientAddress),
                RateLimiter.Limit.perHour(settings.perAddressPerHour())));
        limit(rateLimiter.acquire("destruction.number", phoneHash,
                RateLimiter.Limit.perHour(settings.perNumberPerHour())));
        String normalizedEmail = email.strip().toLowerCase(java.util.Locale.ROOT);
        return database.fromTransaction(session -> {
            Instant now = clock.instant();
            UUID id = UUID.randomUUID();
            DestructionViews.Submitted s = create(session, id, Origin.REVIEW, phoneHash, normalizedEmail, lang,
                    now.plus(PIPA_DEADLINE));
            DestructionRequest request = session.find(DestructionRequest.class, id);
            request.startWithoutDevice(Origin.REVIEW, RequestState.REVIEW);
            request.explanation(cipher.sealText(explanation.strip(), explanationContext(id)));
            outbox.enqueue(session, OutgoingMail.to(mail.managerAlert().getAddress(), Lang.KO,
                            "destruction/mail/review")
                    .with("reference", s.reference())
                    .with("requestUrl", "/manager/destruction/" + id));
            auditLog.record(session, AuditEvent.publicVisitor("destruction.requested")
                    .target(DestructionRecords.TARGET, id).detail("origin=review"));
            return s;
        });
    }

    static String explanationContext(UUID requestId) {
        return "destruction.explanation:" + requestId;
    }

    static String decisionContext(UUID requestId) {
        return "destruction.decision:" + requestId;
    }

    /** The request behind a status link, as the requester sees it; each view is audit-logged. */
    public Optional<DestructionViews.Status> status(String token) {
        return database.fromTransaction(session -> DestructionRecords.byToken(session, token).map(r -> {
            auditLog.record(session, AuditEvent.publicVisitor("destruction.status-viewed")
                    .target(DestructionRecords.TARGET, r.id()));
            boolean approved = r.approvedAt() != null;
            List<DestructionViews.DeviceStatus> devices = new ArrayList<>();
            boolean allErased = approved;
            Instant[] waitsUntil = {null};
            if (approved) {
                for (DestructionDevice d : DestructionRecords.devicesOf(session, r.id())) {
                    Optional<CommandView> wipe = d.wipeCommandId() == null ? Optional.empty()
                            : commands.view(session, d.wipeCommandId());
                    String state = DestructionRecords.deviceState(d, wipe);
                    wipe.filter(w -> !d.wipeState().isFinal()).map(CommandView::expiresAt)
                            .filter(until -> waitsUntil[0] == null || until.isAfter(waitsUntil[0]))
                            .ifPresent(until -> waitsUntil[0] = until);
                    Optional<Instant> at = d.wipedAt() != null ? Optional.of(d.wipedAt())
                            : wipe.flatMap(w -> w.startedAt().or(w::fetchedAt).or(w::wokenAt));
                    devices.add(new DestructionViews.DeviceStatus(d.position(), state, at, counts(d.wipeCounts()),
                            d.deviceErasedAt() != null));
                    allErased &= d.deviceErasedAt() != null;
                }
            }
            Lang lang = Lang.parse(r.lang()).orElse(Lang.KO);
            // Grounds, how to object to jsoft and the current outside organisations (PIPA Art. 38(5)).
            Optional<Remedies.Remedy> refusal = r.state() != RequestState.REFUSED ? Optional.empty()
                    : Optional.of(remedies.remedy(r.decisionSealed() == null ? ""
                            : cipher.openText(r.decisionSealed(), decisionContext(r.id())), lang));
            return new DestructionViews.Status(r.reference(), r.origin(), r.state(), Optional.ofNullable(r.outcome()),
                    r.approvalNumber(), r.createdAt(), r.approvalDueAt(), Optional.ofNullable(r.approvedAt()),
                    Optional.ofNullable(r.finishedAt()), devices, allErased, Optional.ofNullable(r.certificate()),
                    Optional.ofNullable(r.windowEndsAt()),
                    kr.jsoft.privacyportal.device.SmsProofs.MAX_TRIES - r.codeAttempts(), refusal,
                    r.devicesLookedUpAt() != null,
                    Optional.ofNullable(r.windowEndsAt()).map(end -> java.time.Duration.between(clock.instant(), end))
                            .map(d -> d.isNegative() ? java.time.Duration.ZERO : d),
                    interim(r, lang), Optional.ofNullable(waitsUntil[0]));
        }));
    }

    /**
     * The day-10 result of a request still open ({@code DeadlineKeeper}), as the status page repeats
     * it for everyone, with or without an email: postponed (a review) or partly done, with the remedies.
     */
    private Optional<Remedies.Remedy> interim(DestructionRequest r, Lang lang) {
        if (r.interimResultAt() == null || r.state().isFinal()) {
            return Optional.empty();
        }
        return Optional.of(remedies.remedy(kr.jsoft.privacyportal.web.Messages.resolve(lang.locale(),
                r.state() == RequestState.REVIEW ? "destruction.interim.review.grounds"
                        : "destruction.mail.interim.why"), lang));
    }

    static Map<String, Long> counts(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            Map<String, Long> counts = new LinkedHashMap<>();
            JsonNode node = JSON.readTree(json).path("counts");
            node.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
            return counts;
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static void limit(RateLimiter.Decision decision) {
        if (!decision.allowed()) {
            long minutes = Math.max(1, (decision.retryAfter().toSeconds() + 59) / 60);
            throw new TooManyRequestsException(decision.retryAfter(), "Too many requests. Please try again in "
                    + minutes + (minutes == 1 ? " minute." : " minutes.") + " / 요청이 너무 많습니다. " + minutes
                    + "분 후에 다시 시도해 주세요.");
        }
    }
}
