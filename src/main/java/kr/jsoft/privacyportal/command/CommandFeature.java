package kr.jsoft.privacyportal.command;

import kr.jsoft.privacyportal.jobs.Signal;
import com.nimbusds.jose.JOSEException;
import java.security.KeyPair;
import java.time.Duration;
import kr.jsoft.privacyportal.crypto.PortalKeys;
import kr.jsoft.privacyportal.device.DeviceCommandChannel;
import kr.jsoft.privacyportal.device.DeviceFeature;
import kr.jsoft.privacyportal.platform.Cores;
import kr.jsoft.privacyportal.push.Backoff;
import kr.jsoft.privacyportal.push.EndpointPolicy;
import kr.jsoft.privacyportal.push.FcmGateway;
import kr.jsoft.privacyportal.push.MeteredPushGateway;
import kr.jsoft.privacyportal.push.PushGateway;
import kr.jsoft.privacyportal.push.PushHttp;
import kr.jsoft.privacyportal.push.PushRouter;
import kr.jsoft.privacyportal.push.PushSettings;
import kr.jsoft.privacyportal.push.WebPushClient;
import kr.jsoft.privacyportal.push.WebPushGateway;
import kr.jsoft.privacyportal.staff.Access;
import kr.jsoft.privacyportal.staff.Role;

/**
 * Wires signed device commands: the queue (which answers the registry's events), the push
 * gateways (FCM, Web Push) behind the wake-up dispatcher, the JWKS the devices verify with and
 * a device's commands on the dashboard.
 */
public final class CommandFeature {
    private final Commands commands;
    private final WakeUpDispatcher wakeUps;

    private CommandFeature(Cores cores, PushSettings settings, DeviceFeature devices) {
        Signal signal = new Signal();
        commands = new Commands(cores.database(), cores.auditLog(), cores.clock(), cores.random(),
                new CommandSigner(cores.keys().ecKey(PortalKeys.SIGNING)), signal);
        EndpointPolicy endpoints = new EndpointPolicy(devices.settings().allowPrivatePushEndpoints());
        // The JDK's HTTP client (its TLS set-up reads the trust store) only when FCM is configured.
        PushGateway fcm = settings.fcm()
                .<PushGateway>map(f -> new FcmGateway(f.account(), f.baseUrl(), cores.clock(), PushHttp.newClient()))
                .orElseGet(() -> PushGateway.notConfigured("FCM"));
        // Started at the first push, stopped with the server; it connects only to the addresses the endpoint
        // policy checked.
        WebPushClient webPushHttp = new WebPushClient(PushHttp.newWebPushClient(endpoints));
        cores.web().manage(webPushHttp);
        PushGateway webPush = new WebPushGateway(vapidKeyPair(cores.keys()), settings.vapidContact(), endpoints,
                cores.clock(), webPushHttp);
        PushRouter push = new PushRouter(new MeteredPushGateway(fcm, "fcm", cores.meters()),
                new MeteredPushGateway(webPush, "web-push", cores.meters()));
        wakeUps = new WakeUpDispatcher(cores.database(), commands, devices.registry(), push,
                Backoff.standard(cores.random(), cores.clock()), new LoggingManagerAlerts(cores.clock()),
                cores.auditLog(), cores.clock(), signal, settings.workers(), Duration.ofSeconds(1), cores.stopTimeout(),
                cores.jobLeases());
    }

    public static CommandFeature wire(Cores cores, PushSettings settings, DeviceFeature devices) {
        CommandFeature feature = new CommandFeature(cores, settings, devices);
        devices.listen(new CommandEvents(feature.commands));
        cores.web().manage(feature.wakeUps);
        cores.jobs().exclusive("command history purge", Duration.ofHours(1),
                () -> feature.commands.purgeHistory(settings.commandHistory()));
        cores.web().servlet(new JwksServlet(cores.keys().publicSigningKeys()), JwksServlet.PATH);
        return feature;
    }

    /**
     * A device's commands with "retry wake-up" (a prefix route of its own, since
     * {@code /manager/devices/*} is view-only).
     */
    public void register(Cores cores) {
        cores.staffArea().page(CommandsServlet.PATH, new CommandsServlet(commands, cores.view()),
                Access.view(Access.ALL_ROLES).act(Role.PRIVACY_MANAGER, Role.STAFF));
        cores.staffArea().work(new CommandWork(commands));
    }

    /** What the device API delivers and accepts receipts through. */
    public DeviceCommandChannel channel() {
        return new CommandChannel(commands);
    }

    public Commands commands() {
        return commands;
    }

    public WakeUpDispatcher wakeUps() {
        return wakeUps;
    }

    private static KeyPair vapidKeyPair(PortalKeys keys) {
        try {
            return keys.ecKey(PortalKeys.VAPID).toKeyPair();
        } catch (JOSEException e) {
            throw new IllegalStateException("the VAPID key is not a P-256 key pair", e);
        }
    }
}
