package kr.jsoft.privacyportal.rights;

import java.time.Duration;
import java.util.List;
import kr.jsoft.privacyportal.jobs.Signal;
import kr.jsoft.privacyportal.jobs.Worker;
import kr.jsoft.privacyportal.command.CommandFeature;
import kr.jsoft.privacyportal.complaint.ComplaintFeature;
import kr.jsoft.privacyportal.destruction.DestructionFeature;
import kr.jsoft.privacyportal.device.DeviceFeature;
import kr.jsoft.privacyportal.mail.MailFeature;
import kr.jsoft.privacyportal.platform.Cores;
import kr.jsoft.privacyportal.policy.PolicyFacts;
import kr.jsoft.privacyportal.staff.Access;
import kr.jsoft.privacyportal.staff.Role;

/**
 * Wires the rights beyond destruction (PIPA Arts. 35–38): the person's own page after proving the
 * number the way destruction does (access, correction, suspension, and destruction one click away),
 * and the requests made by phone, mail or through an agent, recorded by staff with the 10-day clock.
 * A decided request's personal data is erased after {@code PORTAL_RIGHTS_RETENTION}, a proof of
 * number a day after its page closed.
 */
public final class RightsFeature {
    /** The entities of the rights feature, for the composition root. */
    public static final List<Class<?>> ENTITIES = List.of(RightsProof.class, RightsRequest.class);

    private final SelfService self;
    private final StaffRecorded recorded;
    private final Worker worker;
    private final RightsUpkeep upkeep;

    private RightsFeature(Cores cores, RightsSettings settings, MailFeature mail, DeviceFeature devices, CommandFeature commands,
                          ComplaintFeature complaints, DestructionFeature destruction, PolicyFacts policy) {
        Signal signal = new Signal();
        recorded = new StaffRecorded(cores.database(), cores.auditLog(), cores.clock(), cores.random(),
                cores.dataCipher(), destruction.numberProof(), mail.outbox(), policy.remedies());
        self = new SelfService(cores.database(), cores.auditLog(), cores.clock(), cores.random(), cores.rateLimiter(),
                destruction.numberProof(), devices.registry(), commands.commands(), destruction.requestsOfNumber(),
                complaints.intake(), cores.erasureJournal(), recorded, signal);
        upkeep = new RightsUpkeep(cores.database(), cores.auditLog(), cores.clock(), cores.erasureJournal(), settings);
        // The device prompts of a proof go out here, after the request's commit: done in the
        // request, their time would tell whether the number has devices.
        worker = new Worker("portal-rights", signal, Duration.ofSeconds(1), cores.stopTimeout(), running -> {
            while (running.getAsBoolean() && self.promptDue() > 0) {
                // A batch was full: more may be due.
            }
        });
    }

    public static RightsFeature wire(Cores cores, RightsSettings settings, MailFeature mail, DeviceFeature devices,
                                     CommandFeature commands, ComplaintFeature complaints,
                                     DestructionFeature destruction, PolicyFacts policy) {
        RightsFeature feature = new RightsFeature(cores, settings, mail, devices, commands, complaints, destruction,
                policy);
        commands.commands().listen(feature.self);
        cores.web().manage(feature.worker);
        cores.erasureJournal().register(RightsUpkeep.ERASURE_KIND, feature.upkeep::eraseAgain);
        cores.jobs().exclusive("rights erasure", Duration.ofHours(1), feature.upkeep::eraseExpired);
        cores.jobs().exclusive("rights proof purge", Duration.ofHours(1), feature.upkeep::forgetEndedProofs);
        cores.web().servlet(new RightsServlet(feature.self, feature.recorded, policy.remedies(), cores.view(),
                        cores.clientAddress()),
                "/ko/rights", "/ko/rights/*", "/en/rights", "/en/rights/*");
        return feature;
    }

    /** The person's own page service, for tests in this package. */
    SelfService self() {
        return self;
    }

    /** The retention jobs' work, for tests in this package. */
    RightsUpkeep upkeep() {
        return upkeep;
    }

    /** The desk for requests made another way, and their share of the day's work. */
    public void register(Cores cores) {
        cores.staffArea().page(RightsDeskServlet.BASE + "/*", new RightsDeskServlet(recorded, cores.view(),
                cores.clock()), Access.view(Access.ALL_ROLES).act(Role.PRIVACY_MANAGER, Role.STAFF), "rights.nav");
        cores.staffArea().work(new RightsWork(recorded));
    }
}
