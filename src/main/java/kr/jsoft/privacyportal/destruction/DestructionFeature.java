package kr.jsoft.privacyportal.destruction;

import kr.jsoft.privacyportal.jobs.Worker;
import kr.jsoft.privacyportal.jobs.Signal;
import java.time.Duration;
import java.util.UUID;
import kr.jsoft.privacyportal.command.CommandFeature;
import kr.jsoft.privacyportal.command.Commands;
import kr.jsoft.privacyportal.crypto.PortalKeys;
import kr.jsoft.privacyportal.device.DeviceDestructionRequests;
import kr.jsoft.privacyportal.device.DeviceFeature;
import kr.jsoft.privacyportal.mail.MailFeature;
import kr.jsoft.privacyportal.platform.Cores;
import kr.jsoft.privacyportal.policy.PolicyFacts;
import kr.jsoft.privacyportal.staff.Access;
import kr.jsoft.privacyportal.staff.NavGroup;
import kr.jsoft.privacyportal.staff.Role;

/**
 * Wires destruction requests: the website request (the same work whatever the number), approval
 * on a device, {@code WIPE_APP_DATA} to every device of the number, the portal's own records
 * erased (journalled) and a signed certificate; without the device, an SMS code or the privacy
 * manager's decision; the in-app request through the device API; the manager's queue.
 */
public final class DestructionFeature {
    /**
     * The erasure-journal kind of a device's commands' signed payloads (id: the device id), whose
     * eraser this feature registers: whoever else erases a device's records journals it too.
     */
    public static final String DEVICE_COMMANDS_ERASURE = ErasureKinds.DEVICE_COMMANDS;
    private final DestructionIntake intake;
    private final DestructionProcess process;
    private final DestructionDesk desk;
    private final Certificates certificates;
    private final DestructionMetrics metrics;
    private final DeadlineKeeper deadlines;
    private final Worker worker;
    private final NumberProof numberProof;
    private final RequestsOfNumber requestsOfNumber;

    private DestructionFeature(Cores cores, DestructionSettings settings, MailFeature mail, DeviceFeature devices,
                               CommandFeature commandFeature, PolicyFacts policy) {
        Commands commands = commandFeature.commands();
        Signal signal = new Signal();
        metrics = new DestructionMetrics(cores.meters());
        certificates = new Certificates(cores.keys().ecKey(PortalKeys.SIGNING), cores.keys().publicSigningKeys());
        intake = new DestructionIntake(cores.database(), cores.auditLog(), cores.clock(), cores.random(),
                devices.registry(), commands, cores.dataCipher(), cores.rateLimiter(), settings, signal,
                devices.smsProofs(), mail.outbox(), mail.settings(), policy.remedies());
        process = new DestructionProcess(cores.database(), cores.auditLog(), cores.clock(), devices.registry(),
                commands, mail.outbox(), mail.settings(), cores.dataCipher(), cores.rateLimiter(), settings,
                certificates, cores.erasureJournal(), signal, metrics::finished, cores.jobLeases().lease());
        desk = new DestructionDesk(cores.database(), cores.auditLog(), cores.clock(), commands, cores.dataCipher(),
                mail.outbox(), cores.erasureJournal(), settings, signal, policy::currentLabel,
                policy.remedies());
        deadlines = new DeadlineKeeper(cores.database(), cores.auditLog(), cores.clock(), commands,
                cores.dataCipher(), mail.outbox(), mail.settings(), settings, policy.remedies());
        numberProof = new NumberProof(cores.database(), devices.registry(), commands, cores.rateLimiter(), settings,
                devices.smsProofs(), cores.random());
        requestsOfNumber = new RequestsOfNumber(cores.dataCipher(), cores.auditLog());
        worker = new Worker("portal-destruction", signal, Duration.ofSeconds(1), cores.stopTimeout(), running -> {
            while (running.getAsBoolean() && process.runDue() > 0) {
                // More may have become due while this pass ran (a wipe confirmed, a device erased).
            }
            // The 10-day results and the review escalations fall due with the clock, not with a commit.
            while (running.getAsBoolean() && deadlines.runDue() > 0) {
                // A batch was full: more may be due.
            }
        });
    }

    public static DestructionFeature wire(Cores cores, DestructionSettings settings, MailFeature mail,
                                          DeviceFeature devices, CommandFeature commands, PolicyFacts policy) {
        DestructionFeature feature = new DestructionFeature(cores, settings, mail, devices, commands, policy);
        cores.erasureJournal().register(ErasureKinds.DEVICE_COMMANDS, (session, id) ->
                commands.commands().erasePayloadsOf(session, UUID.fromString(id)));
        cores.erasureJournal().register(ErasureKinds.REQUEST, feature.process::eraseAgain);
        commands.commands().listen(feature.process);
        cores.web().manage(feature.worker);
        cores.web().servlet(new DestructionServlet(feature.intake, feature.certificates, cores.view(),
                cores.clientAddress()), "/ko/destruction", "/ko/destruction/*", "/en/destruction", "/en/destruction/*");
        return feature;
    }

    /** The manager's queue with both clocks, and a panel per kind of waiting request. */
    public void register(Cores cores) {
        DestructionDeskServlet pages = new DestructionDeskServlet(desk, cores.view());
        cores.staffArea().page(DestructionDeskServlet.BASE + "/*", pages,
                Access.view(Access.ALL_ROLES).act(Role.PRIVACY_MANAGER, Role.STAFF), "destruction.nav");
        cores.staffArea().page(DestructionDeskServlet.STATISTICS, pages, Access.view(Access.ALL_ROLES),
                "destruction.nav.statistics", NavGroup.STATISTICS);
        cores.staffArea().work(new DestructionWork(desk, deadlines::escalatedReviews));
        for (DestructionPanel.Kind kind : DestructionPanel.Kind.values()) {
            cores.staffArea().panel(new DestructionPanel(desk, kind));
        }
    }

    /** Where the device API sends in-app "destroy my data" requests. */
    public DeviceDestructionRequests deviceDoor() {
        return new DestructionDoor(intake);
    }

    /** The proof of a number (device approval or SMS code), for the rights requests. */
    public NumberProof numberProof() {
        return numberProof;
    }

    /** Open requests still filed under a number, for a person's own rights page. */
    public RequestsOfNumber requestsOfNumber() {
        return requestsOfNumber;
    }

    public DestructionIntake intake() {
        return intake;
    }

    public DestructionProcess process() {
        return process;
    }

    public DestructionDesk desk() {
        return desk;
    }

    /** The 10-day results and review escalations (tests run a pass directly). */
    DeadlineKeeper deadlines() {
        return deadlines;
    }

    public Certificates certificates() {
        return certificates;
    }

    /** The latency timer the process records into (tests record into it too). */
    public DestructionMetrics metrics() {
        return metrics;
    }
}
