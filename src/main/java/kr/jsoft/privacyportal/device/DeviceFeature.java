package kr.jsoft.privacyportal.device;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import kr.jsoft.privacyportal.platform.Cores;
import kr.jsoft.privacyportal.push.EndpointPolicy;
import kr.jsoft.privacyportal.sms.DevelopmentSmsInbox;
import kr.jsoft.privacyportal.sms.SensSmsGateway;
import kr.jsoft.privacyportal.sms.SmsGateway;
import kr.jsoft.privacyportal.sms.SmsSettings;
import kr.jsoft.privacyportal.staff.Access;
import kr.jsoft.privacyportal.staff.Role;
import org.hibernate.Session;

/**
 * Wires the device registry: SMS-proven registration, the registry (the one place numbers become
 * keyed hashes), the signed device API and its OpenAPI document, the devices pages on the
 * dashboard and, in development mode, the SMS inbox.
 */
public final class DeviceFeature {
    private final SmsGateway sms;
    private final Optional<DevelopmentSmsInbox> smsInbox;
    private final List<DeviceEvents> listeners = new CopyOnWriteArrayList<>();
    private final DeviceRegistry registry;
    private final DeviceRegistration registration;
    private final DeviceReports reports;
    private final DatabaseNonceStore nonces;
    private final SmsProofs smsProofs;
    private final DeviceSettings settings;

    private DeviceFeature(Cores cores, DeviceSettings settings, SmsSettings smsSettings) {
        this.settings = settings;
        smsInbox = smsSettings.provider() == SmsSettings.Provider.DEVELOPMENT
                ? Optional.of(new DevelopmentSmsInbox(cores.clock())) : Optional.empty();
        sms = smsInbox.<SmsGateway>map(inbox -> inbox)
                .orElseGet(() -> new SensSmsGateway(smsSettings.sens().orElseThrow(), cores.clock()));
        DeviceEvents events = new Listeners(listeners);
        registry = new DeviceRegistry(cores.database(), cores.auditLog(), cores.clock(), cores.phoneHash(),
                cores.dataCipher(), events, settings.inactivity(), cores.erasureJournal());
        registration = new DeviceRegistration(cores.database(), cores.auditLog(), cores.clock(), cores.random(),
                registry, sms, cores.rateLimiter(), settings, events);
        reports = new DeviceReports(cores.database(), cores.auditLog(), registry);
        nonces = new DatabaseNonceStore(cores.database(), cores.clock());
        smsProofs = new SmsProofs(cores.clock(), cores.random(), cores.phoneHash(), sms, cores.rateLimiter(), settings);
    }

    public static DeviceFeature wire(Cores cores, DeviceSettings settings, SmsSettings sms) {
        DeviceFeature devices = new DeviceFeature(cores, settings, sms);
        cores.jobs().every("device nonce purge", Duration.ofMinutes(10), devices.nonces::purgeExpired);
        cores.jobs().exclusive("device inactivity erasure", Duration.ofHours(1), devices.registry::eraseInactive);
        cores.jobs().exclusive("device registration expiry", Duration.ofMinutes(10),
                devices.registry::purgeExpiredRegistrations);
        cores.erasureJournal().register(DeviceRegistry.ERASURE_KIND, devices.registry::eraseAgain);
        return devices;
    }

    /**
     * The signed device API (commands and in-app destruction requests come from the features
     * that own them) and the dashboard: the devices page and lookup, a device's history, the
     * attention panel and in development mode the SMS inbox. The lookup is a read (AUDITOR
     * included) that is POSTed so the number stays out of addresses.
     */
    public void register(Cores cores, DeviceCommandChannel commands, DeviceDestructionRequests destruction) {
        DeviceApiServlet api = new DeviceApiServlet(registration, registry,
                new DeviceRequestVerifier(cores.clock(), nonces), new EndpointPolicy(settings.allowPrivatePushEndpoints()),
                commands, destruction, cores.clock(), cores.clientAddress());
        cores.web().servlet(api, DeviceApiServlet.mappings().toArray(String[]::new));
        cores.web().servlet(new OpenApiServlet(), OpenApiServlet.PATH);
        DevicesServlet pages = new DevicesServlet(reports, cores.view());
        cores.staffArea().page(DevicesServlet.pagesPath(), pages, Access.view(Access.ALL_ROLES), "device.nav");
        cores.staffArea().page(DevicesServlet.lookupPath(), pages, Access.view(Access.ALL_ROLES).act(Access.ALL_ROLES));
        cores.staffArea().panel(new DevicePanel(reports, cores.clock()));
        smsInbox.ifPresent(inbox -> cores.staffArea().page(DevelopmentSmsServlet.PATH,
                new DevelopmentSmsServlet(new DevelopmentSmsReader(cores.database(), cores.auditLog(), inbox),
                        cores.view()), Access.view(Role.PRIVACY_MANAGER, Role.STAFF), "device.nav.sms"));
    }

    /** Another feature's answer to the registry's events, run in the registry's own transaction. */
    public void listen(DeviceEvents listener) {
        listeners.add(listener);
    }

    public DeviceRegistry registry() {
        return registry;
    }

    public DeviceReports reports() {
        return reports;
    }

    /** A number proven by an SMS code, under the registration's limits (destruction without the device). */
    public SmsProofs smsProofs() {
        return smsProofs;
    }

    public Optional<DevelopmentSmsInbox> smsInbox() {
        return smsInbox;
    }

    public DeviceSettings settings() {
        return settings;
    }

    /** Passes each event to every listener, in the order they listened. */
    private record Listeners(List<DeviceEvents> listeners) implements DeviceEvents {
        @Override
        public void newDeviceRegistered(Session session, UUID newDeviceId, List<UUID> otherActiveDevices) {
            listeners.forEach(l -> l.newDeviceRegistered(session, newDeviceId, otherActiveDevices));
        }

        @Override
        public void deviceErased(Session session, UUID deviceId) {
            listeners.forEach(l -> l.deviceErased(session, deviceId));
        }
    }
}
