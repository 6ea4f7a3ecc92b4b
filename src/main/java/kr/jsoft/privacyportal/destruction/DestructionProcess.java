package kr.jsoft.privacyportal.destruction;

import kr.jsoft.privacyportal.jobs.Signal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.command.Answer;
import kr.jsoft.privacyportal.command.ApprovalPrompt;
import kr.jsoft.privacyportal.command.CommandKind;
import kr.jsoft.privacyportal.command.CommandListener;
import kr.jsoft.privacyportal.command.CommandState;
import kr.jsoft.privacyportal.command.CommandView;
import kr.jsoft.privacyportal.command.Commands;
import kr.jsoft.privacyportal.crypto.DataCipher;
import kr.jsoft.privacyportal.device.ActiveDevice;
import kr.jsoft.privacyportal.device.DeviceRegistry;
import kr.jsoft.privacyportal.erasure.ErasureJournal;
import kr.jsoft.privacyportal.mail.MailSettings;
import kr.jsoft.privacyportal.mail.Outbox;
import kr.jsoft.privacyportal.mail.OutgoingMail;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.ratelimit.RateLimiter;
import kr.jsoft.privacyportal.web.Dates;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.Messages;
import org.hibernate.Session;

/**
 * Carries requests through: the devices' answers and receipts (as a {@link CommandListener}, in
 * the transaction that records them) and the background steps {@link #runDue()} runs — looking
 * up the devices and prompting them, cancelling unapproved requests, erasing the portal's records
 * of wiped devices, completing requests with a certificate, the 60-second promise, and erasing
 * the requester's email once the certificate is sent. Every step keeps its state in the database
 * and re-checks it under a row lock, so a restart resumes and several instances share the work.
 */
final class DestructionProcess implements CommandListener {
    /** The company's promise: destruction completes immediately, i.e. within this of approval. */
    static final java.time.Duration PROMISE = java.time.Duration.ofSeconds(60);
    /** How long a look-up claim holds ({@code PORTAL_LEASE}); one look-up takes moments. */
    private final java.time.Duration lease;
    static final int BATCH = 50;
    /** States that end by themselves when their deadline ({@code approval_due_at}) passes. */
    static final List<RequestState> UNAPPROVED = List.of(RequestState.SUBMITTED, RequestState.AWAITING_APPROVAL,
            RequestState.PROVING);
    /** The warning the device shows with the number, asking for approval. */
    static final String PROMPT = "destruction.device.prompt.approve";
    /** What a device of a number proven without the device is told; {0} is when the wipe happens. */
    static final String ANNOUNCEMENT = "destruction.device.prompt.announced";
    /** The question that follows the announcement: approving it cancels the wipe. */
    static final String CANCEL_PROMPT = "destruction.device.prompt.cancel";

    private final Database database;
    private final AuditLog auditLog;
    private final Clock clock;
    private final DeviceRegistry registry;
    private final Commands commands;
    private final Outbox outbox;
    private final MailSettings mail;
    private final DataCipher cipher;
    private final RateLimiter rateLimiter;
    private final DestructionSettings settings;
    private final Certificates certificates;
    private final ErasureJournal journal;
    private final Signal signal;

    /** Told after commit when a request reaches its end (for the latency metric): time since it was made. */
    @FunctionalInterface
    public interface Finished {
        void finished(java.time.Duration sinceRequested, String outcome);
    }

    private final Finished finished;

    public DestructionProcess(Database database, AuditLog auditLog, Clock clock, DeviceRegistry registry, Commands commands,
                       Outbox outbox, MailSettings mail, DataCipher cipher, RateLimiter rateLimiter,
                       DestructionSettings settings, Certificates certificates, ErasureJournal journal,
                       Signal signal, Finished finished, java.time.Duration lease) {
        this.finished = finished;
        this.lease = lease;
        this.database = database;
        this.auditLog = auditLog;
        this.clock = clock;
        this.registry = registry;
        this.commands = commands;
        this.outbox = outbox;
        this.mail = mail;
        this.cipher = cipher;
        this.rateLimiter = rateLimiter;
        this.settings = settings;
        this.certificates = certificates;
        this.journal = journal;
        this.signal = signal;
    }

    // ---- answers and receipts, in the command channel's transaction ----

    @Override
    public void commandChanged(Session session, CommandView command) {
        Optional<UUID> requestId = DestructionRecords.requestOf(command);
        if (requestId.isEmpty()) {
            return;
        }
        if (command.kind() == CommandKind.APPROVE_REQUEST && command.state() == CommandState.COMPLETED) {
            answered(session, requestId.get(), command);
        } else if (command.kind() == CommandKind.WIPE_APP_DATA && command.state().isFinal()) {
            wipeFinished(session, requestId.get(), command);
        }
    }

    private void answered(Session session, UUID requestId, CommandView command) {
        DestructionRequest request = DestructionRecords.locked(session, requestId);
        if (request == null) {
            return;
        }
        Answer answer = command.answer().orElse(Answer.REFUSED);
        DestructionRecords.device(session, requestId, command.deviceId()).ifPresent(d -> d.answered(answer));
        Instant now = clock.instant();
        if (request.state() == RequestState.WAITING_PERIOD) {
            // Without the device: the prompt asks whether to cancel; "approve" cancels the pending wipe.
            if (answer == Answer.APPROVED && now.isBefore(request.windowEndsAt())) {
                cancel(session, request, now, "cancelled on device " + command.deviceId());
            }
            return;
        }
        if (request.state() != RequestState.AWAITING_APPROVAL) {
            return;
        }
        if (answer == Answer.APPROVED && now.isBefore(request.approvalDueAt())) {
            approve(session, request, commands, auditLog, settings.wipeExpiry(), now,
                    "approved on device " + command.deviceId());
            DestructionRecords.afterCommit(session, signal::raise);
        } else {
            cancel(session, request, now, answer == Answer.REFUSED ? "refused on a device" : "approved too late");
        }
    }

    /** Approval: WIPE_APP_DATA to every device of the request, in the caller's transaction. */
    static void approve(Session session, DestructionRequest request, Commands commands, AuditLog auditLog,
                        java.time.Duration wipeExpiry, Instant now, String how) {
        request.approved(now);
        for (DestructionDevice device : DestructionRecords.devicesOf(session, request.id())) {
            device.wipeQueued(commands.wipeAppData(session, device.deviceId(),
                    DestructionRecords.commandReference(request.id()), wipeExpiry));
        }
        auditLog.record(session, AuditEvent.system("destruction.approved").target(DestructionRecords.TARGET,
                request.id()).detail(how));
    }

    /**
     * A device prompt in Korean and English, Korean first: the portal does not know the app's language,
     * so the device shows both. A time given fills {0} in each language's own words, in KST.
     */
    static String bothLanguages(String key, Instant... when) {
        return inLanguage(Lang.KO, key, when) + " / " + inLanguage(Lang.EN, key, when);
    }

    private static String inLanguage(Lang lang, String key, Instant... when) {
        Object[] params = java.util.Arrays.stream(when).map(at -> Dates.dateTime(at, lang)).toArray();
        return Messages.resolve(lang.locale(), key, params);
    }

    private void ended(Session session, DestructionRequest request, Instant now, String outcome) {
        java.time.Duration took = java.time.Duration.between(request.createdAt(), now);
        DestructionRecords.afterCommit(session, () -> finished.finished(took, outcome));
    }

    private void cancel(Session session, DestructionRequest request, Instant now, String why) {
        request.cancelled(now);
        ended(session, request, now, "cancelled");
        eraseEmail(session, request, now, null);
        journal.record(session, ErasureKinds.REQUEST, request.id().toString());
        auditLog.record(session, AuditEvent.system("destruction.cancelled").target(DestructionRecords.TARGET,
                request.id()).detail(why));
    }

    private void wipeFinished(Session session, UUID requestId, CommandView command) {
        DestructionRequest request = DestructionRecords.locked(session, requestId);
        if (request == null) {
            return;
        }
        Optional<DestructionDevice> device = DestructionRecords.device(session, requestId, command.deviceId())
                .filter(d -> command.id().equals(d.wipeCommandId()) && !d.wipeState().isFinal());
        if (device.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        if (command.state() == CommandState.COMPLETED) {
            String digest = commands.receiptDigest(session, command.id(), "completed").orElse(null);
            device.get().wiped(now, digest, countsJson(command));
            auditLog.record(session, AuditEvent.system("destruction.device-wiped").target(DestructionRecords.TARGET,
                    requestId).detail("device " + device.get().position() + " receipt " + digest));
        } else {
            device.get().notConfirmed(now);
            auditLog.record(session, AuditEvent.system("destruction.device-not-confirmed")
                    .target(DestructionRecords.TARGET, requestId)
                    .detail("device " + device.get().position() + " command " + command.state()));
        }
        DestructionRecords.afterCommit(session, signal::raise);
    }

    private static String countsJson(CommandView command) {
        StringBuilder json = new StringBuilder("{\"counts\":{");
        boolean first = true;
        for (var e : command.counts().entrySet()) {
            json.append(first ? "" : ",").append('"').append(e.getKey()).append("\":").append(e.getValue());
            first = false;
        }
        return json.append("}}").toString();
    }

    // ---- background steps ----

    /** Every step once; returns how many items were handled. Safe from several threads and instances. */
    public int runDue() {
        return lookUpDevices() + cancelUnapproved() + endWaitingPeriods() + eraseDestroyedDevices()
                + completeFinished() + checkPromise() + eraseSentCertificateMails();
    }

    /** SUBMITTED → AWAITING_APPROVAL: finds the number's devices and sends each the approval prompt. */
    public int lookUpDevices() {
        int handled = 0;
        while (true) {
            String token = UUID.randomUUID().toString();
            List<UUID> claimed = database.fromTransaction(session -> {
                Instant now = clock.instant();
                List<UUID> ids = session.createSelectionQuery("select r.id from DestructionRequest r"
                                + " where (r.state = :submitted or (r.state = :waiting and r.devicesLookedUpAt is null))"
                                + " and (r.leaseUntil is null or r.leaseUntil < :now)"
                                + " order by r.createdAt, r.id", UUID.class)
                        .setParameter("submitted", RequestState.SUBMITTED)
                        .setParameter("waiting", RequestState.WAITING_PERIOD).setParameter("now", now)
                        .setMaxResults(BATCH).getResultList();
                if (ids.isEmpty()) {
                    return List.<UUID>of();
                }
                session.createMutationQuery("update DestructionRequest r set r.claimedBy = :token,"
                                + " r.leaseUntil = :until where r.id in :ids and r.devicesLookedUpAt is null"
                                + " and (r.leaseUntil is null or r.leaseUntil < :now)")
                        .setParameter("token", token).setParameter("until", now.plus(lease))
                        .setParameter("ids", ids).setParameter("now", now).executeUpdate();
                return session.createSelectionQuery("select r.id from DestructionRequest r where r.claimedBy = :token",
                        UUID.class).setParameter("token", token).getResultList();
            });
            for (UUID id : claimed) {
                lookUp(id, token);
            }
            handled += claimed.size();
            if (claimed.size() < BATCH) {
                return handled;
            }
        }
    }

    private void lookUp(UUID requestId, String token) {
        RequestState state = database.fromTransaction(session -> {
            DestructionRequest r = session.find(DestructionRequest.class, requestId);
            return r == null || r.devicesLookedUpAt() != null ? null : r.state();
        });
        if (state == RequestState.WAITING_PERIOD) {
            announce(requestId);
            return;
        }
        String phoneHash = database.fromTransaction(session -> {
            DestructionRequest r = session.find(DestructionRequest.class, requestId);
            return r == null || r.state() != RequestState.SUBMITTED ? null : r.phoneHash();
        });
        List<ActiveDevice> devices = phoneHash == null ? List.of() : registry.activeDevicesOf(phoneHash);
        // Nobody may pester a phone: past the per-device limit a device gets no prompt (it is still
        // wiped if another device of the number approves).
        List<Boolean> prompt = new ArrayList<>();
        for (ActiveDevice device : devices) {
            prompt.add(rateLimiter.acquire("destruction.device", device.id().toString(),
                    RateLimiter.Limit.perHour(settings.perDevicePerHour())).allowed());
        }
        database.inTransaction(session -> {
            DestructionRequest request = DestructionRecords.locked(session, requestId);
            if (request == null || request.state() != RequestState.SUBMITTED) {
                return;
            }
            Instant now = clock.instant();
            java.time.Duration left = java.time.Duration.between(now, request.approvalDueAt());
            int position = 1;
            int prompted = 0;
            for (int i = 0; i < devices.size(); i++) {
                UUID approveId = null;
                if (prompt.get(i) && left.toSeconds() >= 1) {
                    approveId = commands.approveRequest(session, devices.get(i).id(),
                            new ApprovalPrompt("destruction-request", bothLanguages(PROMPT), request.approvalNumber()),
                            DestructionRecords.commandReference(requestId), left);
                    prompted++;
                }
                session.persist(new DestructionDevice(UUID.randomUUID(), requestId, devices.get(i).id(), position++,
                        approveId));
            }
            request.devicesLookedUp(now, devices.size());
            journal.record(session, ErasureKinds.REQUEST, requestId.toString());
            auditLog.record(session, AuditEvent.system("destruction.devices-looked-up")
                    .target(DestructionRecords.TARGET, requestId)
                    .detail("devices=" + devices.size() + " prompted=" + prompted));
        });
    }

    /**
     * Without the device: every device of the proven number is told that its data will be
     * wiped when the waiting period ends ({@code NOTIFY}) and asked whether to cancel
     * ({@code APPROVE_REQUEST}, "approve" cancels); the portal at once erases what it holds about the
     * number that is not needed to reach the devices (registrations still proving the number, and the
     * number's hash itself once the devices are known).
     */
    private void announce(UUID requestId) {
        database.inTransaction(session -> {
            DestructionRequest request = DestructionRecords.locked(session, requestId);
            if (request == null || request.state() != RequestState.WAITING_PERIOD
                    || request.devicesLookedUpAt() != null) {
                return;
            }
            Instant now = clock.instant();
            List<ActiveDevice> devices = request.phoneHash() == null ? List.of()
                    : registry.activeDevicesOf(session, request.phoneHash());
            int pending = request.phoneHash() == null ? 0
                    : registry.erasePendingRegistrations(session, request.phoneHash());
            java.time.Duration left = java.time.Duration.between(now, request.windowEndsAt());
            int position = 1;
            for (ActiveDevice device : devices) {
                UUID cancelPrompt = null;
                if (left.toSeconds() >= 1) {
                    commands.notify(session, device.id(), new kr.jsoft.privacyportal.command.Notice(
                            "destruction-announced", bothLanguages(ANNOUNCEMENT, request.windowEndsAt())),
                            DestructionRecords.commandReference(requestId), left);
                    cancelPrompt = commands.approveRequest(session, device.id(), new ApprovalPrompt(
                            "destruction-cancel", bothLanguages(CANCEL_PROMPT), request.approvalNumber()),
                            DestructionRecords.commandReference(requestId), left);
                }
                session.persist(new DestructionDevice(UUID.randomUUID(), requestId, device.id(), position++,
                        cancelPrompt));
            }
            request.devicesLookedUp(now, devices.size());
            journal.record(session, ErasureKinds.REQUEST, requestId.toString());
            auditLog.record(session, AuditEvent.system("destruction.announced").target(DestructionRecords.TARGET,
                    requestId).detail("devices=" + devices.size() + " pending registrations erased=" + pending));
        });
    }

    /** Without the device: once the waiting period ends uncancelled, WIPE_APP_DATA goes to every device. */
    public int endWaitingPeriods() {
        List<UUID> due = database.fromTransaction(session -> session.createSelectionQuery(
                        "select r.id from DestructionRequest r where r.state = :waiting and r.devicesLookedUpAt"
                                + " is not null and r.windowEndsAt <= :now order by r.windowEndsAt, r.id", UUID.class)
                .setParameter("waiting", RequestState.WAITING_PERIOD).setParameter("now", clock.instant())
                .setMaxResults(BATCH).getResultList());
        for (UUID id : due) {
            database.inTransaction(session -> {
                DestructionRequest request = DestructionRecords.locked(session, id);
                Instant now = clock.instant();
                if (request != null && request.state() == RequestState.WAITING_PERIOD
                        && !now.isBefore(request.windowEndsAt())) {
                    approve(session, request, commands, auditLog, settings.lostDeviceWipeExpiry(), now,
                            "waiting period ended without a cancellation");
                }
            });
        }
        if (!due.isEmpty()) {
            signal.raise();
        }
        return due.size();
    }

    /** Requests not approved within the window are cancelled (the page says "not confirmed", never why). */
    public int cancelUnapproved() {
        List<UUID> due = database.fromTransaction(session -> session.createSelectionQuery(
                        "select r.id from DestructionRequest r where r.state in :waiting and r.approvalDueAt <= :now"
                                + " order by r.approvalDueAt, r.id", UUID.class)
                .setParameter("waiting", UNAPPROVED)
                .setParameter("now", clock.instant()).setMaxResults(BATCH).getResultList());
        for (UUID id : due) {
            database.inTransaction(session -> {
                DestructionRequest request = DestructionRecords.locked(session, id);
                Instant now = clock.instant();
                if (request != null && UNAPPROVED.contains(request.state()) && !now.isBefore(request.approvalDueAt())) {
                    cancel(session, request, now, request.state() == RequestState.PROVING ? "SMS code not confirmed in time"
                            : "not approved within " + DestructionIntake.APPROVAL_WINDOW.toMinutes() + " minutes");
                }
            });
        }
        return due.size();
    }

    /**
     * Once a device's wipe is confirmed (or its command expired or failed), the portal's own records
     * of it go: the device row with its key and push address, and its commands' signed payloads;
     * each journalled, so a restored backup brings none of it back.
     */
    public int eraseDestroyedDevices() {
        List<UUID> rows = database.fromTransaction(session -> session.createSelectionQuery(
                        "select d.id from DestructionDevice d where d.deviceErasedAt is null and d.wipeState in :done",
                        UUID.class)
                .setParameter("done", List.of(WipeState.WIPED, WipeState.NOT_CONFIRMED))
                .setMaxResults(BATCH).getResultList());
        for (UUID rowId : rows) {
            database.inTransaction(session -> {
                DestructionDevice row = session.find(DestructionDevice.class, rowId,
                        jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
                if (row == null || row.deviceErasedAt() != null) {
                    return;
                }
                DestructionRequest request = session.find(DestructionRequest.class, row.requestId());
                journal.record(session, ErasureKinds.DEVICE_COMMANDS, row.deviceId().toString());
                registry.eraseDestroyed(session, row.deviceId(), "destruction " + request.reference());
                commands.erasePayloadsOf(session, row.deviceId());
                row.deviceErased(clock.instant());
            });
        }
        if (!rows.isEmpty()) {
            signal.raise();
        }
        return rows.size();
    }

    /** DESTROYING requests whose devices are all finished and erased complete, with the certificate. */
    public int completeFinished() {
        List<UUID> candidates = database.fromTransaction(session -> session.createSelectionQuery(
                        "select r.id from DestructionRequest r where r.state = :destroying and not exists ("
                                + "select d.id from DestructionDevice d where d.requestId = r.id and"
                                + " (d.deviceErasedAt is null or d.wipeState not in :done)) order by r.approvedAt, r.id",
                        UUID.class)
                .setParameter("destroying", RequestState.DESTROYING)
                .setParameter("done", List.of(WipeState.WIPED, WipeState.NOT_CONFIRMED))
                .setMaxResults(BATCH).getResultList());
        for (UUID id : candidates) {
            database.inTransaction(session -> complete(session, id));
        }
        return candidates.size();
    }

    private void complete(Session session, UUID id) {
        DestructionRequest request = DestructionRecords.locked(session, id);
        if (request == null || request.state() != RequestState.DESTROYING) {
            return;
        }
        List<DestructionDevice> devices = DestructionRecords.devicesOf(session, id);
        if (devices.stream().anyMatch(d -> !d.wipeState().isFinal() || d.deviceErasedAt() == null)) {
            return;
        }
        Instant now = clock.instant();
        List<Certificates.Receipt> receipts = new ArrayList<>();
        List<Integer> notConfirmed = new ArrayList<>();
        for (DestructionDevice d : devices) {
            if (d.wipeState() == WipeState.WIPED) {
                receipts.add(new Certificates.Receipt(d.position(), d.receiptDigest()));
            } else {
                notConfirmed.add(d.position());
            }
        }
        Outcome outcome = notConfirmed.isEmpty() ? Outcome.COMPLETED : Outcome.PARTIAL;
        String certificate = certificates.sign(new Certificates.Facts(request.reference(),
                request.origin().name().toLowerCase(java.util.Locale.ROOT), request.createdAt(),
                Optional.ofNullable(request.approvedAt()), now, devices.size(), receipts.size(), notConfirmed,
                receipts, outcome.name(), null), now);
        request.completed(now, outcome, receipts.size(), certificate);
        ended(session, request, now, outcome.name().toLowerCase(java.util.Locale.ROOT));
        UUID mailId = null;
        if (request.emailSealed() != null) {
            Lang lang = Lang.parse(request.lang()).orElse(Lang.KO);
            String email = cipher.openText(request.emailSealed(), DestructionIntake.emailContext(id));
            mailId = outbox.enqueue(session, OutgoingMail.to(email, lang, "destruction/mail/certificate")
                    .with("reference", request.reference())
                    .with("completedAt", Dates.dateTime(now, lang))
                    .with("devices", Integer.toString(devices.size()))
                    .with("wiped", Integer.toString(receipts.size()))
                    .with("outcome", outcome.name())
                    .with("certificate", certificate)
                    .with("verifyUrl", "/" + lang.code() + "/destruction/verify"));
        }
        eraseEmail(session, request, now, mailId);
        journal.record(session, ErasureKinds.REQUEST, id.toString());
        auditLog.record(session, AuditEvent.system("destruction.completed").target(DestructionRecords.TARGET, id)
                .detail("outcome=" + outcome + " devices=" + devices.size() + " wiped=" + receipts.size()
                        + (mailId == null ? "" : " certificate mailed")));
    }

    private void eraseEmail(Session session, DestructionRequest request, Instant now, UUID mailId) {
        if (request.emailSealed() != null) {
            request.emailErased(now, mailId);
        }
    }

    /**
     * The company's promise (immediately, i.e. within 60 s of approval while the devices are online):
     * a request still destroying 60 s after approval although a device was online (it fetched the
     * wipe but has not confirmed it) is flagged once and mailed to the privacy manager.
     */
    public int checkPromise() {
        Instant cutoff = clock.instant().minus(PROMISE);
        List<UUID> late = database.fromTransaction(session -> session.createSelectionQuery(
                        "select r.id from DestructionRequest r where r.state = :destroying and r.promiseMissedAt is null"
                                + " and r.approvedAt <= :cutoff order by r.approvedAt, r.id", UUID.class)
                .setParameter("destroying", RequestState.DESTROYING).setParameter("cutoff", cutoff)
                .setMaxResults(BATCH).getResultList());
        int flagged = 0;
        for (UUID id : late) {
            flagged += database.fromTransaction(session -> {
                DestructionRequest request = DestructionRecords.locked(session, id);
                if (request == null || request.state() != RequestState.DESTROYING || request.promiseMissedAt() != null) {
                    return 0;
                }
                boolean online = DestructionRecords.devicesOf(session, id).stream()
                        .filter(d -> d.wipeState() == WipeState.QUEUED && d.wipeCommandId() != null)
                        .map(d -> commands.view(session, d.wipeCommandId()))
                        .flatMap(Optional::stream).anyMatch(DestructionRecords::online);
                if (!online) {
                    return 0;
                }
                Instant now = clock.instant();
                request.promiseMissed(now);
                outbox.enqueue(session, OutgoingMail.to(mail.managerAlert().getAddress(), Lang.KO,
                                "destruction/mail/promise-missed")
                        .with("reference", request.reference())
                        .with("approvedAt", Dates.dateTime(request.approvedAt(), Lang.KO))
                        .with("requestUrl", "/manager/destruction/" + id));
                auditLog.record(session, AuditEvent.system("destruction.promise-missed")
                        .target(DestructionRecords.TARGET, id).detail("not complete 60 s after approval"));
                return 1;
            });
        }
        return flagged;
    }

    /** The certificate went out (or was given up): its recipient and content are erased from the outbox too. */
    public int eraseSentCertificateMails() {
        List<UUID> waiting = database.fromTransaction(session -> session.createSelectionQuery(
                        "select r.id from DestructionRequest r where r.certificateMailId is not null order by r.id",
                        UUID.class).setMaxResults(BATCH).getResultList());
        int erased = 0;
        for (UUID id : waiting) {
            erased += database.fromTransaction(session -> {
                DestructionRequest request = DestructionRecords.locked(session, id);
                if (request == null || request.certificateMailId() == null) {
                    return 0;
                }
                UUID mailId = request.certificateMailId();
                if (!outbox.eraseIfFinished(session, mailId)) {
                    return 0;
                }
                journal.record(session, ErasureKinds.MAIL, mailId.toString());
                request.certificateMailErased();
                auditLog.record(session, AuditEvent.system("destruction.email-erased")
                        .target(DestructionRecords.TARGET, id).detail("certificate mail erased once sent"));
                return 1;
            });
        }
        return erased;
    }

    /** The erasure journal's eraser for kind {@code destruction-request}: the number's hash and the email go again. */
    public boolean eraseAgain(Session session, String id) {
        DestructionRequest request = session.find(DestructionRequest.class, UUID.fromString(id));
        if (request == null || (request.phoneHash() == null && request.emailSealed() == null)) {
            return false;
        }
        Instant now = clock.instant();
        if (request.state() == RequestState.SUBMITTED) {
            request.cancelled(now);
        } else {
            request.devicesLookedUp(request.devicesLookedUpAt() == null ? now : request.devicesLookedUpAt(),
                    request.deviceCount());
        }
        eraseEmail(session, request, now, request.certificateMailId());
        return true;
    }
}
